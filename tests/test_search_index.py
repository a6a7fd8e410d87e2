"""The search index after a rebuild: the base bundle of every page stays, and
the pages written since are indexed alone into a delta bundle, with the base's
hits on them named for the search page to drop (tooling/sphinxext/search.py).
What readers find is tested in tests/browser/test_search_index.py."""

from __future__ import annotations

import json

from conftest import EV, SPHINX_EXTRA_PAGES, TW, build, edit, touch_later

from tooling.sphinxext import search


def delta_file(outdir) -> dict:
    return json.loads((outdir / search.BUNDLE / search.DELTA_FILE).read_text(encoding="utf-8"))


def bundle_urls(bundle) -> set[str]:
    return set(search._page_ids(bundle))


def test_the_plan_keeps_an_unchanged_index_and_indexes_only_the_pages_changed_since_the_base():
    base = {f"p{i}.html": f"10 {i}" for i in range(100)}
    assert search.plan(None, base) == ("full", [])
    state = {"base": base, "delta": {}}
    assert search.plan(state, dict(base)) == ("keep", [])
    now = {**base, "p3.html": "11 99", "new.html": "5 5"}
    del now["p7.html"]
    assert search.plan(state, now) == ("delta", ["new.html", "p3.html", "p7.html"])  # added, rewritten, removed
    state["delta"] = {"new.html": "5 5", "p3.html": "11 99", "p7.html": None}
    assert search.plan(state, now) == ("keep", [])  # a no-op build after the edit
    most = {p: "1 1" for p in base}
    assert search.plan(state, most) == ("full", [])  # more than DELTA_SHARE of the pages: index them all


def test_the_addresses_are_the_ones_pagefind_records():
    assert search.pagefind_url("index.html") == "/"
    assert search.pagefind_url("claims/index.html") == "/claims/"
    assert search.pagefind_url("events/bridge-strike.html") == "/events/bridge-strike.html"


def test_an_edit_indexes_the_pages_it_wrote_and_keeps_the_base(site):
    first = build(site)
    out = first.outdir
    entry = out / search.BUNDLE / "pagefind-entry.json"
    assert delta_file(out) == {"delta": None, "drop": [], "was": {}}
    base_urls = bundle_urls(out / search.BUNDLE)
    assert search.pagefind_url("events/bridge-strike.html") in base_urls
    base_stamp = entry.stat().st_mtime_ns

    again = build(site)  # a no-op: Pagefind would re-read every page it is given
    assert set(again.written) <= SPHINX_EXTRA_PAGES
    assert "search index (Pagefind): unchanged, kept" in again.status
    assert entry.stat().st_mtime_ns == base_stamp

    edit(site, EV, "tolls differ", "tolls differ widely")
    touch_later(site / EV)
    edited = build(site)
    assert "changed since the last full index" in edited.status
    assert entry.stat().st_mtime_ns == base_stamp  # the base is not rebuilt
    written = {f"{d}.html" for d in edited.written} - {f"{d}.html" for d in SPHINX_EXTRA_PAGES}
    assert "events/bridge-strike.html" in written
    delta_urls = bundle_urls(out / search.DELTA_BUNDLE)
    assert delta_urls == {search.pagefind_url(p) for p in written}
    ids = search._page_ids(out / search.BUNDLE)
    assert set(delta_file(out)["drop"]) == {ids[u] for u in delta_urls}
    fresh = search._page_ids(out / search.DELTA_BUNDLE)
    assert delta_file(out)["was"] == {fresh[u]: ids[u] for u in delta_urls}  # each page's previous id
    assert delta_file(out)["delta"] == f"../{search.DELTA_BUNDLE}/pagefind.js"
    fragments = (out / search.DELTA_BUNDLE / "fragment").glob("*.pf_fragment")
    assert any(b"tolls differ widely" in search.gzip.decompress(f.read_bytes()) for f in fragments)


def test_a_removed_page_is_dropped_from_the_base(site):
    first = build(site)
    ids = search._page_ids(first.outdir / search.BUNDLE)
    gone = ids[search.pagefind_url("events/town-withdrawal.html")]
    (site / TW).unlink()
    build(site)
    assert gone in delta_file(first.outdir)["drop"]
    assert search.pagefind_url("events/town-withdrawal.html") not in bundle_urls(first.outdir / search.DELTA_BUNDLE)


def test_a_large_change_rebuilds_the_whole_index(site, monkeypatch):
    first = build(site)
    out = first.outdir
    edit(site, EV, "tolls differ", "tolls differ widely")
    touch_later(site / EV)
    build(site)
    assert (out / search.DELTA_BUNDLE).is_dir()
    monkeypatch.setattr(search, "DELTA_MIN_PAGES", 0)
    monkeypatch.setattr(search, "DELTA_SHARE", 0.0)  # any change is now "too many pages"
    edit(site, EV, "tolls differ widely", "tolls differ again")
    touch_later(site / EV)
    full = build(site)
    assert "every page" in full.status
    assert not (out / search.DELTA_BUNDLE).exists()
    assert delta_file(out) == {"delta": None, "drop": [], "was": {}}
    assert search.pagefind_url("events/bridge-strike.html") in bundle_urls(out / search.BUNDLE)


def test_a_lost_state_file_means_a_full_index(site):
    first = build(site)
    (site / "_build/doctrees" / search.STATE).unlink()
    edit(site, EV, "tolls differ", "tolls differ widely")
    touch_later(site / EV)
    again = build(site)
    assert "every page" in again.status
    assert not (first.outdir / search.DELTA_BUNDLE).exists()
