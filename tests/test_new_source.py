"""A new source and an event that cites it, made only with the documented commands (the
contributing guide's steps), pass `make check`, and then every test that reads the project's
records (the 'records' marker): what make check accepts, make test accepts.

This once failed: make check passed a new event that the map's browser test refused (it was
neither on the map nor listed as unmapped).  That rule is now make check's.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from test_printed_commands import PLAIN_ENV, workspace

CAPTURE = "Market hit\n\nRescuers in Example Town said a shell hit the market on Sunday and 7 people were hurt.\n"


def run(ws: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess:
    env = {**PLAIN_ENV, **({"CI": os.environ["CI"]} if "CI" in os.environ else {})}
    result = subprocess.run(args, cwd=ws, env=env, capture_output=True, text=True)
    said = result.stdout + result.stderr
    assert "Traceback" not in said, said
    if ok:
        assert result.returncode == 0, (args, said[-3000:])
    return result


def fill(path: Path, values: dict[str, str]) -> None:
    """Replace the REPLACE: value of each named field, as an editor does in the file."""
    text = path.read_text(encoding="utf-8")
    for key, value in values.items():
        text, n = re.subn(
            rf'(\b{key}: )"REPLACE:[^"\n]*"', lambda m, v=value: m.group(1) + json.dumps(v), text, count=1
        )
        assert n == 1, (path, key)
    path.write_text(text, encoding="utf-8")


def test_a_new_source_and_event_pass_make_check_then_make_test(tmp_path):
    if not (ROOT / ".venv/bin/python").exists():
        pytest.skip("no .venv: run through make test")
    ws = workspace(tmp_path / "checkout", with_tests=True)

    # Add a source: the capture, byte for byte; its metadata by the command; the label.
    (ws / "claims/sources/900_newcapture.txt").write_text(CAPTURE, encoding="utf-8")
    run(ws, "tooling/run", "new", "source", "claims/sources/900_newcapture.txt", "--id", "src-900")
    fill(ws / "claims/sources/900_newcapture.yaml", {"label": "Untitled report Z"})
    # The coverage rule, at the text's own lines: the name and the number no record holds yet.
    said = run(ws, "make", "check", ok=False)
    assert said.returncode != 0
    line3 = CAPTURE.split("\n")[2]
    at_name = f"900_newcapture.txt:3:{line3.index('Example Town') + 1}: 'Example Town' is a name no quote covers"
    at_number = f"900_newcapture.txt:3:{line3.index('7') + 1}: '7' is a number no claim records"
    assert at_name in said.stdout and at_number in said.stdout, said.stdout

    # Add an event: the command writes it and lists it in places.yaml; the editor fills the rest.
    run(
        ws, "tooling/run", "new", "event", "market-shelling", "--source", "src-900",
        "--words", "Rescuers in Example Town said a shell hit the market", "--claimant", "article",
    )  # fmt: skip
    event = ws / "claims/events/market-shelling.yaml"
    fill(
        event,
        {
            "title": "Untitled report Z says a shell hit a market",
            "kind": "strike",
            "place": "Example Town (the market)",
            "summary": "One report says rescuers saw a shell hit the market.",
            "phase": "offensive",
            "basis": "An editor's inference: the report does not tie it to the offensive.",
            "text": "Rescuers said a shell hit the market.",
            "rating": "unverified",
            "rationale": "The rescuers are not named, and no other report carries it.",
        },
    )
    fill(ws / "claims/places.yaml", {"reason": "Example Town is not in the gazetteer."})
    # The number is not a claim here: listed as not recorded, with the reason (step 5).
    with (ws / "claims/sources/900_newcapture.yaml").open("a", encoding="utf-8") as f:
        f.write("not_recorded:\n  - term: '7'\n    reason: A count of the hurt that no claim records yet.\n")
    said = run(ws, "make", "check")
    assert "ok: 6 sources" in said.stdout

    # make test's tests of the records, on this checkout: what make check accepts, they accept.
    said = run(ws, "make", "test", "PYTEST_ARGS=-n 2 --dist loadfile -m records -p no:cacheprovider -q", ok=False)
    tail = said.stdout[-4000:] + said.stderr[-2000:]
    assert said.returncode == 0, tail
    assert re.search(r"\b\d{2,} passed\b", said.stdout) and " failed" not in said.stdout, tail
