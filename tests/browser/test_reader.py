"""The site as a reader sees it, in headless Chromium."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

from tooling.records import count
from tooling.validate import check


def corpus_claims():
    corpus, _ = check(ROOT / "claims", ROOT)
    return corpus.claims.values()


KEY_PAGES = {
    "index": "index.html",
    "event": "events/dormitory-strike.html",
    "source": "sources/src-003.html",
    "figures": "figures/index.html",
    "claims": "claims/index.html",
    "corrections": "corrections/index.html",
}


def all_pages(outdir):
    return sorted(
        p.relative_to(outdir).as_posix()
        for p in outdir.rglob("*.html")
        if not p.relative_to(outdir).as_posix().startswith("_")
    )


def test_every_page_loads_without_console_errors(page, server, real_built):
    pages = all_pages(real_built.outdir)
    assert len(pages) > 40
    errors = []
    page.on(
        "console", lambda m: errors.append(f"{page.url}: console {m.type}: {m.text}") if m.type == "error" else None
    )
    page.on("pageerror", lambda e: errors.append(f"{page.url}: page error: {e}"))
    # A request the browser itself aborts because we navigate on is not an error.
    page.on(
        "requestfailed",
        lambda r: (
            errors.append(f"{page.url}: failed request {r.url}: {r.failure}")
            if r.failure != "net::ERR_ABORTED"
            else None
        ),
    )
    page.on(
        "response", lambda r: errors.append(f"{page.url}: HTTP {r.status} for {r.url}") if r.status >= 400 else None
    )
    for rel in pages:
        response = page.goto(f"{server}/{rel}", wait_until="load")
        assert response.status == 200, rel
    assert errors == [], "\n".join(errors)


def test_search_finds_a_claim_by_a_word_of_its_quote(page, server):
    # "dormitories" appears in the quotes of the dormitory-strike claims.
    page.goto(f"{server}/search.html?q=dormitories")
    page.wait_for_selector("#fc-search-results li a")
    hrefs = [a.get_attribute("href") for a in page.query_selector_all("#fc-search-results li a")]
    assert any("events/dormitory-strike.html" in h for h in hrefs), hrefs


def test_search_finds_a_number(page, server):
    """Numbers are words to the search: a toll finds the claim that reports it."""
    corpus, _ = check(ROOT / "claims", ROOT)
    claim = next(c for c in corpus.claims.values() if c.figure is not None and c.figure.low and c.figure.low > 100)
    number = f"{claim.figure.low:.0f}"
    page.goto(f"{server}/search.html?q={number}")
    page.wait_for_selector("#fc-search-results li a")
    hrefs = [a.get_attribute("href") for a in page.query_selector_all("#fc-search-results li a")]
    assert any(f"events/{claim.event}.html" in h for h in hrefs), (number, hrefs)
    assert number in page.locator("#fc-search-results mark").first.text_content()


def test_the_search_index_loads_only_when_a_reader_searches(page, server):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(f"{server}/index.html", wait_until="networkidle")
    page.goto(f"{server}/search.html", wait_until="networkidle")
    assert not [u for u in requested if "/pagefind/" in u], "a page without a search loaded the index"
    page.fill("#fc-search-q", "Aleppo")
    page.press("#fc-search-q", "Enter")
    page.wait_for_selector("#fc-search-results li a")
    assert any("/pagefind/pagefind.js" in u for u in requested)
    assert "q=Aleppo" in page.url  # the search is in the address: it can be shared


def test_following_a_citation_lands_on_the_highlighted_passage(page, server):
    page.goto(f"{server}/events/dormitory-strike.html")
    link = page.locator("#claim-sana-dormitory-four-civilians blockquote .attribution a").first
    href = link.get_attribute("href")
    assert href.startswith("../sources/src-002.html#cite-sana-dormitory-four-civilians-")
    link.click()
    page.wait_for_url("**/sources/src-002.html#cite-*")
    # The theme scrolls smoothly: wait until the passage has arrived in view.
    page.wait_for_function("""() => {
        const t = document.querySelector(':target');
        const r = t && t.getBoundingClientRect();
        return r && r.top >= 0 && r.bottom <= window.innerHeight;
    }""")
    info = page.evaluate("""() => {
        const t = document.querySelector(':target');
        const mark = t && (t.tagName === 'MARK' ? t : t.closest('mark'));
        const r = mark && mark.getBoundingClientRect();
        const header = document.querySelector('header').getBoundingClientRect().bottom;
        return mark && {text: mark.textContent, bg: getComputedStyle(mark).backgroundColor,
                        top: r.top, bottom: r.bottom, height: window.innerHeight, header: header};
    }""")
    assert info is not None, "the link target is not a highlighted passage"
    quote = next(c for c in corpus_claims() if c.id == "sana-dormitory-four-civilians").citations[0].quote
    assert info["text"] and quote.startswith(info["text"])  # the passage starts at the target
    assert info["bg"] not in ("rgba(0, 0, 0, 0)", "transparent")
    assert info["header"] <= info["top"] < info["height"]  # in view, not hidden under the fixed header
    # ...and back: the superscript after the passage leads to the claim.
    back = page.locator("sup.fc-cite-ref a[href$='#claim-sana-dormitory-four-civilians']").first
    back.click()
    page.wait_for_url("**/events/dormitory-strike.html#claim-sana-dormitory-four-civilians")


def test_figures_table_renders(page, server):
    """The charts beside the table have their own tests (tests/browser/test_charts.py)."""
    from tooling.sphinxext.domain import measures_on_page

    corpus, _ = check(ROOT / "claims", ROOT)
    first_page = {m.id for m in measures_on_page(corpus, 1)}
    groups = {m: cs for m, cs in corpus.figures_by_measure().items() if m in first_page}
    page.goto(f"{server}/figures/index.html")
    rows = page.locator("table.fc-figures-table tbody tr")
    assert rows.count() == sum(len(c.citations) for cs in groups.values() for c in cs)
    assert rows.first.is_visible()


def test_claims_index_filters_by_rating(page, server):
    """A filter is an address with its count; 'All' resets it; pages are linked."""
    from tooling.ratings import BY_NAME
    from tooling.sphinxext.domain import CLAIMS_PAGE_SIZE

    claims = list(corpus_claims())
    contested = [c for c in claims if c.rating == "contested"]
    label = BY_NAME["contested"].label
    page.goto(f"{server}/claims/index.html")
    assert page.locator(".fc-filter-current").text_content() == f"All {count(len(claims), 'claim')}"
    page.locator(".fc-filters a", has_text=label).click()
    page.wait_for_url("**/claims/contested.html")
    assert page.locator(".fc-filter-current").text_content() == f"{label} {count(len(contested), 'claim')}"
    rows = page.locator("table.fc-claims-table tbody tr")
    assert rows.count() == min(len(contested), CLAIMS_PAGE_SIZE)
    for i in range(rows.count()):
        assert rows.nth(i).locator(".fc-rating-contested").count() == 1
    page.locator(".fc-filters a", has_text="All").click()  # the reset
    page.wait_for_url("**/claims/index.html")
    assert page.locator("table.fc-claims-table tbody tr").count() == min(len(claims), CLAIMS_PAGE_SIZE)
    if len(claims) > CLAIMS_PAGE_SIZE:
        page.locator(".fc-pager a[rel=next]").first.click()
        page.wait_for_url("**/claims/all-2.html")
        assert page.locator(".fc-pager [aria-current=page]").first.text_content() == "2"


# One page of every type a reader meets.
PAGE_TYPES = {
    **KEY_PAGES,
    "timeline": "events/index.html",
    "claimants": "claimants/index.html",
    "claimant": "claimants/sana.html",
    "sources": "sources/index.html",
    "contested claims": "claims/contested.html",
    "glossary": "glossary.html",
    "methodology": "methodology.html",
}

# Every table cell and every figure of a card: is it inside the window, and not hidden?
HIDDEN_CELLS = """() => {
  const out = [];
  for (const cell of document.querySelectorAll('article td, article th')) {
    if (cell.closest('thead')) continue;  // a phone's cards label each cell instead
    const r = cell.getBoundingClientRect();
    const style = getComputedStyle(cell);
    if (style.display === 'none' || style.visibility === 'hidden' || r.width === 0) out.push('hidden: ' + cell.textContent.trim().slice(0, 40));
    else if (r.right > innerWidth + 1 || r.left < -1) out.push('off-screen: ' + cell.textContent.trim().slice(0, 40));
  }
  return out;
}"""


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_no_page_type_scrolls_sideways_or_hides_a_column_at_375px(browser, server, name):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{server}/{PAGE_TYPES[name]}")
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    hidden = page.evaluate(HIDDEN_CELLS)
    context.close()
    assert widths[0] <= widths[1], f"{name}: page is {widths[0]}px wide in a {widths[1]}px window"
    assert hidden == [], f"{name}: {hidden[:5]}"


def test_the_hidden_column_check_can_fail(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(f"{server}/figures/index.html")
    page.add_style_tag(content="table.fc-cards td:nth-child(5) { display: none !important; }")
    hidden = page.evaluate(HIDDEN_CELLS)
    context.close()
    assert hidden and all(h.startswith("hidden: ") for h in hidden)


@pytest.mark.parametrize("name", ["index", "event", "source", "figures"])
def test_screenshots(page, server, artifacts, name):
    page.goto(f"{server}/{KEY_PAGES[name]}")
    path = artifacts / "screenshots" / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 20_000


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("name", [*KEY_PAGES, "timeline", "claimants", "search"])
def test_no_accessibility_violations(browser, server, artifacts, name, width):
    """axe reports nothing, of any impact, at either width."""
    from axe_playwright_python.sync_playwright import Axe

    pages = {
        **KEY_PAGES,
        "timeline": "events/index.html",
        "claimants": "claimants/index.html",
        "search": "search.html?q=Aleppo",
    }
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{server}/{pages[name]}")
    if name == "search":  # the results are drawn after the index answers
        page.wait_for_selector("#fc-search-results li a")
    results = Axe().run(page)
    context.close()
    violations = results.response["violations"]
    (artifacts / f"axe-{name}-{width}.json").write_text(json.dumps(violations, indent=1))
    assert [f"{v['id']} ({v['impact']}): {v['help']}" for v in violations] == []


def test_a_correction_on_the_log_leads_to_the_corrected_claim(page, server):
    page.goto(f"{server}/corrections/index.html")
    # A correction (with what it changed), not a retraction: the log lists both.
    entry = page.locator("ul.fc-corrections-log > li", has=page.locator("ul.fc-changes")).first
    reason = entry.locator("p").nth(1).inner_text()
    link = entry.locator(".fc-log-head a").first
    anchor = link.get_attribute("href").split("#", 1)[1]
    link.click()
    page.wait_for_url(f"**#{anchor}")
    card = page.locator(f"section#{anchor}")
    # The theme scrolls smoothly: wait until the card has arrived.
    page.wait_for_function(
        "(id) => { const r = document.getElementById(id).getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }",
        arg=anchor,
    )
    box = card.bounding_box()
    header = page.evaluate("() => document.querySelector('header').getBoundingClientRect().bottom")
    assert header <= box["y"] < page.viewport_size["height"]  # in view, below the fixed header
    assert "Updated" in card.locator("p.fc-dates").inner_text()
    assert reason in card.locator(".fc-corrections").inner_text()


def test_the_feed_is_linked_and_served_as_a_feed(page, server):
    page.goto(f"{server}/corrections/index.html")
    href = page.locator("a", has_text="corrections feed (Atom)").get_attribute("href")
    response = page.request.get(f"{server}/corrections/{href}")
    assert response.ok and response.body().startswith(b"<?xml") and b"http://www.w3.org/2005/Atom" in response.body()
