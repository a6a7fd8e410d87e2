"""Accessibility and HTML audits of built pages, for ``make bench``: axe-core (through
axe-playwright-python, offline) in headless Chromium, and the Nu Html Checker (vnu.jar
from the npm package vnu-jar).  The browser tests assert the same on the real site;
the bench records the counts at the real size and at about 2,000 events, where a page
that grows with the records could break what a small site passes.

Each function returns {} when its tool is missing, so the bench can say "not measured"
rather than count zero problems.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlparse

from . import weight
from .chromium import CHROMIUM, PLAYWRIGHT_ARGS

UNPLACED = "(no page named)"
VNU_JAR = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def axe(root: Path, pages: list[str]) -> dict[str, dict]:
    """page -> {'violations': how many axe rules failed (any impact), 'ids': those rules}."""
    try:
        from axe_playwright_python.sync_playwright import Axe
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {}
    if not weight.available():
        return {}
    httpd, origin = weight._serve(Path(root).resolve(), weight._Quiet)
    out = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=PLAYWRIGHT_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            for name in pages:
                page.goto(f"{origin}/{name}", wait_until="load")
                violations = Axe().run(page).response["violations"]
                out[name] = {"violations": len(violations), "ids": sorted(v["id"] for v in violations)}
            browser.close()
    finally:
        httpd.shutdown()
    return out


def vnu(root: Path, pages: list[str]) -> dict[str, dict]:
    """page -> {'errors': the Nu Html Checker's error count, 'messages': the first few}."""
    if not VNU_JAR.is_file() or not shutil.which("java") or not pages:
        return {}
    root = Path(root).resolve()
    files = [str(root / page) for page in pages]
    proc = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=900,
    )
    try:
        report = json.loads(proc.stderr)  # vnu writes its JSON report to stderr
    except ValueError:
        return {}
    if "messages" not in report:
        return {}
    out = {page: {"errors": 0, "messages": []} for page in pages}
    by_file = {f: page for f, page in zip(files, pages, strict=True)}
    for m in report["messages"]:
        if m.get("type") != "error":
            continue
        # vnu names files "file:/tmp/x.html"; an error it could not place still counts.
        page = by_file.get(unquote(urlparse(m.get("url", "")).path), UNPLACED)
        out.setdefault(page, {"errors": 0, "messages": []})["errors"] += 1
        if len(out[page]["messages"]) < 5:
            out[page]["messages"].append(f"{m.get('lastLine')}: {m.get('message')}")
    return out
