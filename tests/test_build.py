"""The test site built with Sphinx, read back as HTML."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import EV, ROOT, build, edit


@pytest.fixture
def built(site):
    result = build(site)
    assert result.warnings == "", result.warnings
    return result


def test_every_page_is_generated(built):
    for doc in [
        "index",
        "events/index",
        "events/bridge-strike",
        "events/town-withdrawal",
        "sources/index",
        "sources/alpha",
        "sources/beta",
        "figures/index",
    ]:
        assert (built.outdir / f"{doc}.html").is_file(), doc


def test_event_page_shows_claims_as_cards(built):
    soup = built.soup("events/bridge-strike")
    card = soup.find(id="claim-bridge-12-dead")
    assert card is not None and "fc-claim" in card["class"]
    assert card.find(class_="fc-badge").get_text() == "Corroborated"
    assert "Claimed by The Ministry" in card.get_text(" ", strip=True)
    quotes = card.find_all("blockquote")
    assert [q.p.get_text() for q in quotes] == [
        "“The ministry said 12 people were killed in the strike on the bridge.”",
        "“Officials confirmed the strike on the bridge killed 12 people.”",
    ]
    # Each quote links to its highlighted passage on the source page.
    links = [q.find("a")["href"] for q in quotes]
    assert links == ["../sources/alpha.html#cite-bridge-12-dead-1", "../sources/beta.html#cite-bridge-12-dead-2"]


def test_quote_link_lands_on_a_mark_that_links_back(built):
    soup = built.soup("sources/alpha")
    mark = soup.find("mark", id="cite-bridge-12-dead-1")
    assert mark is not None
    assert mark.get_text() == "The ministry said 12 people were killed in the strike on the bridge."
    # The superscript after the passage links back to the claim.
    sup = mark.find_next_sibling("sup")
    assert sup.a["href"] == "../events/bridge-strike.html#claim-bridge-12-dead"
    back = soup.find(id="L2").find_next_sibling("ul")
    assert "fc-backlinks" in back["class"]
    assert "../events/bridge-strike.html#cite-bridge-12-dead-1-q" in [a["href"] for a in back.find_all("a")]


def test_source_page_marks_furniture_and_keeps_every_line(built, site):
    soup = built.soup("sources/alpha")
    boxes = soup.find_all(class_="fc-furniture")
    assert len(boxes) == 2
    assert boxes[0].find(id="L1") is not None and "Menu | Home | Search" in boxes[0].get_text()
    assert "teasers for other articles" in boxes[1].get_text() and boxes[1].find(id="L5")
    text = (site / "claims/sources/alpha_0001.txt").read_text(encoding="utf-8")
    for n, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            # Line numbers and "[n]" are drawn by CSS: the text is the line itself.
            assert soup.find(id=f"L{n}").get_text() == line
    assert "not stated" in soup.find(class_="fc-meta").get_text()  # dates the source does not give


def test_figures_table_one_row_per_report(built):
    soup = built.soup("figures/index")
    sec = soup.find(id="measure-bridge-deaths")
    rows = sec.find("tbody").find_all("tr")
    cells = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in rows]
    assert [c[0] for c in cells] == ["12 people", "12 people", "at least 15 people"]
    assert [c[1] for c in cells] == ["The Ministry", "The Ministry", "The Monitor"]
    assert "Alpha report, line 2" in cells[0][2] and "Beta report, line 1" in cells[1][2]
    assert "Reports differ" in sec.get_text() and "from 12 to 15" in sec.get_text()
    assert rows[2].find("a")["href"] == "../sources/alpha.html#cite-bridge-15-dead-1"


def test_contradictions_link_both_ways(built):
    soup = built.soup("events/town-withdrawal")
    for a, b in [
        ("army-denies-withdrawal", "witnesses-soldiers-left"),
        ("witnesses-soldiers-left", "army-denies-withdrawal"),
    ]:
        disputes = soup.find(id=f"claim-{a}").find(class_="fc-disputes")
        assert disputes.a["href"] == f"#claim-{b}"


def test_dates_as_reported_and_inferred_are_apart(built):
    text = built.soup("events/town-withdrawal").find(class_="fc-date").get_text(" ", strip=True)
    assert "As reported: “left the town on Friday”" in text
    assert "Editor’s inference: Friday 29 November 2024 — Friday of the week in question." in text
    text = built.soup("events/bridge-strike").find(class_="fc-date").get_text(" ", strip=True)
    assert "no source dates it" in text and "none made" in text


def test_editor_text_is_escaped(site):
    edit(
        site,
        EV,
        "summary: A strike hit the bridge; tolls differ.",
        'summary: "<script>alert(1)</script> **bold** {eval-rst}`x` [a](javascript:alert(1))"',
    )
    result = build(site)
    html = result.html("events/bridge-strike")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; **bold** {eval-rst}`x` [a](javascript:alert(1))" in html
    assert 'href="javascript:' not in html


def test_invalid_records_stop_the_build(site):
    edit(site, EV, 'killed 12 people."', 'killed 13 people."')
    edit(site, EV, "summary:", "sumary:")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", "-c", ".", "docs", "_build/html"],
        cwd=site,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "claims/events/bridge-strike.yaml:18:16: quote not found verbatim" in result.stderr
    assert "claims/events/bridge-strike.yaml:8:1: unknown field 'sumary'" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (site / "_build/html/index.html").exists()


def test_a_settled_contradiction_is_not_shown_as_a_dispute(site):
    tw = "claims/events/town-withdrawal.yaml"
    edit(site, tw, "rating: contested\n    rationale: Witnesses say", "rating: reported\n    rationale: Witnesses say")
    edit(
        site, tw, "rating: contested\n    rationale: The army denies it.", "rating: inaccurate\n    rationale: Settled."
    )
    result = build(site)
    assert result.warnings == "", result.warnings
    soup = result.soup("events/town-withdrawal")
    army = " ".join(soup.find(id="claim-army-denies-withdrawal").get_text(" ").split())
    witnesses = " ".join(soup.find(id="claim-witnesses-soldiers-left").get_text(" ").split())
    assert "Disputed by" not in army and "Contradicts a claim the records show to be inaccurate:" in army
    assert "Disputed by" not in witnesses and "Settled by: The army denied" in witnesses
