"""A failed build never leaves a half-written site where a good one was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import EV, ROOT, edit

from tooling.sphinxext.search import SEARCH_DIRS

ARGS = ["-W", "-q", "-b", "html", "-c", ".", "-d", "_build/doctrees", "docs", "_build/html"]


ENV = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}


def safe_build(site, **env):
    return subprocess.run(
        [sys.executable, "-m", "tooling.safe_build", *ARGS],
        cwd=site,
        capture_output=True,
        text=True,
        env={**ENV, **env},
    )


def start(site, **env) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tooling.safe_build", *ARGS],
        cwd=site,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**ENV, **env},
    )


def leftovers(site) -> list[str]:
    return sorted(p.name for p in (site / "_build").iterdir() if p.name not in ("html", "doctrees", "html.lock"))


def complete(site, expected: dict[str, bytes]) -> bool:
    """The published site has every page, each one whole, and a search index.

    The search index's chunks are named by their content (Pagefind), so an edit
    renames some: its entry point must be there, not the old chunk names."""
    out = site / "_build/html"
    expected = {name: data for name, data in expected.items() if name.split("/", 1)[0] not in SEARCH_DIRS}
    if not (out / "pagefind/pagefind-entry.json").is_file():
        return False
    return all((out / name).is_file() for name in expected) and all(
        (out / name).read_bytes().rstrip().endswith(b"</html>") for name in expected if name.endswith(".html")
    )


def sphinx_children(parent_pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=,ppid=,args=", "-e"], capture_output=True, text=True).stdout
    rows = [line.split(None, 2) for line in out.splitlines() if line.strip()]
    return [int(pid) for pid, ppid, args in rows if int(ppid) == parent_pid and "sphinx" in args]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped) is not running.
    with open(f"/proc/{pid}/stat") as f:
        return f.read().split(") ", 1)[1][0] != "Z"


def wait_for(predicate, timeout=60.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def snapshot(outdir):
    return {p.relative_to(outdir).as_posix(): p.read_bytes() for p in outdir.rglob("*") if p.is_file()}


def test_failed_build_keeps_the_previous_site(site):
    assert safe_build(site).returncode == 0
    out = site / "_build/html"
    before = snapshot(out)
    assert "events/bridge-strike.html" in before
    edit(site, EV, 'killed 12 people."', 'killed 13 people."')
    failed = safe_build(site)
    assert failed.returncode != 0
    assert "the previous site in _build/html is unchanged" in failed.stderr
    assert snapshot(out) == before
    assert leftovers(site) == []


def test_successful_build_replaces_the_site_and_writes_and_indexes_only_changes(site):
    assert safe_build(site).returncode == 0
    out = site / "_build/html"
    untouched = (out / "events/town-withdrawal.html").stat().st_mtime_ns
    base_entry = (out / "pagefind/pagefind-entry.json").read_bytes()
    edit(site, EV, "summary: A strike hit the bridge; tolls differ.", "summary: A strike hit the bridge.")
    assert safe_build(site).returncode == 0
    assert "A strike hit the bridge.</p>" in (out / "events/bridge-strike.html").read_text()
    assert (out / "events/town-withdrawal.html").stat().st_mtime_ns == untouched
    # Built in a copy of the site, the search index is still only added to: the base is the
    # one the first build made, and the rewritten pages are in the delta.
    assert (out / "pagefind/pagefind-entry.json").read_bytes() == base_entry
    assert (out / "pagefind-delta/pagefind-entry.json").is_file()


def test_two_builds_at_once_both_publish_a_whole_site(site):
    assert safe_build(site).returncode == 0
    pages = snapshot(site / "_build/html")
    edit(site, EV, "summary: A strike hit the bridge; tolls differ.", "summary: A strike hit the bridge.")
    first, second = start(site), start(site)
    outs = [p.communicate(timeout=300) for p in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outs
    assert any("another build of _build/html is running; waiting" in err for _, err in outs)
    assert complete(site, pages)
    assert "A strike hit the bridge.</p>" in (site / "_build/html/events/bridge-strike.html").read_text()
    assert leftovers(site) == []


def test_a_second_build_can_refuse_to_wait(site):
    assert safe_build(site).returncode == 0
    first = start(site)
    assert wait_for(lambda: any(p.name.startswith("html.next-") for p in (site / "_build").iterdir()))
    refused = safe_build(site, FACTCHECK_BUILD_WAIT="0")
    assert refused.returncode != 0 and "another build of _build/html is running" in refused.stderr
    assert first.wait(timeout=300) == 0


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["killed", "terminated"])
def test_a_killed_build_leaves_the_site_and_no_sphinx_behind(site, how):
    assert safe_build(site).returncode == 0
    pages = snapshot(site / "_build/html")
    edit(site, EV, "summary: A strike hit the bridge; tolls differ.", "summary: A strike hit the bridge.")
    (site / "_build/doctrees/environment.pickle").unlink()  # a long build: every page re-read
    build = start(site)
    assert wait_for(lambda: sphinx_children(build.pid)), "sphinx did not start"
    (child,) = sphinx_children(build.pid)
    os.kill(build.pid, how)
    build.wait(timeout=30)
    assert wait_for(lambda: not alive(child), timeout=20), "sphinx outlived the build that started it"
    assert snapshot(site / "_build/html") == pages  # the published site, untouched
    if how == signal.SIGTERM:
        assert leftovers(site) == []  # it cleaned up after itself
    # The next build cleans what a kill left, and publishes.
    assert safe_build(site).returncode == 0
    assert leftovers(site) == []
    assert complete(site, pages)
    assert "A strike hit the bridge.</p>" in (site / "_build/html/events/bridge-strike.html").read_text()


def test_a_site_left_renamed_aside_is_put_back(site):
    """A kill between the two renames (systems without an atomic exchange) loses no site."""
    assert safe_build(site).returncode == 0
    pages = snapshot(site / "_build/html")
    os.rename(site / "_build/html", site / "_build/html.old-abc123")
    (site / "_build/html.next-def456").mkdir()
    edit(site, EV, 'killed 12 people."', 'killed 13 people."')  # this build fails...
    assert safe_build(site).returncode != 0
    assert snapshot(site / "_build/html") == pages  # ...and the site it put back stays
    assert leftovers(site) == []
