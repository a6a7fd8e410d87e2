"""How the tools and the tests start Debian's Chromium (/usr/bin/chromium): one place.

Used by the bench (reader weight, audits) and by the browser tests.
"""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

# For any launcher (Playwright, Lighthouse's chrome-launcher).
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Playwright 1.65's chromiumSwitches.ts disables these for every launch.
PLAYWRIGHT_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync",
    "DestroyProfileOnBrowserClose",
    "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable",
    "LensOverlay",
    "MediaRouter",
    "PaintHolding",
    "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin",
    "OptimizationHints",
    "NetworkTimeServiceQuerying",
    "AimEnabled",
    "PreconnectToSearch",
    "msForceBrowserSignIn",
    "msEdgeUpdateLaunchServicesPreferredVersion",
)
NO_ADDRESS_BAR_POPUP = ("WebUIOmniboxPopup", "WebUIOmniboxFullPopup", "WebUIOmniboxAimPopup")

# For Playwright's launch.  Chromium 156 opens a WebUI renderer for the address bar's
# popup in every new window (one per browser context), headless or not: half a core
# while a context starts, a quarter of the browser tests' CPU on a 2-core machine.
# A second --disable-features replaces Playwright's own, so its list is repeated
# first (tests/browser/test_browser_flags.py checks it against the installed
# Playwright).  Lighthouse gets ARGS only: chrome-launcher has a list of its own.
PLAYWRIGHT_ARGS = [*ARGS, "--disable-features=" + ",".join([*PLAYWRIGHT_DISABLED_FEATURES, *NO_ADDRESS_BAR_POPUP])]
