"""A failed build never leaves a half-written site where a good one was."""

from __future__ import annotations

import subprocess
import sys

from conftest import EV, ROOT, edit

ARGS = ["-W", "-q", "-b", "html", "-c", ".", "-d", "_build/doctrees", "docs", "_build/html"]


def safe_build(site):
    return subprocess.run(
        [sys.executable, "-m", "tooling.safe_build", *ARGS],
        cwd=site,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


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
    assert not (site / "_build/html.next").exists() and not (site / "_build/html.old").exists()


def test_successful_build_replaces_the_site_and_writes_only_changes(site):
    assert safe_build(site).returncode == 0
    out = site / "_build/html"
    untouched = (out / "events/town-withdrawal.html").stat().st_mtime_ns
    edit(site, EV, "summary: A strike hit the bridge; tolls differ.", "summary: A strike hit the bridge.")
    assert safe_build(site).returncode == 0
    assert "A strike hit the bridge.</p>" in (out / "events/bridge-strike.html").read_text()
    assert (out / "events/town-withdrawal.html").stat().st_mtime_ns == untouched
