"""Incremental builds: an edit re-reads only the page of the record edited,
rewrites exactly the pages whose content it changes, and leaves every page
as a clean build of the same records would write it."""

from __future__ import annotations

import shutil

import pytest
from conftest import EV, SPHINX_EXTRA_PAGES, build, edit, touch_later

from tooling.sphinxext.domain import GENERATED_DIRS


def pages(outdir) -> dict[str, str]:
    return {p.relative_to(outdir).as_posix(): p.read_text(encoding="utf-8") for p in sorted(outdir.rglob("*.html"))}


def clean_build_of(site, tmp_path):
    """The same records and pages, built from nothing in another folder."""
    fresh = tmp_path / "fresh"
    shutil.copytree(
        site,
        fresh,
        ignore=shutil.ignore_patterns("_build", *GENERATED_DIRS),
    )
    shutil.copytree(site / "claims", fresh / "claims")
    return build(fresh)


def test_nothing_changed_nothing_read_or_written(site):
    build(site)
    again = build(site)
    assert again.read == []
    assert set(again.written) <= SPHINX_EXTRA_PAGES


def test_one_event_edit_rereads_only_that_event(site):
    build(site)
    edit(site, EV, "qualifier: at-least", "qualifier: about")
    edit(
        site,
        EV,
        "text: A monitor says at least 15 died in the strike, mostly civilians.",
        "text: A monitor says about 15 died in the strike.",
    )
    touch_later(site / EV)
    result = build(site)
    assert result.read == ["events/bridge-strike"]
    # Rewritten: the pages that show the claim's text or figure; not the pages that do not.
    assert {"events/bridge-strike", "claims/index", "figures/index", "sources/alpha", "claimants/monitor"} <= set(
        result.written
    )
    assert "events/town-withdrawal" not in result.written
    assert "sources/beta" not in result.written  # bridge-strike's edited claim does not cite it
    assert "about 15 people" in result.html("events/bridge-strike")
    assert "about 15 people" in result.html("figures/index")
    assert "at least 15 people" not in result.html("figures/index")
    backlinks = " ".join(ul.get_text() for ul in result.soup("sources/alpha").select("ul.fc-backlinks"))
    assert "A monitor says about 15 died in the strike." in backlinks


def test_deleted_event_leaves_no_page_and_no_link(site):
    build(site)
    (site / "claims/events/town-withdrawal.yaml").unlink()
    result = build(site)
    assert not (site / "docs/events/town-withdrawal.md").exists()
    for doc in ["index", "events/index", "sources/beta", "figures/index", "claims/index"]:
        assert "town-withdrawal" not in result.html(doc), doc


def test_added_source_appears(site):
    build(site)
    (site / "claims/sources/gamma_0003.txt").write_text("A third report.", encoding="utf-8")
    import hashlib

    digest = hashlib.sha256(b"A third report.").hexdigest()
    (site / "claims/sources/gamma_0003.yaml").write_text(
        "id: gamma\nlabel: Gamma report\ntitle: null\npublisher: null\nurl: null\npublished: null\n"
        f"retrieved: null\nlanguage: en\ntext: gamma_0003.txt\nsha256: {digest}\n",
        encoding="utf-8",
    )
    result = build(site)
    assert "sources/gamma" in result.read
    assert "Gamma report" in result.html("sources/index")
    assert "A third report." in result.html("sources/gamma")


ADDED_EVENT = """id: aaa-first
title: An earlier event
kind: background
date:
  reported: []
  inferred: {start: 2024-11-01, end: 2024-11-01, basis: An editor's guess for the test.}
place: Elsewhere
summary: Added to test incremental builds.
claims:
  - id: aaa-claim
    published: "2026-11-22"
    text: The Monitor reported that the bridge was struck.
    claimant: monitor
    citations:
      - source: beta
        quote: "Witnesses said soldiers left the town on Friday."
    rating: reported
    rationale: One source carries it.
"""


def _add_event(site):
    (site / "claims/events/aaa-first.yaml").write_text(ADDED_EVENT, encoding="utf-8")


def _remove_event(site):
    (site / "claims/events/town-withdrawal.yaml").unlink()


def _rename_event(site):
    edit(
        site,
        "claims/events/town-withdrawal.yaml",
        "title: Did the army leave the town?",
        "title: Did the army really leave the town?",
    )


def _rerate(site):
    edit(
        site,
        "claims/events/town-withdrawal.yaml",
        "rating: contested\n    rationale: Witnesses say soldiers left.",
        "rating: contested\n    rationale: Witnesses say the soldiers left, the army denies it.",
    )


def _rename_claimant(site):
    edit(site, "claims/claimants.yaml", "name: The Monitor", "name: The Observatory")


def _source_metadata(site):
    edit(site, "claims/sources/alpha_0001.yaml", "label: Alpha report", "label: Alpha wire report")


EDITS = [_add_event, _remove_event, _rename_event, _rerate, _rename_claimant, _source_metadata]


