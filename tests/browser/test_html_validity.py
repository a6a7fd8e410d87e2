"""The Nu Html Checker (vnu.jar from the npm package vnu-jar) on every generated page.

.ci/run installs the jar with npm; elsewhere set VNU_JAR or run
``npm install --no-save vnu-jar`` in the repository.  Skips without the jar or
Java outside CI; fails under CI=true.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

# Errors traced to the theme, not to this project's markup: (message start, why).
# Empty now: furo 2025.12.19 pages pass the checker.
THEME_ERRORS: list[tuple[str, str]] = []


def _vnu() -> str:
    jar = os.environ.get("VNU_JAR") or str(ROOT / "node_modules/vnu-jar/build/dist/vnu.jar")
    if Path(jar).is_file() and shutil.which("java"):
        return jar
    if os.environ.get("CI") == "true":
        pytest.fail(f"vnu.jar not found at {jar} (or no java); .ci/run must install it")
    pytest.skip("vnu.jar not installed (npm install --no-save vnu-jar)")


def test_generated_pages_are_valid_html(real_built, artifacts):
    jar = _vnu()
    pages = sorted(str(p) for p in real_built.outdir.rglob("*.html") if "_static" not in p.parts)
    result = subprocess.run(
        ["java", "-jar", jar, "--errors-only", "--format", "json", *pages], capture_output=True, text=True, timeout=600
    )
    report = json.loads(result.stderr)  # vnu writes its JSON report to stderr
    assert "version" in report, result.stderr[:500]  # the checker really ran
    messages = report["messages"]
    errors = [m for m in messages if m.get("type") == "error"]
    (artifacts / "vnu.json").write_text(json.dumps({"pages": len(pages), "errors": errors}, indent=1))
    unexplained = [
        f"{m.get('url', '').rsplit('/html/', 1)[-1]}:{m.get('lastLine')}: {m.get('message')}"
        for m in errors
        if not any(m.get("message", "").startswith(t) for t, _ in THEME_ERRORS)
    ]
    assert len(pages) > 40
    assert unexplained == []
