"""The claimants list and a claimant's page, as a reader sees them at phone and desktop widths."""

from __future__ import annotations

import pytest


def used_by_side(corpus) -> dict[str, set[str]]:
    """side id -> the claimants of that side with at least one claim (those that have a page)."""
    used = {c.claimant for c in corpus.claims.values()}
    out: dict[str, set[str]] = {}
    for who in used:
        out.setdefault(corpus.claimants[who].side, set()).add(who)
    return out


@pytest.mark.parametrize("width", [375, 1280])
def test_claimants_are_grouped_by_side_each_under_one_heading(page, server, artifacts, corpus, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{server}/claimants/index.html")
    by_side = used_by_side(corpus)
    assert page.locator("section.fc-side").count() == len(by_side)
    for side, members in by_side.items():
        section = page.locator(f"section#side-{side}")
        assert section.locator("h2").inner_text() == corpus.sides[side].name
        hrefs = section.locator(".fc-claimant-entry a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        # Each voice under its own side, and under no other.
        assert sorted(h.rsplit("/", 1)[-1].removesuffix(".html") for h in hrefs) == sorted(members), side
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(artifacts / "screenshots" / f"claimants-index-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", [375, 1280])
def test_a_claimant_page_lists_its_claims_by_event_with_ratings(page, server, artifacts, corpus, width):
    # The claimant heard on the most events: the page with the most to group.
    events: dict[str, set[str]] = {}
    for c in corpus.claims.values():
        events.setdefault(c.claimant, set()).add(c.event)
    who = max(sorted(events), key=lambda k: len(events[k]))
    side = corpus.sides[corpus.claimants[who].side]
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{server}/claimants/{who}.html")
    link = page.locator(".fc-claimant-side a")
    assert link.inner_text() == side.name
    assert link.get_attribute("href").endswith(f"#side-{side.id}")
    assert page.locator(".fc-claimant-event").count() == len(events[who])
    for claim in page.locator(".fc-claimant-claims > li").all():
        assert claim.locator(".fc-badge").count() >= 1  # every claim shows its rating
    total = page.locator(".fc-claimant-claims > li").count()
    assert page.locator(".fc-claimant-summary").inner_text().startswith(f"{total} claim")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.screenshot(path=str(artifacts / "screenshots" / f"claimant-page-{width}.png"), full_page=True)
