"""The validator: one bad-input case per kind of error, with message and location.

Each case copies the test site's records, breaks one thing, and asserts the
exact ``path:line:col`` and the words that tell the editor how to fix it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EV, ROOT, SRC, TW, edit

from tooling.validate import check


def problems_of(site: Path):
    _, problems = check(site / "claims", site)
    return sorted(set(problems))


def test_the_test_site_is_valid(site):
    assert problems_of(site) == []


CASES = [
    # (id, file, old, new, line, col, words)
    (
        "quote-one-word-changed",
        EV,
        'killed 12 people."',
        'killed 13 people."',
        18,
        16,
        [
            "quote not found verbatim in source 'beta'",
            'Closest passage: "Officials confirmed the strike on the bridge killed 12 people."',
        ],
    ),
    (
        "quote-straight-quotes",
        EV,
        "“mostly civilians,”",
        '\\"mostly civilians,\\"',
        34,
        16,
        ["quote not found verbatim"],
    ),
    ("unknown-field", EV, "summary:", "sumary:", 8, 1, ["unknown field 'sumary'", "did you mean 'summary'?"]),
    ("missing-field", EV, "place: The bridge\n", "", 1, 1, ["missing required field 'place'"]),
    (
        "bad-rating",
        EV,
        "rating: reported",
        "rating: reportd",
        35,
        13,
        ["'reportd' is not allowed", "did you mean 'reported'?"],
    ),
    ("wrong-type", EV, "value: 12", "value: twelve", 23, 14, ["must be a number, not text"]),
    (
        "unknown-claimant",
        EV,
        "claimant: monitor",
        "claimant: monitr",
        31,
        15,
        ["unknown claimant 'monitr'", "did you mean 'monitor'?"],
    ),
    (
        "unknown-source",
        EV,
        'source: alpha\n        quote: "at',
        'source: alfa\n        quote: "at',
        33,
        17,
        ["unknown source 'alfa'", "did you mean 'alpha'?"],
    ),
    (
        "unknown-measure",
        EV,
        "measure: bridge-deaths\n      value: 15",
        "measure: bridge-death\n      value: 15",
        38,
        16,
        ["unknown measure 'bridge-death'"],
    ),
    (
        "duplicate-claim-id",
        TW,
        "id: witnesses-soldiers-left",
        "id: bridge-12-dead",
        25,
        9,
        ["duplicate claim id 'bridge-12-dead'", "first defined at claims/events/bridge-strike.yaml:10:9"],
    ),
    (
        "dangling-contradiction",
        TW,
        "contradicts: [witnesses-soldiers-left]",
        "contradicts: [witness-left]",
        24,
        19,
        ["unknown claim 'witness-left'"],
    ),
    (
        "corroborated-one-source",
        EV,
        "rating: reported",
        "rating: corroborated",
        35,
        13,
        ["needs citations from at least two origin groups"],
    ),
    (
        "contested-without-contradicts",
        TW,
        "    contradicts: [witnesses-soldiers-left]\n",
        "",
        22,
        13,
        ["needs 'contradicts'"],
    ),
    (
        "figure-both-value-and-range",
        EV,
        "value: 15",
        "value: 15\n      min: 10\n      max: 20",
        38,
        7,
        ["give exactly one of"],
    ),
    (
        "bad-id",
        EV,
        "id: bridge-15-dead",
        "id: Bridge 15",
        28,
        9,
        ["'Bridge 15' is not valid", "Lower-case ASCII letters"],
    ),
    ("yaml-syntax", EV, "title: Strike on the bridge", "title: [Strike on the bridge", 3, 5, ["YAML syntax error"]),
    ("id-not-file-name", EV, "id: bridge-strike", "id: bridge-strikes", 1, 5, ["does not match the file name"]),
    ("bad-date", TW, "start: 2024-11-29", "start: 2024-02-30", 9, 12, ["'2024-02-30' is not a real date"]),
    (
        "quote-in-furniture",
        EV,
        'quote: "at least 15 people died, “mostly civilians,” in the strike"',
        'quote: "You May Also Like: 40 tips"',
        34,
        16,
        ["page furniture"],
    ),
    (
        "javascript-url",
        SRC,
        'url: "https://example.org/alpha"',
        'url: "javascript:alert(1)"',
        5,
        6,
        ["only http:// and https://"],
    ),
    ("text-changed", SRC, "sha256: ", "sha256: 0", 10, 9, ["is not valid"]),
    (
        "furniture-out-of-range",
        SRC,
        "lines: [5, 5]",
        "lines: [5, 9]",
        14,
        12,
        ["do not fit the text, which has 6 lines"],
    ),
    ("source-path-escape", SRC, "text: alpha_0001.txt", "text: ../../conf.txt", 9, 7, ["is not valid"]),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_input(site, case):
    _, rel, old, new, line, col, words = case
    edit(site, rel, old, new)
    problems = problems_of(site)
    matching = [p for p in problems if p.path == rel and (p.line, p.col) == (line, col)]
    assert matching, f"no problem at {rel}:{line}:{col}; got:\n" + "\n".join(map(str, problems))
    message = " ".join(p.message for p in matching)
    for w in words:
        assert w in message


def test_every_problem_in_one_run(site):
    edit(site, EV, "summary:", "sumary:")
    edit(site, EV, 'killed 12 people."', 'killed 13 people."')
    edit(site, TW, "claimant: army", "claimant: navy")
    edit(site, SRC, "language: en", "language: English")
    problems = problems_of(site)
    assert {p.path for p in problems} == {EV, TW, SRC}
    assert len(problems) >= 4


def test_text_file_changed_by_one_byte(site):
    path = site / "claims/sources/beta_0002.txt"
    path.write_bytes(path.read_bytes().replace(b"Friday", b"Fryday"))
    problems = problems_of(site)
    assert any("has SHA-256" in p.message and "never edited" in p.message for p in problems)


def test_symlinked_record_is_refused(site):
    target = site / "claims/events/town-withdrawal.yaml"
    (site / "claims/events/link.yaml").symlink_to(target)
    assert any("symbolic link" in p.message for p in problems_of(site))


def test_duplicate_source_ids_across_files(site):
    src = (site / SRC).read_text()
    (site / "claims/sources/copy.yaml").write_text(src)
    problems = problems_of(site)
    assert any(p.path == "claims/sources/copy.yaml" and "duplicate source id 'alpha'" in p.message for p in problems)


def run_cli(*args, cwd: Path):
    return subprocess.run(
        [sys.executable, "-m", "tooling", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def test_cli_reports_and_exits_1_without_traceback(site):
    edit(site, EV, 'killed 12 people."', 'killed 13 people."')
    edit(site, TW, "claimant: army", "claimant: navy")
    result = run_cli("check", cwd=site)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith(f"{EV}:18:16: quote not found verbatim")
    assert lines[1].startswith(f"{TW}:")
    assert "2 problems found" in result.stderr


def test_cli_github_annotations(site):
    edit(site, EV, "summary:", "sumary:")
    result = run_cli("check", "--format", "github", cwd=site)
    assert result.returncode == 1
    assert result.stdout.startswith(f"::error file={EV},line=8,col=1::unknown field 'sumary'")


def test_cli_ok(site):
    result = run_cli("check", cwd=site)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].startswith("ok: 2 sources, 2 events, 4 claims, 2 figures")


def test_root_causes_come_first(site, monkeypatch, capsys):
    """A changed source text is reported before what follows from it, and before any rule."""
    from tooling.cli import main

    with open(site / "claims/sources/beta_0002.txt", "a", encoding="utf-8") as f:
        f.write(" edited")  # the capture no longer matches its checksum
    edit(site, TW, "rating: contested\n    rationale: Witnesses say", "rating: contestd\n    rationale: Witnesses say")
    edit(site, EV, "text: A monitor says at least 15 died", "text: At least 15 died")  # a rule, on alpha's claim
    monkeypatch.chdir(site)
    assert main(["check"]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    assert "SHA-256" in lines[0] and lines[0].startswith("claims/sources/beta_0002.yaml")
    assert "'contestd' is not allowed" in lines[1]
    assert "states the claim as fact" in lines[-1]


def test_github_gets_every_problem_in_ten_annotations_and_the_summary(site, monkeypatch, capsys, tmp_path):
    from tooling.cli import main

    for n in range(12):  # twelve problems in two files
        rel = EV if n % 2 else TW
        with open(site / rel, "a", encoding="utf-8") as f:
            f.write(f"extra{n}: 1\n")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.chdir(site)
    assert main(["check", "--format", "github"]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 2 and all(line.startswith("::error file=") for line in out)  # one per file
    assert all("6 problem(s) in this file" in line for line in out)
    text = summary.read_text(encoding="utf-8")
    assert text.count("unknown field 'extra") == 12


def test_reserved_ids_cover_every_page_the_site_writes_in_a_record_folder():
    from tooling.sphinxext.domain import INDEX_PAGES
    from tooling.validate import RESERVED_IDS

    assert {page.rsplit("/", 1)[1] for page in INDEX_PAGES.values()} <= RESERVED_IDS
