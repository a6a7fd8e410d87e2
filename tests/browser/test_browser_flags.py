"""The browser the suite drives is launched with the flags its conftest means it to have."""

from __future__ import annotations

import re
from pathlib import Path

from tooling.chromium import NO_ADDRESS_BAR_POPUP, PLAYWRIGHT_DISABLED_FEATURES


def _playwrights_own_disabled_features() -> set[str]:
    """The features the installed Playwright disables at launch, read from its driver's source."""
    import playwright

    bundle = Path(playwright.__file__).parent / "driver/package/lib/coreBundle.js"
    text = bundle.read_text(encoding="utf-8")
    block = re.search(r"disabledFeatures = \[(.*?)\]\.filter", text, re.S)
    assert block, f"no disabledFeatures list in {bundle}: read Playwright's chromiumSwitches anew"
    return set(re.findall(r'^\s*"(\w+)"', block.group(1), re.M))


def test_our_feature_list_is_the_one_playwright_disables():
    # Our --disable-features replaces Playwright's: a Playwright upgrade that changes its list
    # must change ours.  (Read as source text: an empty read must fail, not pass.)
    theirs = _playwrights_own_disabled_features()
    assert len(theirs) >= 5, f"read only {sorted(theirs)} from Playwright's driver: read its chromiumSwitches anew"
    assert theirs == set(PLAYWRIGHT_DISABLED_FEATURES), (
        f"PLAYWRIGHT_DISABLED_FEATURES in tooling/chromium.py: add {sorted(theirs - set(PLAYWRIGHT_DISABLED_FEATURES))}, "
        f"drop {sorted(set(PLAYWRIGHT_DISABLED_FEATURES) - theirs)}"
    )


def test_a_new_context_opens_no_address_bar_popup(browser):
    context = browser.new_context()
    context.new_page().goto("data:text/html,<p>hello")
    targets = browser.new_browser_cdp_session().send("Target.getTargets")["targetInfos"]
    context.close()
    ui = [t["url"] for t in targets if t["type"] != "page"]
    assert not [u for u in ui if "omnibox" in u], f"{ui}: {NO_ADDRESS_BAR_POPUP} no longer stop it"
