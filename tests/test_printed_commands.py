"""Every command the project prints runs as printed, from the repository root, with nothing
activated: the ones in the README, the guides and the site's hand-written pages, and the ones
the tooling's messages suggest.

The commands are collected, not listed here: code blocks and code spans of the pages, and
string literals of the tooling (messages).  A message whose command is filled in at run
time (a source id, a git ref) is produced for real, in a scenario below, and the command it
prints is what runs.  A new message with such a command and no scenario fails the test.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, ROOTS

MAKE_TARGETS = ("html", "check", "test", "format", "serve", "preview", "bench", "clean")
# Targets that never end (servers) or that are this suite, or take minutes: checked as a dry
# run (`make -n`), which fails on an unknown target or a broken recipe.
DRY_RUN = {"test", "serve", "preview", "bench"}
PAGES = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]
HOLE = "{}"  # a value a message fills in at run time

_ARG = r"(?:--[a-z-]+|\{\}|'[^']*'|\"[^\"]*\"|[\w./-]*[\d/-][\w./-]*)"
_COMMAND = re.compile(
    r"(?:[A-Z_]+=(?:\{\}|\S+) )*"
    r"(?:make (?:"
    + "|".join(MAKE_TARGETS)
    + r")\b|tooling/run (?:new (?:event|claim|source)|translations update|[a-z]+)(?: "
    + _ARG
    + ")*)"
)
# On a page a command is delimited (a code block's line, a code span): whatever follows.
_PAGE_COMMAND = re.compile(r"(?:[A-Z_]+=\S+ )*(?:make|tooling/run) \S")
# A code span that shows a pattern, not a command: "tooling/run COMMAND", "new event|claim|source",
# "check / origins", "…".
_PATTERN = re.compile(r"…|\.\.\.|\|| / |\b[A-Z]{3,}\b(?!=)")


def page_commands() -> list[str]:
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for block in re.findall(r"```(?:sh|bash|console)\n(.*?)```", text, re.S):
            found += [ln.split(" #", 1)[0].strip() for ln in block.splitlines()]
        found += re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", text, flags=re.S))
    commands = [c.strip() for c in found if _PAGE_COMMAND.match(c.strip())]
    return list(dict.fromkeys(c for c in commands if not _PATTERN.search(c)))


def message_commands() -> tuple[list[str], list[str]]:
    """(complete commands, templates with holes) in the tooling's string literals (not docstrings)."""
    complete, templates = [], []
    for path in sorted((ROOT / "tooling").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        parts = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}
        for node in ast.walk(tree):
            if id(node) in parts:
                continue  # read with the f-string it belongs to
            if isinstance(node, ast.JoinedStr):
                text = "".join(v.value if isinstance(v, ast.Constant) else HOLE for v in node.values)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                text = node.value
            else:
                continue
            if path.name == "cli.py" and text.strip() == "tooling/run":
                continue  # the argument parser's own name
            for m in _COMMAND.finditer(text):
                (templates if HOLE in m.group() else complete).append(m.group())
    return list(dict.fromkeys(complete)), list(dict.fromkeys(templates))


def workspace(dest: Path, claims_from: Path | None = None, with_tests: bool = False) -> Path:
    """A checkout of the project as a new editor has it (the project's files, its .venv), as a
    git repository whose main is also origin/main; optionally with another site's records."""
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-co", "--exclude-standard", "-z"], capture_output=True, check=True
    ).stdout.decode()
    for rel in filter(None, listed.split("\0")):
        src = ROOT / rel
        if src.is_file() and (with_tests or not rel.startswith("tests/")):
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    for shared in (".venv", "node_modules"):
        if (ROOT / shared).exists():
            (dest / shared).symlink_to(ROOT / shared)
    if claims_from is not None:
        for part in ("claims", "docs", "conf.py"):
            target = dest / part
            shutil.rmtree(target) if target.is_dir() else target.unlink()
            (shutil.copytree if (claims_from / part).is_dir() else shutil.copy2)(claims_from / part, target)
    git = ["git", "-C", str(dest), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "published"], check=True)
    subprocess.run([*git, "update-ref", "refs/remotes/origin/main", "HEAD"], check=True)
    return dest


PLAIN_ENV = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp"), "LANG": "C.UTF-8"}


