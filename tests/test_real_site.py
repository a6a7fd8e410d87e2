"""The real site: the records validate, and the site builds clean and complete."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from tooling.sphinxext.domain import GENERATED_DIRS
from tooling.validate import check


@pytest.fixture(scope="module")
def corpus():
    corpus, problems = check(ROOT / "claims", ROOT)
    assert not problems, problems.report()
    return corpus


def test_every_shared_capture_is_a_source_byte_for_byte(corpus):
    # Every capture in ../shared is recorded, unchanged; sources added since are welcome.
    shared = ROOT.parent / "shared" / "sources"
    if not shared.is_dir():
        pytest.skip("../shared/sources is not beside this checkout")
    by_name = {s.text_name: s for s in corpus.sources.values()}
    for capture in sorted(shared.glob("*.txt")):
        assert capture.name in by_name, f"{capture.name} is not recorded under claims/sources/"
        assert by_name[capture.name].text_path.read_bytes() == capture.read_bytes()


def test_a_new_source_and_its_claim_need_no_change_to_tooling_or_tests(real_site, tmp_path):
    """What an editor adds (a capture, its metadata, an event with a claim) validates and builds."""
    import hashlib

    from conftest import build

    site = tmp_path / "site"
    shutil.copytree(real_site, site, ignore=shutil.ignore_patterns("_build"))
    text = "Rescuers said the bridge reopened on Sunday after repairs.\n"
    (site / "claims/sources/999_newcapture.txt").write_text(text, encoding="utf-8")
    (site / "claims/sources/999_newcapture.yaml").write_text(
        'id: src-999\nlabel: "A new capture (999)"\ntitle: null\npublisher: null\nurl: null\npublished: null\n'
        f"retrieved: null\nlanguage: en\ntext: 999_newcapture.txt\nsha256: {hashlib.sha256(text.encode()).hexdigest()}\n",
        encoding="utf-8",
    )
    (site / "claims/events/bridge-reopened.yaml").write_text(
        "id: bridge-reopened\ntitle: Rescuers say a bridge reopened\nkind: statement\ndate:\n  reported:\n"
        '    - source: src-999\n      quote: "reopened on Sunday"\n  inferred: null\n'
        "place: Not stated\nsummary: One new capture reports it.\nclaims:\n"
        '  - id: rescuers-bridge-reopened\n    published: "2026-12-01"\n'
        "    text: Rescuers said the bridge reopened after repairs.\n    claimant: unnamed-reports\n"
        "    citations:\n      - source: src-999\n"
        '        quote: "Rescuers said the bridge reopened on Sunday after repairs."\n'
        "    rating: unverified\n    rationale: The rescuers are not named.\n",
        encoding="utf-8",
    )
    with (site / "claims/places.yaml").open("a", encoding="utf-8") as f:  # every event is placed
        f.write("  - event: bridge-reopened\n    reason: No place is stated.\n")
    _, problems = check(site / "claims", site)
    assert problems == [], problems.report()
    result = build(site)
    assert result.warnings == "", result.warnings
    assert "Rescuers said the bridge reopened after repairs." in result.html("events/bridge-reopened")
    assert "src-999" in result.html("sources/index")


def test_site_has_every_page(corpus, real_built):
    built = real_built
    assert len(corpus.events) >= 5
    for e in corpus.events:
        assert (built.outdir / "events" / f"{e}.html").is_file()
    for s in corpus.sources:
        assert (built.outdir / "sources" / f"{s}.html").is_file()
    for doc in ["index", "methodology", "figures/index", "events/index", "sources/index"]:
        assert (built.outdir / f"{doc}.html").is_file()


def test_source_pages_hold_the_full_text(corpus, real_built):
    built = real_built
    for s in corpus.sources.values():
        soup = built.soup(f"sources/{s.id}")
        for n, line in enumerate(s.text.split("\n"), start=1):
            if line.strip():
                # Line numbers and "[n]" are drawn by CSS: the text is the capture's line.
                assert soup.find(id=f"L{n}").get_text() == line, (s.id, n)


def test_every_citation_is_highlighted_on_its_source_page(corpus, real_built):
    soups = {s: real_built.soup(f"sources/{s}") for s in corpus.sources}
    for claim in corpus.claims.values():
        for i, cit in enumerate(claim.citations):
            soup = soups[cit.source]
            # Two passages starting at one place share a <mark>; the second
            # anchor is then a <span id> at its start (docutils' way).
            anchor = soup.find(id=claim.citation_anchor(i))
            assert anchor is not None, claim.id
            mark = anchor if anchor.name == "mark" else anchor.find_parent("mark")
            assert mark is not None and "fc-cited" in mark["class"], claim.id


def test_every_figure_is_in_the_figures_table(corpus, real_built):
    from tooling.sphinxext.domain import figures_page, figures_page_count

    links = set()
    for k in range(1, figures_page_count(corpus) + 1):
        links |= {a["href"] for a in real_built.soup(figures_page(k)).select("table.fc-figures-table a")}
    for claim in corpus.claims.values():
        if claim.figure:
            assert f"../events/{claim.event}.html#{claim.anchor}" in links, claim.id


def test_methodology_documents_the_rating_scale(real_built):
    built = real_built
    from tooling.ratings import SCALE

    soup = built.soup("methodology")
    badges = [b.get_text() for b in soup.select("table.fc-rating-scale .fc-badge")]
    assert badges == [r.label for r in SCALE]


def test_schema_enum_matches_the_rating_scale():
    from tooling.ratings import SCALE
    from tooling.schema_check import schema

    assert schema()["$defs"]["claim"]["properties"]["rating"]["enum"] == [r.name for r in SCALE]


def _one_word_changed(site: Path) -> tuple[str, int]:
    """Change one word of the first one-line quote with ' the ' in it; return (file, line)."""
    for path in sorted((site / "claims/events").glob("*.yaml")):
        lines = path.read_text(encoding="utf-8").split("\n")
        for i, line in enumerate(lines):
            if line.strip().startswith("quote:") and " the " in line:
                lines[i] = line.replace(" the ", " a ", 1)
                path.write_text("\n".join(lines), encoding="utf-8")
                return path.relative_to(site).as_posix(), i + 1
    raise AssertionError("no quote with ' the ' found")


def test_one_word_changed_fails_check_and_build(real_site, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(real_site / "conf.py", site / "conf.py")
    shutil.copytree(real_site / "claims", site / "claims")
    shutil.copytree(
        ROOT / "docs",
        site / "docs",
        ignore=shutil.ignore_patterns(*GENERATED_DIRS),
    )
    rel, line = _one_word_changed(site)
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    checked = subprocess.run(
        [sys.executable, "-m", "tooling", "check"], cwd=site, env=env, capture_output=True, text=True
    )
    assert checked.returncode == 1
    assert re.search(rf"^{re.escape(rel)}:{line}:\d+: quote not found verbatim", checked.stdout, re.M)
    built = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", "-c", ".", "docs", "_build/html"],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
    )
    assert built.returncode != 0
    assert f"{rel}:{line}:" in built.stderr
    assert "Traceback" not in built.stderr


def test_every_correction_and_retraction_is_on_the_log_and_in_the_feed(corpus, real_built):
    import feedparser

    logged = sum(len(c.corrections) + (1 if c.retracted else 0) for c in corpus.claims.values())
    items = real_built.soup("corrections/index").select("ul.fc-corrections-log > li")
    feed = feedparser.parse((real_built.outdir / "corrections.atom").read_bytes())
    assert len(items) == logged == len(feed.entries)
    assert not feed.bozo and feed.version == "atom10"
    # Every corrected claim's card says when it was updated, and shows its log.
    for claim in corpus.claims.values():
        if claim.corrections:
            card = real_built.soup(f"events/{claim.event}").find(id=claim.anchor)
            assert "Updated" in card.select_one("p.fc-dates").get_text(), claim.id
            assert len(card.select(".fc-corrections > ul > li")) == len(claim.corrections), claim.id
