"""The real timeline and map in headless Chromium, at a phone's width and a desktop's.

Only our own elements are selected (fc- classes and the ids the templates
write): the theme around them is changing.
"""

from __future__ import annotations

import datetime

import pytest

WIDTHS = [375, 1280]


def open_timeline(page, server, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{server}/events/index.html", wait_until="load")


@pytest.mark.parametrize("width", WIDTHS)
def test_dated_events_read_in_date_order(page, server, corpus, artifacts, width):
    open_timeline(page, server, width)
    page.screenshot(path=artifacts / "screenshots" / f"timeline-{width}.png", full_page=True)
    # Top to bottom as a reader sees them, not as the markup happens to list them.
    seen = page.eval_on_selector_all(
        "#fc-days .fc-tl-event .fc-tl-title a",
        "els => els.map(a => [a.getAttribute('href'), a.getBoundingClientRect().top])",
    )
    tops = [t for _, t in seen]
    assert tops == sorted(tops)
    ids = [h.rsplit("/", 1)[-1].removesuffix(".html") for h, _ in seen]
    on_axis = [e for e in corpus.events_in_order() if e.inferred_date and e.period and e.period.phase != "background"]
    assert ids == [e.id for e in on_axis]
    starts = [corpus.events[i].inferred_date.start for i in ids]
    assert starts == sorted(starts)
    # Each bar is where its days are: the bar's left edge moves right with the start day.
    bars = page.eval_on_selector_all(
        "#fc-days .fc-tl-bar", "els => els.map(b => [b.getBoundingClientRect().left, b.getBoundingClientRect().width])"
    )
    assert len(bars) == len(ids) and all(w > 0 for _, w in bars)
    first = datetime.date.fromisoformat(min(starts))
    day_width = None
    for (_left, w), i in zip(bars, ids, strict=True):
        d = corpus.events[i].inferred_date
        days = (datetime.date.fromisoformat(d.end) - datetime.date.fromisoformat(d.start)).days + 1
        day_width = day_width or w / days
        assert w == pytest.approx(days * day_width, abs=1.5)
    lefts = {corpus.events[i].inferred_date.start: left for (left, _), i in zip(bars, ids, strict=True)}
    for start, left in lefts.items():
        offset = (datetime.date.fromisoformat(start) - first).days
        assert left - lefts[min(starts)] == pytest.approx(offset * day_width, abs=1.5)
    # The headings say the dates in words, each labelled as an inference.
    headings = page.locator("#fc-days .fc-tl-when").all_inner_texts()
    first_day = datetime.date.fromisoformat(min(starts))
    assert headings[0].startswith(f"{first_day:%A} {first_day.day} {first_day:%B %Y}")
    assert all("editor’s inference" in h for h in headings)
    # Nothing of the page overflows a phone's width.
    assert page.evaluate(
        "document.querySelector('#fc-days').scrollWidth <= document.querySelector('#fc-days').clientWidth + 1"
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_background_is_its_own_section(page, server, corpus, width):
    open_timeline(page, server, width)
    section = page.locator("#background")
    assert section.locator("h2").inner_text().startswith("Background")
    hrefs = section.locator(".fc-tl-title a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    background = [e.id for e in corpus.events_in_order() if e.period and e.period.phase == "background"]
    assert [h.removesuffix(".html") for h in hrefs] == background
    if not background:
        return
    # None of them on the offensive's axis, and the section comes after it.
    assert page.locator(f"#fc-days a[href='{background[0]}.html']").count() == 0
    assert section.bounding_box()["y"] > page.locator("#fc-days").bounding_box()["y"]
    dates = section.locator(".fc-tl-date").all_inner_texts()
    dated = [corpus.events[e].inferred_date for e in background if corpus.events[e].inferred_date]
    assert dates[: len(dated)] == [f"{d.display()} (editor’s inference)" for d in dated]


@pytest.mark.parametrize("width", WIDTHS)
def test_map_and_its_places_list(page, server, corpus, artifacts, width):
    open_timeline(page, server, width)
    figure = page.locator("#map .fc-map")
    figure.scroll_into_view_if_needed()
    figure.screenshot(path=artifacts / "screenshots" / f"map-{width}.png")
    svg = page.locator("#map svg")
    box = svg.bounding_box()
    assert box["width"] >= min(320, width - 60) and box["width"] <= width
    assert svg.locator("title").text_content().startswith("Map of the places the events name")
    assert "Aleppo" in svg.locator("desc").text_content()
    # The labels are readable at this width: at least 11 px tall on screen.
    label = svg.locator(".fc-map-label").first.bounding_box()
    assert label["height"] >= 11
    # Each dot links to its entry in the text list, which links to its events.
    outside = page.locator(".fc-map-outside li").evaluate_all("els => els.map(e => e.id)")
    for p in corpus.places.values():
        entry = page.locator(f"#place-{p.id}")
        assert entry.locator("strong").first.inner_text() == p.name
        hrefs = entry.locator("a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
        assert sorted(h.removesuffix(".html") for h in hrefs) == sorted(p.events)
        # A dot for a place in the map's view; one outside it is listed apart, never drawn at the edge.
        assert svg.locator(f"a[href='#place-{p.id}']").count() == (0 if f"place-{p.id}" in outside else 1)
    drawn = next(p.id for p in corpus.places.values() if f"place-{p.id}" not in outside)
    svg.locator(f"a[href='#place-{drawn}']").click()
    page.wait_for_url(f"**/events/index.html#place-{drawn}")
    # Every event is either at a place or listed as not on the map, with a reason.
    unmapped = page.locator(".fc-map-unmapped a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    mapped = {e for p in corpus.places.values() for e in p.events}
    assert {h.removesuffix(".html") for h in unmapped} | mapped == set(corpus.events)
    # Each with its reason after the link.
    reasons = page.locator(".fc-map-unmapped li").evaluate_all(
        "els => els.map(li => li.textContent.slice(li.querySelector('a').textContent.length))"
    )
    assert len(reasons) == len(corpus.unmapped) and all(len(r.strip(" —")) > 5 for r in reasons), reasons
