"""`make preview`: the live server rebuilds on save and serves the edit within seconds."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import ROOT, edit

EV = "claims/events/bridge-strike.yaml"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, words: str, seconds: float) -> float | None:
    """Seconds until the page at url contains words, or None."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        body = fetch(url)
        if body and words in body:
            return time.monotonic() - start
        time.sleep(0.25)
    return None


@pytest.fixture
def preview(site):
    pytest.importorskip("sphinx_autobuild")
    port = free_port()
    env = {**os.environ, "PORT": str(port), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tooling.preview"],
        cwd=site,
        env=env,
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        yield site, f"http://127.0.0.1:{port}"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)


def test_preview_serves_an_edit_within_seconds(preview):
    site, url = preview
    page = f"{url}/events/bridge-strike.html"
    assert wait_for(page, "The ministry says the bridge strike killed 12 people.", 300) is not None
    edit(
        site,
        EV,
        "text: The ministry says the bridge strike killed 12 people.",
        "text: The ministry says the strike on the bridge killed 12 people.",
    )
    # Waits for the event (the served page has the edit), not for a deadline: how fast the
    # rebuild is depends on the machine and its load; make bench measures the one-record rebuild
    # the preview runs (6.2 s at 2,000 events).
    # The limit only stops a preview that never rebuilds from hanging the suite.
    seconds = wait_for(page, "The ministry says the strike on the bridge killed 12 people.", 300)
    assert seconds is not None, "the preview never served the edit"
    # The live-reload script is injected, and the published site is not touched.
    assert "websocket" in (fetch(page) or "").lower()
    assert not (site / "_build" / "html").exists()
