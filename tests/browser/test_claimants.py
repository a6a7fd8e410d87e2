"""The claimants list and a claimant's page, as a reader sees them at phone and desktop widths."""

from __future__ import annotations

import pytest

DAMASCUS = ("syrian-government", "syrian-military", "sana", "syrian-state-media")


@pytest.mark.parametrize("width", [375, 1280])
def test_claimants_are_grouped_by_side_with_damascus_under_one_heading(page, server, artifacts, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{server}/claimants/index.html")
    sides = page.locator("section.fc-side")
    assert sides.count() >= 5
    damascus = page.locator("section#side-damascus")
    assert damascus.locator("h2").inner_text() == "Syrian government (Damascus)"
    hrefs = damascus.locator(".fc-claimant-entry a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert sorted(h.rsplit("/", 1)[-1].removesuffix(".html") for h in hrefs) == sorted(DAMASCUS)
    # No Damascus voice appears under another side.
    for other in page.locator("section.fc-side:not(#side-damascus) .fc-claimant-entry a").all():
        assert other.get_attribute("href").rsplit("/", 1)[-1].removesuffix(".html") not in DAMASCUS
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(artifacts / "screenshots" / f"claimants-index-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", [375, 1280])
def test_a_claimant_page_lists_its_claims_by_event_with_ratings(page, server, artifacts, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{server}/claimants/syrian-government.html")
    side = page.locator(".fc-claimant-side a")
    assert side.inner_text() == "Syrian government (Damascus)"
    assert side.get_attribute("href").endswith("#side-damascus")
    events = page.locator(".fc-claimant-event")
    assert events.count() >= 2
    for claim in page.locator(".fc-claimant-claims > li").all():
        assert claim.locator(".fc-badge").count() >= 1  # every claim shows its rating
    total = page.locator(".fc-claimant-claims > li").count()
    assert page.locator(".fc-claimant-summary").inner_text().startswith(f"{total} claim")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(artifacts / "screenshots" / f"claimant-syrian-government-{width}.png"), full_page=True)
