"""The Arabic edition as its readers see it: right to left, in Arabic outside the quotes,
without sideways scrolling or accessibility violations, and one click from the same page in
English (tooling/sphinxext/editions.py)."""

from __future__ import annotations

import json
import re

import pytest

from tooling.translations import EDITIONS

LANG = "ar"
assert LANG in EDITIONS


def arabic_pages(corpus) -> dict[str, str]:
    """One page of each type the issue names; the event is the one with the most claims."""
    event = max(corpus.events.values(), key=lambda e: (len(e.claims), e.id))
    return {
        "home": "index.html",
        "event": f"events/{event.id}.html",
        "figures": "figures/index.html",
        "claims": "claims/index.html",
    }


# The share of letters in Arabic script, in the article outside English passages (the
# verbatim quotes, a text not yet translated): each carries lang="en".
ARABIC_SHARE = """() => {
  const article = document.querySelector('article') || document.body;
  const clone = article.cloneNode(true);
  for (const el of clone.querySelectorAll('[lang]:not([lang="ar"]), script, style, .headerlink')) el.remove();
  const text = clone.textContent;
  const arabic = (text.match(/[\\u0600-\\u06FF]/g) || []).length;
  const latin = (text.match(/[A-Za-z]/g) || []).length;
  return [arabic, latin];
}"""


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("name", ["home", "event", "figures", "claims"])
def test_an_arabic_page_reads_right_to_left_in_arabic_without_sideways_scroll_or_axe_violations(
    browser, server, corpus, artifacts, name, width
):
    from axe_playwright_python.sync_playwright import Axe

    rel = arabic_pages(corpus)[name]
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{server}/{LANG}/{rel}")
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == (LANG, "rtl")
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"{name}: {widths[0]}px wide in a {widths[1]}px window"
    arabic, latin = page.evaluate(ARABIC_SHARE)
    assert arabic > 4 * latin, f"{name}: {arabic} Arabic letters, {latin} Latin ones outside English passages"
    page.screenshot(path=str(artifacts / "screenshots" / f"ar-{name}-{width}.png"), full_page=True)
    results = Axe().run(page)
    context.close()
    violations = results.response["violations"]
    (artifacts / f"axe-ar-{name}-{width}.json").write_text(json.dumps(violations, indent=1))
    assert [f"{v['id']} ({v['impact']}): {v['help']}" for v in violations] == []


@pytest.mark.parametrize("name", ["home", "event", "figures", "claims"])
def test_the_language_switch_goes_to_the_same_page_both_ways(page, server, corpus, name):
    rel = arabic_pages(corpus)[name]
    page.goto(f"{server}/{LANG}/{rel}")
    page.locator("nav.fc-lang a[hreflang=en]").click()
    page.wait_for_url(f"{server}/{rel}")
    assert page.locator("html").get_attribute("dir") == "ltr"
    page.locator(f"nav.fc-lang a[hreflang={LANG}]").click()
    page.wait_for_url(f"{server}/{LANG}/{rel}")
    assert page.locator("html").get_attribute("lang") == LANG


def test_arabic_search_finds_an_event_by_an_arabic_word_of_its_title(page, server, corpus):
    rel = arabic_pages(corpus)["event"]
    page.goto(f"{server}/{LANG}/{rel}")
    title = page.locator("article h1").first.text_content()
    words = [w for w in re.findall(r"[\u0600-\u06FF]{5,}", title)]
    assert words, f"no Arabic word in the title {title!r}"
    word = max(words, key=len)
    page.goto(f"{server}/{LANG}/search.html?q={word}")
    page.wait_for_selector("#fc-search-results li a")
    hrefs = [a.get_attribute("href") for a in page.query_selector_all("#fc-search-results li a")]
    assert any(rel in h and f"/{LANG}/" in h for h in hrefs), (word, hrefs)


def test_english_search_does_not_return_arabic_pages(page, server):
    page.goto(f"{server}/search.html?q=Aleppo")
    page.wait_for_selector("#fc-search-results li a")
    hrefs = [a.get_attribute("href") for a in page.query_selector_all("#fc-search-results li a")]
    assert hrefs and not any(f"/{LANG}/" in h for h in hrefs), hrefs