@pytest.mark.parametrize("change", EDITS, ids=lambda f: f.__name__.strip("_"))
def test_incremental_build_equals_a_clean_build(site, tmp_path, change):
    """The property the collector exists for: no page is left stale by an edit elsewhere."""
    build(site)
    before = {p: p.stat().st_mtime_ns for p in (site / "claims").rglob("*")}
    change(site)
    for path in (site / "claims").rglob("*"):
        if before.get(path) != path.stat().st_mtime_ns:
            touch_later(path)  # only what the edit touched: the rest must be left to the collector
    incremental = build(site)
    assert incremental.warnings == "", incremental.warnings
    clean = clean_build_of(site, tmp_path)
    mine, theirs = pages(incremental.outdir), pages(clean.outdir)
    assert sorted(mine) == sorted(theirs)
    stale = [name for name in theirs if mine[name] != theirs[name]]
    assert stale == [], f"pages that differ from a clean build after {change.__name__}: {stale}"


def test_a_change_to_the_rendering_code_rereads_every_page(site, monkeypatch):
    import tooling.sphinxext as ext

    first = build(site)
    assert build(site).read == []
    monkeypatch.setattr(ext, "_code_version", lambda: 12345)  # as if a renderer had been edited
    again = build(site)
    assert set(again.read) == set(first.read)


def test_exports_follow_an_edit_and_are_left_alone_without_one(site):
    first = build(site)
    exported = first.outdir / "data/claims.json"
    stamp = exported.stat().st_mtime_ns
    build(site)
    assert exported.stat().st_mtime_ns == stamp  # nothing changed: not rewritten
    edit(
        site,
        EV,
        "text: A monitor says at least 15 died in the strike, mostly civilians.",
        "text: A monitor says at least 15 died in the strike.",
    )
    touch_later(site / EV)
    build(site)
    import json

    data = json.loads(exported.read_text(encoding="utf-8"))
    texts = {c["id"]: c["text"] for e in data["events"] for c in e["claims"]}
    assert texts["bridge-15-dead"] == "A monitor says at least 15 died in the strike."


SINGLE_EVENT = """id: aaa-count
title: A count
kind: statement
date:
  reported: []
  inferred: null
place: Elsewhere
summary: >-
  One count, as {source}`alpha` gives it.
claims:
  - id: aaa-count-one
    published: "2026-11-22"
    text: The Monitor reported 12 people were killed.
    claimant: monitor
    citations:
      - source: alpha
        quote: "The ministry said 12 people were killed in the strike on the bridge."
    rating: reported
    rationale: One source carries it.
    figure:
      measure: aaa-count
      value: 12
      qualifier: exact
      unit: people
      scope: the count
      as_of: null
"""


def _with_a_single_report(site):
    """A second measure, first by label, with one report: the figures list it after the
    bridge's differing reports; and a summary that names a source by reference."""
    (site / "claims/events/aaa-count.yaml").write_text(SINGLE_EVENT, encoding="utf-8")
    edit(
        site,
        "claims/measures.yaml",
        "measures:\n",
        "measures:\n  - id: aaa-count\n    label: A count of the dead\n    counts: people killed\n",
    )


def _second_report_differs(site):
    path = site / "claims/events/aaa-count.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + '  - id: aaa-count-two\n    published: "2026-11-22"\n    text: The Monitor reported at least 15 died.\n'
        "    claimant: monitor\n    citations:\n      - source: alpha\n"
        '        quote: "at least 15 people died, “mostly civilians,” in the strike"\n'
        "    rating: reported\n    rationale: One source carries it.\n"
        "    figure:\n      measure: aaa-count\n      value: 15\n      qualifier: at-least\n      unit: people\n"
        "      scope: the count\n      as_of: null\n",
        encoding="utf-8",
    )


@pytest.mark.parametrize(
    "change",
    [_second_report_differs, _source_metadata],
    ids=["figures reordered by a claim edit", "a referenced source renamed"],
)
def test_pages_that_order_or_name_other_records_follow_an_edit(site, tmp_path, change):
    _with_a_single_report(site)
    first = build(site)
    order = [s["id"] for s in first.soup("figures/index").select("section.fc-measure")]
    assert order == ["measure-bridge-deaths", "measure-aaa-count"]  # what differs comes first
    before = {p: p.stat().st_mtime_ns for p in (site / "claims").rglob("*")}
    change(site)
    for path in (site / "claims").rglob("*"):
        if before.get(path) != path.stat().st_mtime_ns:
            touch_later(path)
    incremental = build(site)
    assert incremental.warnings == "", incremental.warnings
    clean = clean_build_of(site, tmp_path)
    mine, theirs = pages(incremental.outdir), pages(clean.outdir)
    stale = [name for name in theirs if mine.get(name) != theirs[name]]
    assert stale == [], f"pages that differ from a clean build: {stale}"
    if change is _second_report_differs:
        order = [s["id"] for s in incremental.soup("figures/index").select("section.fc-measure")]
        assert order == ["measure-aaa-count", "measure-bridge-deaths"]
    else:
        assert "Alpha wire report" in incremental.soup("events/aaa-count").select_one("p.fc-summary").get_text()
