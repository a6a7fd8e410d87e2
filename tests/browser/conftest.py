"""Headless Chromium (Debian's /usr/bin/chromium) driven by Playwright, on the built site.

Outside CI the browser tests skip when Chromium is not installed; under
CI=true they fail instead, so a CI run can never pass without them.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from tooling.chromium import CHROMIUM, PLAYWRIGHT_ARGS

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(config, items):
    """Every test in tests/browser carries the 'browser' marker."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


def _require_chromium():
    if Path(CHROMIUM).exists() and shutil.which(CHROMIUM):
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"Chromium not found at {CHROMIUM}; CI must install it (apt-get install chromium)")
    pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium chromium-driver)")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served(directory: Path):
    """A folder over HTTP on 127.0.0.1 (a file:// page cannot run the search): its address."""
    handler = functools.partial(_Quiet, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def serve():
    """``with serve(folder) as url``: any built folder over HTTP, for a test's own site."""
    return served


@pytest.fixture(scope="session")
def corpus():
    """The project's records, as the real site is built from them (valid: make check passes)."""
    from conftest import ROOT

    from tooling.validate import check

    corpus, problems = check(ROOT / "claims", ROOT)
    assert not problems, problems.report()
    return corpus


@pytest.fixture(scope="session")
def server(real_built):
    """The built site over HTTP."""
    with served(real_built.outdir) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=PLAYWRIGHT_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15000)
    yield pg
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    (ARTIFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