def run_as_printed(command: str, where: Path) -> subprocess.CompletedProcess:
    words = [w for w in command.split() if "=" not in w]  # PORT=8001 make preview
    if words[0] == "make" and words[1] in DRY_RUN:
        command = command.replace("make ", "make -n ", 1)
    return subprocess.run(["bash", "-c", command], cwd=where, env=PLAIN_ENV, capture_output=True, text=True)


def assert_runs(command: str, result: subprocess.CompletedProcess, allowed=(0,)) -> None:
    said = result.stdout + result.stderr
    assert "Traceback" not in said and "ModuleNotFoundError" not in said, (command, said[-2000:])
    assert result.returncode in allowed, (command, result.returncode, said[-2000:])


def test_the_collectors_find_what_they_must():
    """The collectors themselves: a pattern is not taken for a command, a command is."""
    pages = page_commands()
    assert "make html" in pages and "make test" in pages
    assert any(c.startswith("tooling/run quote src-") for c in pages)
    assert any(c.startswith("FACTCHECK_BASE=origin/main tooling/run corrections") for c in pages)
    assert not [c for c in pages if "COMMAND" in c or "…" in c]
    complete, templates = message_commands()
    assert "make check" in complete and "tooling/run origins" in complete
    assert "tooling/run quote {} {}" in templates
    assert not [c for c in complete + templates if "python -m tooling" in c]


def test_no_page_or_message_suggests_python_m_tooling():
    """`python -m tooling` fails outside the project's environment (ModuleNotFoundError);
    `tooling/run` is what editors type."""
    for page in PAGES:
        assert "python -m tooling " not in page.read_text(encoding="utf-8"), page
    for path in (ROOT / "tooling").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.col_offset:
                assert not re.search(r"(?<!bin/)python -m tooling\b", node.value), (path, node.lineno)


@pytest.fixture
def checkout(tmp_path) -> Path:
    """A fresh checkout for each test: the guide's commands write skeletons that would fail
    the next test's make check."""
    if not (ROOT / ".venv/bin/python").exists():
        pytest.skip("no .venv: run through make test")
    return workspace(tmp_path / "checkout")


def test_every_page_command_runs_as_printed(checkout):
    commands = page_commands()
    for command in commands:
        # The guide's step 1 for a new source: the captured text is there before its command.
        for path in re.findall(r"claims/sources/\S+\.txt", command):
            target = checkout / path
            if not target.exists():
                target.write_text("A captured text, byte for byte.\n", encoding="utf-8")
        assert_runs(command, run_as_printed(command, checkout))
    assert (checkout / "claims/events/my-event-id.yaml").is_file()  # the guide's new event


def test_every_message_command_runs_as_printed(checkout, tmp_path):
    complete, templates = message_commands()
    for command in complete:
        # `make check` finds problems only where there are some: 0 here, as on main.
        assert_runs(command, run_as_printed(command, checkout), allowed=(0, 1))

    # Messages whose command is filled in at run time: produce each, then run what it printed.
    site = workspace(tmp_path / "site", claims_from=ROOTS / "basic")
    ev = site / "claims/events/bridge-strike.yaml"
    text = ev.read_text(encoding="utf-8")
    ev.write_text(
        text.replace("rating: reported", "rating: unverified").replace("at least 15 people", "at least 51 people", 1),
        encoding="utf-8",
    )
    env = {**PLAIN_ENV, "FACTCHECK_BASE": "main"}
    said = subprocess.run(["tooling/run", "check"], cwd=site, env=env, capture_output=True, text=True)
    said = said.stdout + said.stderr
    said += subprocess.run(["tooling/run", "corrections"], cwd=site, env=env, capture_output=True, text=True).stderr
    covered = set()
    for template in templates:
        shape = re.compile(r"(?:'[^'\n]*'|\S+)".join(re.escape(part) for part in template.split(HOLE)))
        printed = [m.group() for m in shape.finditer(said)]
        assert printed, f"no scenario prints the message command '{template}': add one to this test"
        for command in printed:
            if command.startswith("tooling/run quote"):
                # A quote's words as printed: some are found, or the nearest sentence is shown.
                result = run_as_printed(command, site)
                assert_runs(command, result, allowed=(0, 1))
                assert "line" in result.stdout + result.stderr
            else:
                assert_runs(command, run_as_printed(command, site))
        covered.add(template)
    assert "FACTCHECK_BASE={} tooling/run corrections --write" in covered
    # The correction the printed command wrote is there, ready for its reason.
    assert "REPLACE: what changed and why" in ev.read_text(encoding="utf-8")
