"""Published claims change only through the corrections log (FACTCHECK_BASE), shown to readers."""

from __future__ import annotations

import re
import subprocess

import pytest
from conftest import build, edit

from tooling.cli import main

EV = "claims/events/bridge-strike.yaml"
TW = "claims/events/town-withdrawal.yaml"


def git(site, *args):
    subprocess.run(["git", "-C", str(site), *args], check=True, capture_output=True)


@pytest.fixture
def repo(site, monkeypatch):
    """The test site as a git repository whose first commit is the published state."""
    git(site, "init", "-q", "-b", "main")
    git(site, "-c", "user.name=t", "-c", "user.email=t@t", "add", "-A")
    git(site, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "published")
    monkeypatch.chdir(site)
    monkeypatch.setenv("FACTCHECK_BASE", "main")
    return site


def run_check(capsys) -> tuple[int, list[str]]:
    code = main(["check"])
    return code, capsys.readouterr().out.strip().splitlines()


def test_unchanged_records_pass(repo, capsys):
    code, out = run_check(capsys)
    assert code == 0 and "every change since main is in a corrections log" in out[-1]


def test_without_a_base_nothing_is_compared(repo, capsys, monkeypatch):
    monkeypatch.delenv("FACTCHECK_BASE")
    edit(repo, EV, "rating: reported", "rating: unverified")
    code, out = run_check(capsys)
    assert code == 0 and out[-1].startswith("ok: ") and "corrections log" not in out[-1]


def test_an_unknown_base_is_a_clear_error(repo, capsys, monkeypatch):
    monkeypatch.setenv("FACTCHECK_BASE", "no-such-branch")
    with pytest.raises(SystemExit) as exc:
        main(["check"])
    assert "FACTCHECK_BASE='no-such-branch' is not a commit" in str(exc.value)


CHANGES = [
    # (name, file, old text, new text, line of the problem, words)
    (
        "rating",
        EV,
        "rating: reported",
        "rating: unverified",
        35,
        "'rating' changed since it was published ('reported' → 'unverified')",
    ),
    (
        "text",
        EV,
        "text: A monitor says at least 15 died",
        "text: A monitor says at least 16 died",
        30,
        "'text' changed",
    ),
    ("claimant", TW, "claimant: witnesses", "claimant: army", 28, "'claimant' changed"),
    (
        "quote",
        TW,
        'quote: "Witnesses said soldiers left the town on Friday."',
        'quote: "Witnesses said soldiers left the town"',
        30,
        "'citations' changed",
    ),
    (
        "figure",
        EV,
        "qualifier: at-least",
        "qualifier: exact",
        38,
        "'figure' changed since it was published ('at least 15 people' → '15 people')",
    ),
]


@pytest.mark.parametrize("case", CHANGES, ids=[c[0] for c in CHANGES])
def test_a_published_change_without_a_correction_fails_at_its_line(repo, capsys, case):
    _, rel, old, new, line, words = case
    edit(repo, rel, old, new)
    code, out = run_check(capsys)
    assert code == 1
    hits = [ln for ln in out if ln.startswith(f"{rel}:{line}:") and words in ln]
    assert hits, "\n".join(out)
    assert "add one under 'corrections'" in hits[0]
    assert "(FACTCHECK_BASE=main tooling/run corrections --write adds it" in hits[0]


def fill_reason(text: str) -> str:
    assert text.count("REPLACE:") == 1, text
    return re.sub(r"reason: .REPLACE:[^\n]*", "reason: Re-read of the source.", text)


@pytest.mark.parametrize("case", CHANGES, ids=[c[0] for c in CHANGES])
def test_corrections_write_adds_the_entry_in_place(repo, capsys, case):
    """`corrections --write` puts the entry under the claim (adding the key it lacks); with its
    reason written, check passes.  Nothing else in the file moves."""
    _, rel, old, new, _, _ = case
    edit(repo, rel, old, new)
    before = (repo / rel).read_text(encoding="utf-8")
    assert main(["corrections", "--date", "2026-12-01", "--write"]) == 0
    after = (repo / rel).read_text(encoding="utf-8")
    assert after.count("corrections:") == 1 and after.count("\n") > before.count("\n")
    # Only lines were added: every line of the file before is still there, in order.
    kept = iter(after.splitlines())
    assert all(line in kept for line in before.splitlines())
    assert run_check(capsys)[0] == 1  # the REPLACE: reason is refused until written
    (repo / rel).write_text(fill_reason(after), encoding="utf-8")
    code, out = run_check(capsys)
    assert code == 0, "\n".join(out)


