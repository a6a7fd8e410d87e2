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
from tooling.translations import EDITIONS

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
    # What a build keeps: the site, each edition's doctrees (tooling/safe_build.py: doctrees-ar), the lock.
    kept = ("html", "html.lock", "doctrees", *(f"doctrees-{code}" for code in EDITIONS))
    return sorted(p.name for p in (site / "_build").iterdir() if p.name not in kept)


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


# A build the test holds at a known point, instead of hoping to catch it in time: the site's
# conf.py gets a hook that, once Sphinx has started, writes its pid to HOLD/ready and waits
# until the test writes HOLD/release (a test site builds in under a second, so a poll of `ps`
# could miss the whole build on a quiet machine).
HOLD_HOOK = """

def setup(app):
    import os, pathlib, time

    def hold(app):
        where = os.environ.get("TEST_HOLD_BUILD")
        if where:
            # written aside and renamed: the test never reads a half-written pid
            pathlib.Path(where, "ready.tmp").write_text(str(os.getpid()))
            os.replace(pathlib.Path(where, "ready.tmp"), pathlib.Path(where, "ready"))
            while not pathlib.Path(where, "release").exists():
                time.sleep(0.02)

    app.connect("builder-inited", hold)
"""


def start_held(site, tmp_path) -> tuple[subprocess.Popen, int, object]:
    """Start a build and return once its Sphinx is running and held: (build, sphinx pid, release)."""
    conf = site / "conf.py"
    if HOLD_HOOK not in conf.read_text(encoding="utf-8"):
        conf.write_text(conf.read_text(encoding="utf-8") + HOLD_HOOK, encoding="utf-8")
    hold = tmp_path / f"hold-{len(list(tmp_path.glob('hold-*')))}"
    hold.mkdir()
    build = start(site, TEST_HOLD_BUILD=str(hold))
    # Not a race: the held build cannot finish before the test releases it.
    assert wait_for(lambda: (hold / "ready").exists() or build.poll() is not None, timeout=300)
    assert build.poll() is None, build.communicate()
    return build, int((hold / "ready").read_text()), lambda: (hold / "release").write_text("go")


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


def test_two_builds_at_once_both_publish_a_whole_site(site, tmp_path):
    assert safe_build(site).returncode == 0
    pages = snapshot(site / "_build/html")
    edit(site, EV, "summary: A strike hit the bridge; tolls differ.", "summary: A strike hit the bridge.")
    # The first is held mid-build, so the second really meets it (two builds started together
    # once overlapped only when the machine was slow enough): it says it waits, and does.
    first, _, release = start_held(site, tmp_path)
    second = start(site)
    said = second.stderr.readline()  # blocks until the second build speaks: an event, not a deadline
    assert "another build of _build/html is running; waiting" in said, said
    assert second.poll() is None  # still waiting for the held one
    release()
    outs = [p.communicate(timeout=300) for p in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outs
    assert complete(site, pages)
    assert "A strike hit the bridge.</p>" in (site / "_build/html/events/bridge-strike.html").read_text()
    assert leftovers(site) == []


def test_a_second_build_can_refuse_to_wait(site, tmp_path):
    assert safe_build(site).returncode == 0
    first, _, release = start_held(site, tmp_path)
    refused = safe_build(site, FACTCHECK_BUILD_WAIT="0")
    release()
    assert refused.returncode != 0 and "another build of _build/html is running" in refused.stderr
    assert first.wait(timeout=300) == 0


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["killed", "terminated"])
def test_a_killed_build_leaves_the_site_and_no_sphinx_behind(site, tmp_path, how):
    assert safe_build(site).returncode == 0
    pages = snapshot(site / "_build/html")
    edit(site, EV, "summary: A strike hit the bridge; tolls differ.", "summary: A strike hit the bridge.")
    build, held, _ = start_held(site, tmp_path)  # never released: the kill comes first
    assert sphinx_children(build.pid) == [held]  # the held Sphinx is the build's own child
    child = held
    os.kill(build.pid, how)
    build.wait(timeout=30)
    assert wait_for(lambda: not alive(child), timeout=20), "sphinx outlived the build that started it"
    assert snapshot(site / "_build/html") == pages  # the published site, untouched
    if how == signal.SIGTERM:
        assert leftovers(site) == []  # it cleaned up after itself
    # The next build cleans what a kill left, and publishes.
    assert safe_build(site).returncode == 0, "the next build must not be held"
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


def test_each_edition_is_built_under_its_folder_and_indexed_apart(site):
    import json

    assert safe_build(site).returncode == 0
    out = site / "_build/html"
    for code in EDITIONS:
        page = (out / code / "events/bridge-strike.html").read_text(encoding="utf-8")
        assert f'lang="{code}"' in page
        entry = json.loads((out / code / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
        assert set(entry["languages"]) == {code}
    entry = json.loads((out / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"en"}  # the English index holds no other edition's pages
    # a rebuild keeps every edition
    edit(site, EV, "summary: A strike hit the bridge; tolls differ.", "summary: A strike hit the bridge.")
    assert safe_build(site).returncode == 0
    for code in EDITIONS:
        assert "A strike hit the bridge.</p>" in (out / code / "events/bridge-strike.html").read_text(encoding="utf-8")
    assert leftovers(site) == []


def test_a_failed_edition_keeps_the_whole_previous_site(site):
    assert safe_build(site).returncode == 0
    out = site / "_build/html"
    before = snapshot(out)
    # A translation that links a claim that does not exist: a warning in that edition only.
    code = next(iter(EDITIONS))
    po = site / "locale" / code / "LC_MESSAGES" / "index.po"
    po.parent.mkdir(parents=True, exist_ok=True)
    heading = next(
        line[2:] for line in (site / "docs/index.md").read_text(encoding="utf-8").splitlines() if line.startswith("# ")
    )
    po.write_text(
        f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "{heading}"\n'
        'msgstr "{fc:claim}`no-such-claim`"\n',
        encoding="utf-8",
    )
    failed = safe_build(site)
    assert failed.returncode != 0
    assert f"build failed (the {code} edition)" in failed.stderr
    assert snapshot(out) == before
    assert leftovers(site) == []
