"""Narrowing a search by rating and by claimant, as a reader does it: with the keyboard, the
choice in the address, kept by a reload."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tooling.names import claimant_label
from tooling.ratings import BY_NAME


def common_word(corpus) -> str:
    """A word of the claims that many events share: the search before any filter."""
    seen = Counter()
    for e in corpus.events.values():
        seen.update({w.lower() for c in e.claims for w in re.findall(r"[A-Za-z]{5,}", c.text)})
    return seen.most_common(1)[0][0]


def results(page) -> tuple[str, list[str]]:
    page.wait_for_function(
        "() => { const t = document.getElementById('fc-search-status').textContent; return t && !t.startsWith('Searching'); }"
    )
    hrefs = page.locator("#fc-search-results li a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    return page.locator("#fc-search-status").inner_text(), hrefs


def event_of(href: str) -> str:
    return href.split("?")[0].split("#")[0].rsplit("/", 1)[-1].removesuffix(".html")


@pytest.mark.parametrize("key", ["rating", "claimant"])
def test_a_filter_narrows_the_search_and_lives_in_the_address(page, server, corpus, key):
    word = common_word(corpus)
    live = [c for c in corpus.claims.values() if c.retracted is None]
    value_of = {"rating": lambda c: BY_NAME[c.rating].label, "claimant": lambda c: claimant_label(corpus, c)}[key]
    events_with: dict[str, set[str]] = {}
    for c in live:
        events_with.setdefault(value_of(c), set()).add(c.event)
    # A value held by some events but not all: the filter has something to narrow.
    value = min(
        (v for v, evs in events_with.items() if len(evs) < len(corpus.events)), key=lambda v: (-len(events_with[v]), v)
    )
    page.goto(f"{server}/search.html")
    page.fill("#fc-search-q", word)
    page.press("#fc-search-q", "Enter")
    before, _ = results(page)
    # With the keyboard: focus the list, choose, submit from the form.
    page.focus(f"#fc-filter-{key}")
    page.select_option(f"#fc-filter-{key}", label=value)
    page.press("#fc-search-q", "Enter")
    status, after = results(page)

    def found(text: str) -> int:
        return int(re.match(r"(\d+) pages?", text).group(1))

    assert after and found(status) < found(before)  # fewer pages match (the list shows the first 20)
    assert {event_of(h) for h in after} <= events_with[value]  # only events with such a claim
    assert value in status  # the status (a live region) says what the results are narrowed to
    assert f"{key}=" in page.url and f"q={word}" in page.url
    page.reload()
    assert results(page) == (status, after)  # the address alone restores the search
    assert page.locator(f"#fc-filter-{key}").input_value() == value


def test_the_filters_are_labelled_lists(page, server):
    page.goto(f"{server}/search.html")
    for select in page.locator("fieldset.fc-search-filters select").all():
        label = page.locator(f"label[for='{select.get_attribute('id')}']")
        assert label.count() == 1 and label.inner_text().strip()
    assert page.locator("fieldset.fc-search-filters legend").inner_text().strip()