@pytest.mark.parametrize("second", [False, True], ids=["first-entry", "after-an-entry"])
def test_printed_entries_paste_after_the_line_they_name(repo, capsys, second):
    """Printed, each entry says after which line it goes and is indented for that place, with
    the corrections: key when the claim has none (it once printed a bare list at column 0)."""
    if second:
        edit(repo, EV, "rating: reported", "rating: unverified")
        assert main(["corrections", "--date", "2026-11-30", "--write"]) == 0
        (repo / EV).write_text(fill_reason((repo / EV).read_text(encoding="utf-8")), encoding="utf-8")
        git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "published again")
    edit(repo, EV, "text: A monitor says at least 15 died", "text: A monitor says at least 16 died")
    edit(repo, TW, "claimant: witnesses", "claimant: army")
    capsys.readouterr()
    assert main(["corrections", "--date", "2026-12-01"]) == 1
    printed = capsys.readouterr()
    assert "FACTCHECK_BASE=main tooling/run corrections --write" in printed.err
    blocks = re.findall(r"^# (\S+), claim (\S+): paste after line (\d+):\n(.*?)(?=^# |\Z)", printed.out, re.S | re.M)
    assert {b[0] for b in blocks} == {EV, TW}
    for rel, _claim, line, body in blocks:
        assert ("corrections:" in body) is not (second and rel == EV)
        lines = (repo / rel).read_text(encoding="utf-8").splitlines(keepends=True)
        n = int(line)
        (repo / rel).write_text(fill_reason("".join(lines[:n]) + body + "".join(lines[n:])), encoding="utf-8")
    code, out = run_check(capsys)
    assert code == 0, "\n".join(out)


def test_a_wrong_old_value_is_refused(repo, capsys):
    edit(
        repo,
        EV,
        "rating: reported\n    rationale: One source, named monitor.\n",
        "rating: unverified\n    rationale: One source, named monitor.\n    corrections:\n"
        '      - date: "2026-12-01"\n        changes:\n          - field: rating\n            old: corroborated\n'
        "            new: unverified\n        reason: Re-read.\n",
    )
    code, out = run_check(capsys)
    assert code == 1 and any("the correction's old 'rating' is not the published one" in ln for ln in out), out


def test_a_removed_claim_must_be_retracted_instead(repo, capsys):
    text = (repo / TW).read_text(encoding="utf-8")
    start = text.index("  - id: witnesses-soldiers-left")
    (repo / TW).write_text(text[:start], encoding="utf-8")
    edit(repo, TW, "    contradicts: [witnesses-soldiers-left]\n", "")
    edit(repo, TW, "rating: contested", "rating: reported")
    code, out = run_check(capsys)
    assert code == 1
    assert any(
        ln.startswith(f"{TW}:") and "'witnesses-soldiers-left' was published" in ln and "mark it 'retracted'" in ln
        for ln in out
    ), out


def test_a_retraction_keeps_the_claim_and_passes(repo, capsys):
    edit(
        repo,
        EV,
        "    rationale: One source, named monitor.\n",
        '    rationale: One source, named monitor.\n    retracted:\n      date: "2026-12-01"\n'
        "      reason: The monitor is not named in any source.\n",
    )
    code, out = run_check(capsys)
    assert code == 0, out


