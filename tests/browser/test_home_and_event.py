"""The home page, an event page, the navigation, the claims index and search, as a reader
sees them at 375 and 1280 px (screenshots in test-artifacts/screenshots)."""

from __future__ import annotations

import pytest

from tooling.names import claimant_short

WIDTHS = [375, 1280]


def _open(browser, server, path, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(f"{server}/{path}")  # "load": a static page has every file it needs by then
    return context, page


def _no_sideways_scroll(page):
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"the page is {widths[0]}px wide in a {widths[1]}px window"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_home_page_leads_with_where_sources_agree_and_differ(browser, server, artifacts, corpus, width):
    context, page = _open(browser, server, "index.html", width)
    headings = page.locator("article h2, article h3").all_inner_texts()
    # The key numbers and the findings come straight after the introduction, before the events.
    assert headings[0].startswith("Key numbers") and headings[1].startswith("Key findings")
    numbers = page.locator(".fc-key-numbers > ul > li").all_inner_texts()
    key = [m for m in corpus.measures.values() if m.key and m.id in corpus.figures_by_measure()]
    assert len(numbers) == len(key) + 1  # and the offensive's first date
    for m in key:  # each key number is there, attributed to who reports it
        line = next(n for n in numbers if n.startswith(m.label))
        assert "(" in line and ")" in line, line
    order = [h.split(" (")[0].rstrip("¶ ") for h in headings]
    assert order.index("Where the claims conflict") < order.index("What independent sources agree on")
    assert order.index("What independent sources agree on") < order.index("The offensive in date order")
    # Every side of every dispute is there, in its claimant's name, linked to its claim.
    disputes = page.locator("#findings-disputes ~ ul.fc-finding-lines > li")
    # (The home page lists the first few disputes; "All … rated Contested" links the rest.)
    from tooling.sphinxext.findings import collect_findings

    shown_ids = {
        side["claim"].name for line in collect_findings(corpus, "")["disputes"]["lines"] for side in line["sides"]
    }
    contested = [c for c in corpus.claims.values() if c.id in shown_ids]
    assert contested
    sides = page.locator("#findings-disputes ~ ul .fc-dispute-sides > li")
    assert sides.count() == len(contested)
    shown = sides.all_inner_texts()
    for claim in contested:
        assert any(claim.text in s and claimant_short(corpus, claim) in s for s in shown), claim.id
    assert disputes.count() >= 1
    # ...and the answer is near the top: the first dispute is within two screens.
    top = page.locator("#findings-disputes").bounding_box()["y"]
    assert top < (3 if width < 600 else 2) * 900
    _no_sideways_scroll(page)
    page.screenshot(path=str(artifacts / "screenshots" / f"home-{width}.png"), full_page=True)
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_offensive_on_the_home_page_is_in_date_order(browser, server, corpus, width):
    context, page = _open(browser, server, "index.html", width)
    links = page.locator("ol.fc-home-events > li > a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    ids = [h.rsplit("/", 1)[-1].removesuffix(".html") for h in links]
    starts = [corpus.events[i].inferred_date.start for i in ids]
    assert ids and starts == sorted(starts)
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_an_event_page_opens_with_its_summary_and_verdicts(browser, server, artifacts, corpus, width):
    event = corpus.events["dormitory-strike"]
    context, page = _open(browser, server, f"events/{event.id}.html", width)
    tops = page.evaluate(
        """() => ['h1', 'p.fc-summary', 'p.fc-verdicts', 'section.fc-claims', 'section.fc-about']
              .map(s => document.querySelector('article ' + s).getBoundingClientRect().top)"""
    )
    assert tops == sorted(tops), tops  # summary, verdicts, claims, then the record's details
    verdicts = page.locator("p.fc-verdicts").inner_text()
    from tooling.ratings import SCALE

    for r in SCALE:
        n = sum(c.rating == r.name for c in event.claims)
        assert (f"{r.label} ×{n}" in verdicts) == (n > 0)
    # Claims that contradict each other sit in one group.
    group = page.locator("section.fc-claim-group").first
    assert group.locator("h2, h3").first.inner_text().startswith("Claims that contradict each other")
    _no_sideways_scroll(page)
    page.screenshot(path=str(artifacts / "screenshots" / f"event-{width}.png"), full_page=True)
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_contributor_pages_are_in_the_footer_not_the_navigation(browser, server, width):
    context, page = _open(browser, server, "index.html", width)
    nav = page.locator(".sidebar-tree a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert nav and not [h for h in nav if "contributing" in h or "benchmarks" in h]
    footer = page.locator("nav.fc-footer-links a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert "contributing.html" in footer and "benchmarks.html" in footer
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_claims_index_and_search_at_both_widths(browser, server, artifacts, width):
    context, page = _open(browser, server, "claims/index.html", width)
    assert page.locator(".fc-filters a").count() >= 1
    _no_sideways_scroll(page)
    page.screenshot(path=str(artifacts / "screenshots" / f"claims-index-{width}.png"))
    page.goto(f"{server}/search.html?q=Aleppo")
    page.wait_for_selector("#fc-search-results li a")
    _no_sideways_scroll(page)
    page.screenshot(path=str(artifacts / "screenshots" / f"search-{width}.png"))
    context.close()
