"""What a reader finds after a rebuild: the pages it wrote are searched as they
are now (the delta bundle), never as they were (the base's hits on them are
dropped), and each page is one hit (tooling/sphinxext/search.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import EV, build, edit, touch_later

from tooling.sphinxext import search


@dataclass
class Served:
    url: str
    outdir: Path
    before: dict[str, list[str]] = field(default_factory=dict)  # the hits for RANKED before the edit


# Words on the edited page and on pages the rebuild did not write: ranked by the delta's
# own scores, the edited page fell from first to fourth for both.
RANKED = ("strike", "bridge")


@pytest.fixture
def edited_site(site, browser, serve):
    """tests/roots/basic built (and searched for RANKED), then rebuilt after one event's
    summary changed, served."""
    edit(site, EV, "tolls differ.", "tolls differ; quokka.")  # a word no other page has
    first = build(site)
    with serve(first.outdir) as url:
        served = Served(url, first.outdir)
        page = browser.new_page()
        served.before = {q: hits(page, served, q)[0] for q in RANKED}
        page.close()
        edit(site, EV, "tolls differ; quokka.", "tolls differ; viaduct.")
        touch_later(site / EV)
        result = build(site)
        assert (result.outdir / search.DELTA_BUNDLE / "pagefind.js").is_file(), "the rebuild made no delta index"
        yield served


def hits(page, site: Served, q) -> tuple[list[str], str]:
    page.goto(f"{site.url}/search.html?q={q}")
    page.wait_for_function("() => !document.getElementById('fc-search-status').textContent.startsWith('Searching')")
    hrefs = [a.get_attribute("href") for a in page.query_selector_all("#fc-search-results li a")]
    return hrefs, page.text_content("#fc-search-status")


def test_a_rebuilt_page_is_found_by_its_new_words_only_and_once(page, edited_site):
    gone, status = hits(page, edited_site, "quokka")
    assert gone == [] and status.startswith("No page mentions"), (gone, status)  # the base's hit is dropped
    new, status = hits(page, edited_site, "viaduct")
    assert [h for h in new if "events/bridge-strike" in h], (new, status)
    assert status.startswith(f"{len(new)} "), status  # the count is the hits listed
    old, status = hits(page, edited_site, "tolls")  # in the summary before and after the edit
    assert sum("events/bridge-strike" in h for h in old) == 1, old  # not once from each bundle
    assert len(old) == len(set(old)), old
    assert status.startswith(f"{len(old)} "), status
    # Ranked where it was: a delta's own scores come from a few pages' word statistics.
    for q in RANKED:
        now, _ = hits(page, edited_site, q)
        assert now == edited_site.before[q], (q, now, edited_site.before[q])


def test_a_page_the_rebuild_did_not_write_is_still_found(page, edited_site):
    delta = search._page_ids(edited_site.outdir / search.DELTA_BUNDLE)
    assert "/events/town-withdrawal.html" not in delta  # so its hit can only come from the base
    found, _ = hits(page, edited_site, "witnesses")
    assert any("events/town-withdrawal" in h for h in found), found