def test_the_log_is_append_only(repo, capsys, monkeypatch):
    edit(
        repo,
        EV,
        "rating: reported\n    rationale: One source, named monitor.\n",
        "rating: unverified\n    rationale: One source, named monitor.\n    corrections:\n"
        '      - date: "2026-12-01"\n        changes:\n          - field: rating\n            old: reported\n'
        "            new: unverified\n        reason: Re-read.\n",
    )
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "corrected")
    # What a published entry records (date, field, old, new) never changes.
    edit(repo, EV, '      - date: "2026-12-01"\n', '      - date: "2026-11-30"\n')
    code, out = run_check(capsys)
    assert code == 1 and any("append-only" in ln for ln in out), out
    edit(repo, EV, '      - date: "2026-11-30"\n', '      - date: "2026-12-01"\n')
    # Its reason may be reworded for readers, only if the wording first published is kept.
    edit(repo, EV, "        reason: Re-read.\n", "        reason: Quietly reworded.\n")
    code, out = run_check(capsys)
    assert code == 1 and any("reworded after it was published" in ln and "editors_note" in ln for ln in out), out
    edit(
        repo,
        EV,
        "        reason: Quietly reworded.\n",
        "        reason: Openly reworded.\n        editors_note: 'First published as: Re-read.'\n",
    )
    code, out = run_check(capsys)
    assert code == 0, out


# -- shown to readers -----------------------------------------------------------


@pytest.fixture(scope="module")
def corrected(tmp_path_factory):
    """The test site with one claim corrected twice and one retracted, built."""
    import shutil

    from conftest import ROOTS

    site = tmp_path_factory.mktemp("corrected") / "site"
    shutil.copytree(ROOTS / "basic", site)
    edit(
        site,
        EV,
        "rating: reported\n    rationale: One source, named monitor.\n",
        "rating: unverified\n    rationale: One source, named monitor.\n    corrections:\n"
        '      - date: "2026-11-25"\n        changes:\n          - field: text\n'
        "            old: A monitor says 15 died.\n            new: A monitor says at least 15 died in the strike, mostly civilians.\n"
        "        reason: The bound was missing.\n"
        '      - date: "2026-12-01"\n        changes:\n          - field: rating\n            old: reported\n'
        "            new: unverified\n        reason: <b>Nobody</b> names the monitor.\n",
    )
    edit(
        site,
        EV,
        "    rationale: Two independent sources give 12.\n",
        '    rationale: Two independent sources give 12.\n    retracted:\n      date: "2026-11-30"\n'
        "      reason: The second source does not give the toll.\n",
    )
    result = build(site)
    assert result.warnings == "", result.warnings
    return result


def test_a_claim_shows_its_dates_and_corrections(corrected):
    card = corrected.soup("events/bridge-strike").find(id="claim-bridge-15-dead")
    words = " ".join(card.get_text(" ").split())
    assert "Published on this site 22 November 2026 · Updated 1 December 2026" in words
    log = card.select_one(".fc-corrections").get_text(" ")
    assert log.index("1 December 2026") < log.index("25 November 2026")  # newest first
    assert "Rating: was Reported; now Unverified." in " ".join(log.split())
    assert "<b>Nobody</b> names the monitor." in log  # editor text is text
    untouched = corrected.soup("events/town-withdrawal").find(id="claim-army-denies-withdrawal").get_text(" ")
    assert "Published on this site 22 November 2026" in untouched and "Updated" not in untouched


def test_a_retracted_claim_still_resolves_and_says_why(corrected):
    card = corrected.soup("events/bridge-strike").find(id="claim-bridge-12-dead")
    assert "fc-claim-retracted" in card["class"]
    assert "Retracted on 30 November 2026: The second source does not give the toll." in " ".join(
        card.get_text(" ").split()
    )


def test_the_corrections_page_lists_every_entry_by_day_newest_first(corrected):
    soup = corrected.soup("corrections/index")
    days = soup.select("section.fc-batch")
    assert [d.select_one("h2").get_text() for d in days] == ["1 December 2026", "30 November 2026", "25 November 2026"]
    # each day: its counts, then its entries grouped by cause, each group a details element
    assert [d.select_one(".fc-batch-counts").get_text() for d in days][1].startswith("1 correction to 1 claim")
    causes = [[s.get_text(" ", strip=True) for s in d.select("details.fc-cause > summary")] for d in days]
    assert causes[1] == ["Claims withdrawn (1 claim)"]
    links = [li.select_one(".fc-log-head a")["href"] for li in soup.select("ul.fc-corrections-log > li")]
    assert links == [
        "../events/bridge-strike.html#claim-bridge-15-dead",
        "../events/bridge-strike.html#claim-bridge-12-dead",
        "../events/bridge-strike.html#claim-bridge-15-dead",
    ]


def test_a_day_with_many_corrections_has_the_editors_summary_and_long_groups_start_collapsed(tmp_path):
    from types import SimpleNamespace

    from tooling.records import Change, Correction
    from tooling.sphinxext.corrections import COLLAPSE_AFTER, collect_log

    claims = {}
    for i in range(COLLAPSE_AFTER + 1):
        c = Correction("2026-12-01", (Change("text", "a", "b"),), "Reworded.")
        claims[f"c{i}"] = SimpleNamespace(id=f"c{i}", text=f"Claim {i}.", corrections=(c,), retracted=None)
    one = Correction("2026-12-01", (Change("rating", "reported", "unverified"),), "Unnamed source.")
    claims["r"] = SimpleNamespace(id="r", text="Claim r.", corrections=(one,), retracted=None)
    corpus = SimpleNamespace(
        claims=claims, batches={"2026-12-01": "A review reworded claims."}, sources={}, measures={}
    )
    (day,) = collect_log(corpus, "")
    assert day["summary"] == ["A review reworded claims."]
    groups = {g["title"]: g for g in day["groups"]}
    assert groups["Rating changed from Reported to Unverified"]["open"] is True
    assert groups["Wording, claimant or quotes corrected"]["open"] is False
    assert day["counts"].startswith(f"{COLLAPSE_AFTER + 2} corrections to {COLLAPSE_AFTER + 2} claims")


def test_the_feed_is_atom_and_lists_every_entry(corrected):
    import feedparser
    from lxml import etree

    raw = (corrected.outdir / "corrections.atom").read_bytes()
    root = etree.fromstring(raw)
    atom = "{http://www.w3.org/2005/Atom}"
    assert root.tag == f"{atom}feed"
    # RFC 4287 4.1.1: exactly one id, title and updated; an author (here on the feed).
    for name in ("id", "title", "updated", "author"):
        assert len(root.findall(f"{atom}{name}")) == 1, name
    feed = feedparser.parse(raw)
    assert feed.version == "atom10" and not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) == 3
    ids = [e.id for e in feed.entries]
    assert len(set(ids)) == 3 and all(i.startswith("urn:uuid:") for i in ids)
    for e in feed.entries:  # RFC 4287 4.1.2: id, title, updated; a link, as there is no content
        assert e.title and e.updated and e.link
    assert feed.entries[0].updated.startswith("2026-12-01")
    assert feed.feed.updated.startswith("2026-12-01")  # the newest entry, not the build time
    assert "<b>Nobody</b>" in feed.entries[0].summary or "&lt;b&gt;" in raw.decode()


def test_claim_review_dates_come_from_the_record(corrected):
    import json

    soup = corrected.soup("events/bridge-strike")
    reviews = json.loads(soup.find("script", type="application/ld+json").string)
    by_id = {r["@id"].rsplit("#claim-", 1)[1]: r for r in reviews}
    assert by_id["bridge-15-dead"]["datePublished"] == "2026-11-22"
    assert by_id["bridge-15-dead"]["dateModified"] == "2026-12-01"
    assert "bridge-12-dead" not in by_id  # retracted: the site no longer stands by that review
    town = json.loads(corrected.soup("events/town-withdrawal").find("script", type="application/ld+json").string)
    assert all("dateModified" not in r for r in town)


def test_a_base_written_under_older_rules_is_still_compared(site, monkeypatch, capsys):
    """A base that lacks a field today's schema requires still has published claims."""
    for rel in (EV, TW):
        edit(site, rel, '    published: "2026-11-22"\n', "", count=99)
    git(site, "init", "-q", "-b", "main")
    git(site, "-c", "user.name=t", "-c", "user.email=t@t", "add", "-A")
    git(site, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "published, older schema")
    for rel in (EV, TW):
        text = (site / rel).read_text(encoding="utf-8")
        (site / rel).write_text(text.replace("    text:", '    published: "2026-11-22"\n    text:'), encoding="utf-8")
    edit(site, EV, "rating: reported", "rating: unverified")
    monkeypatch.chdir(site)
    monkeypatch.setenv("FACTCHECK_BASE", "main")
    code, out = run_check(capsys)
    assert code == 1 and any("'rating' changed since it was published" in ln for ln in out), out


def test_two_corrections_of_one_field_must_follow_on(repo, capsys):
    two = (
        "rating: unverified\n    rationale: One source, named monitor.\n    corrections:\n"
        '      - date: "2026-12-01"\n        changes:\n          - field: rating\n            old: reported\n'
        "            new: contested\n        reason: First.\n"
        '      - date: "2026-12-02"\n        changes:\n          - field: rating\n            old: {old}\n'
        "            new: unverified\n        reason: Second.\n"
    )
    edit(repo, EV, "rating: reported\n    rationale: One source, named monitor.\n", two.format(old="contested"))
    code, out = run_check(capsys)
    assert code == 0, out
    edit(
        repo,
        EV,
        "            old: contested\n            new: unverified",
        "            old: reported\n            new: unverified",
    )
    code, out = run_check(capsys)
    assert code == 1 and any("do not follow on" in ln for ln in out), out


def test_the_claims_index_marks_retracted_and_corrected_claims(corrected):
    rows = {
        tr.select_one("a")["href"].split("#")[1]: " ".join(tr.get_text(" ").split())
        for tr in corrected.soup("claims/index").select("table.fc-claims-table tbody tr")
    }
    assert "Retracted 30 November 2026" in rows["claim-bridge-12-dead"]
    assert "corrected 1 December 2026" in rows["claim-bridge-15-dead"]
    assert (
        "Retracted" not in rows["claim-army-denies-withdrawal"]
        and "corrected" not in rows["claim-army-denies-withdrawal"]
    )


def test_a_change_of_disputes_quotes_each_claim_once_punctuated():
    from types import SimpleNamespace

    from tooling.records import Change
    from tooling.sphinxext.corrections import change_words

    claims = {"a": SimpleNamespace(text="The army denied it."), "b": SimpleNamespace(text="Residents said so.")}
    corpus = SimpleNamespace(claims=claims)
    words = change_words(corpus, Change(field="contradicts", old=["a", "b"], new=["a"]))
    assert words == "Disputes: was “The army denied it.”; “Residents said so.”; now “The army denied it.”."
    assert ".;" not in words and ".." not in words
    # A dispute unlinked altogether reads "now none", not "now ." (as the log once said).
    assert change_words(corpus, Change(field="contradicts", old=["a"], new=[])).endswith("now none.")


def test_a_published_date_never_changes(repo, capsys):
    edit(repo, EV, 'published: "2026-11-22"\n    text: A monitor', 'published: "2026-11-25"\n    text: A monitor')
    code, out = run_check(capsys)
    assert code == 1
    assert any("publication date never changes" in ln and '"2026-11-22"' in ln for ln in out), out


def test_corrections_says_why_it_cannot_draft_rather_than_nothing(repo, capsys):
    # A published claim the validator cannot read (a bad rating), and later one deleted.
    edit(repo, EV, "rating: reported", "rating: Reportd")
    assert main(["corrections"]) == 1
    assert "leave published claims unread (bridge-15-dead)" in capsys.readouterr().err
    edit(repo, EV, "rating: Reportd", "rating: reported")
    text = (repo / TW).read_text(encoding="utf-8")
    (repo / TW).write_text(text[: text.index("  - id: witnesses-soldiers-left")], encoding="utf-8")
    edit(repo, TW, "    rating: contested\n", "    rating: reported\n")
    edit(repo, TW, "    contradicts: [witnesses-soldiers-left]\n", "")
    assert main(["corrections"]) == 1
    assert "published claims are gone (witnesses-soldiers-left)" in capsys.readouterr().err
