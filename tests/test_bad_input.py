"""Hostile and broken input: each case breaks the test site one way and runs
``python -m tooling check`` (in-process) on it.  Each must exit 1 with the
problem at ``path:line:col`` and words that say how to fix it, and no
exception.  (tests/test_validate.py holds the first cases of this suite;
together they are the bad-input suite.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tooling.cli import main
from tooling.yamlfile import MAX_FILE_BYTES

EV = "claims/events/bridge-strike.yaml"
TW = "claims/events/town-withdrawal.yaml"
SRC = "claims/sources/alpha_0001.yaml"
CL = "claims/claimants.yaml"
NEW = "claims/events/extra.yaml"


def replace(rel, old, new):
    def apply(site: Path):
        path = site / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return apply


def write(rel, content):
    def apply(site: Path):
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")

    return apply


def symlink(rel, target):
    def apply(site: Path):
        (site / rel).symlink_to(target)

    return apply


BOMB = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 10)
)
CYRILLIC_A = "\u0430"

# (case id, mutation, path, line, col, words the message must hold)
CASES = [
    # YAML that cannot be read
    ("bad-indentation", write(NEW, "id: extra\ntitle: x\n  kind: strike\n"), NEW, 3, 7, ["YAML syntax error"]),
    ("unclosed-quote", write(NEW, 'id: extra\ntitle: "Strike\n'), NEW, 3, 1, ["YAML syntax error"]),
    ("tab-indentation", write(NEW, "id: extra\ndate:\n\treported: []\n"), NEW, 3, 1, ["tab character", "spaces"]),
    ("empty-file", write(NEW, ""), NEW, 1, 1, ["file is empty"]),
    ("comments-only", write(NEW, "# nothing here\n"), NEW, 1, 1, ["file is empty"]),
    ("list-not-mapping", write(NEW, "- id: extra\n"), NEW, 1, 1, ["must hold a mapping of fields"]),
    ("scalar-not-mapping", write(NEW, "just text\n"), NEW, 1, 1, ["must hold a mapping of fields"]),
    ("non-utf8", write(NEW, b"id: extra\ntitle: caf\xe9\n"), NEW, 2, 11, ["not valid UTF-8", "save the file as UTF-8"]),
    ("utf16", write(NEW, "id: x\n".encode("utf-16")), NEW, 1, 1, ["not valid UTF-8"]),
    ("alias-bomb", write(NEW, BOMB), NEW, 1, 5, ["anchors and aliases", "write the value out in full"]),
    ("alias", replace(EV, "place: The bridge", "place: &p The bridge\nnote: *p"), EV, 7, 8, ["anchors and aliases"]),
    (
        "python-object-tag",
        write(NEW, "id: !!python/object/apply:os.system ['echo hi']\n"),
        NEW,
        1,
        5,
        ["is not allowed here"],
    ),
    (
        "python-name-tag",
        replace(EV, "place: The bridge", "place: !!python/name:os.system"),
        EV,
        7,
        8,
        ["is not allowed here"],
    ),
    ("set-tag", replace(EV, "place: The bridge", "place: !!set {a, b}"), EV, 7, 8, ["is not allowed here"]),
    ("custom-tag", replace(EV, "place: The bridge", "place: !evil The bridge"), EV, 7, 8, ["is not allowed here"]),
    (
        "duplicate-key",
        replace(EV, "place: The bridge", "place: The bridge\nplace: The river"),
        EV,
        8,
        1,
        ["duplicate key 'place'", "keep only one"],
    ),
    (
        "complex-key",
        replace(EV, "place: The bridge", "place: The bridge\n? [a, b]\n: c"),
        EV,
        8,
        3,
        ["a key must be a plain word"],
    ),
    (
        "oversized-file",
        write(NEW, "id: extra\nnote: " + "x" * MAX_FILE_BYTES + "\n"),
        NEW,
        1,
        1,
        ["over the limit", "split it"],
    ),
    (
        "oversized-string",
        replace(EV, "summary: A strike hit the bridge; tolls differ.", "summary: " + "long " * 900),
        EV,
        8,
        10,
        ["4,499 characters, over the limit of 4,000", "shorten it"],
    ),
    (
        "oversized-quote",
        replace(EV, 'quote: "The ministry said', 'quote: "' + "x" * 2100 + "The ministry said"),
        EV,
        16,
        16,
        ["characters, over the limit of"],
    ),
    # Fields
    (
        "unknown-field-no-match",
        replace(EV, "place: The bridge", "place: The bridge\nweather: sunny"),
        EV,
        8,
        1,
        ["unknown field 'weather'", "allowed fields:"],
    ),
    (
        "misspelt-claim-field",
        replace(EV, "rationale: Two independent", "rationael: Two independent"),
        EV,
        20,
        5,
        ["did you mean 'rationale'?"],
    ),
    ("claims-as-mapping", replace(EV, "claims:\n", "claims: {one: 1}\nclaimz:\n"), EV, 9, 9, ["claims must be a list"]),
    ("number-as-text", replace(EV, "value: 12", 'value: "12"'), EV, 23, 14, ["must be a number, not text"]),
    ("negative-figure", replace(EV, "value: 12", "value: -12"), EV, 23, 14, ["cannot be negative"]),
    (
        "bad-qualifier",
        replace(EV, "qualifier: exact", "qualifier: atleast"),
        EV,
        24,
        18,
        ["'atleast' is not allowed", "did you mean 'at-least'?"],
    ),
    ("null-title", replace(EV, "title: Strike on the bridge", "title: null"), EV, 2, 8, ["must be text, not NoneType"]),
    ("date-not-iso", replace(TW, "end: 2024-11-29", "end: 29/11/2024"), TW, 10, 10, ["is not valid", "YYYY-MM-DD"]),
    ("end-before-start", replace(TW, "end: 2024-11-29", "end: 2024-11-01"), TW, 10, 10, ["before start", "swap them"]),
    # Look-alike characters
    (
        "cyrillic-in-id",
        replace(EV, "id: bridge-12-dead", f"id: bridge-12-de{CYRILLIC_A}d"),
        EV,
        10,
        9,
        ["is not valid", "U+0430 CYRILLIC SMALL LETTER A", "plain ASCII"],
    ),
    (
        "cyrillic-in-reference",
        replace(EV, "claimant: ministry", f"claimant: ministr{CYRILLIC_A}"),
        EV,
        13,
        15,
        ["U+0430", "plain ASCII"],
    ),
    (
        "fullwidth-digit-id",
        replace(EV, "id: bridge-15-dead", "id: bridge-\uff11\uff15-dead"),
        EV,
        28,
        9,
        ["FULLWIDTH DIGIT ONE"],
    ),
    # Addresses
    (
        "data-url",
        replace(SRC, 'url: "https://example.org/alpha"', 'url: "data:text/html,<script>alert(1)</script>"'),
        SRC,
        5,
        6,
        ["only http:// and https://"],
    ),
    (
        "protocol-relative-url",
        replace(SRC, 'url: "https://example.org/alpha"', 'url: "//evil.example/x"'),
        SRC,
        5,
        6,
        ["only http:// and https://"],
    ),
    (
        "url-breaking-attribute",
        replace(SRC, 'url: "https://example.org/alpha"', 'url: "https://x.org/\\" onmouseover=\\"alert(1)"'),
        SRC,
        5,
        6,
        ["only http:// and https://"],
    ),
    # Source texts
    ("absolute-text-path", replace(SRC, "text: alpha_0001.txt", "text: /etc/passwd"), SRC, 9, 7, ["is not valid"]),
    (
        "text-file-missing",
        replace(SRC, "text: alpha_0001.txt", "text: missing_0009.txt"),
        SRC,
        9,
        7,
        ["not found beside", "byte for byte"],
    ),
    (
        "text-file-symlink",
        lambda site: (
            (site / "claims/sources/alpha_0001.txt").rename(site / "alpha_real.txt"),
            (site / "claims/sources/alpha_0001.txt").symlink_to(site / "alpha_real.txt"),
        ),
        SRC,
        9,
        7,
        ["is a link or lies outside"],
    ),
    (
        "symlinked-event",
        symlink("claims/events/link.yaml", "/etc/hostname"),
        "claims/events/link.yaml",
        1,
        1,
        ["symbolic link"],
    ),
    (
        "yml-extension",
        write("claims/events/extra.yml", "id: extra\n"),
        "claims/events/extra.yml",
        1,
        1,
        ["rename it to extra.yaml"],
    ),
    (
        "folder-in-events",
        write("claims/events/sub/x.yaml", "id: x\n"),
        "claims/events/sub",
        1,
        1,
        ["unexpected folder"],
    ),
    (
        "overlapping-furniture",
        replace(SRC, "lines: [5, 5]", "lines: [1, 2]"),
        SRC,
        14,
        12,
        ["overlap", "merge or split"],
    ),
    ("furniture-reversed", replace(SRC, "lines: [5, 5]", "lines: [5, 3]"), SRC, 14, 12, ["first <= last"]),
    # References and duplicates
    (
        "duplicate-claimant-id",
        replace(CL, "  - id: army\n", "  - id: monitor\n"),
        CL,
        19,
        9,
        ["duplicate claimant id 'monitor'", "first defined at claims/claimants.yaml:14:9"],
    ),
    (
        "self-contradiction",
        replace(TW, "contradicts: [witnesses-soldiers-left]", "contradicts: [army-denies-withdrawal]"),
        TW,
        24,
        19,
        ["cannot contradict itself"],
    ),
    (
        "source-cited-twice",
        replace(
            EV,
            '      - source: beta\n        quote: "Officials',
            '      - source: alpha\n        quote: "The ministry said 12 people',
        ),
        EV,
        17,
        17,
        ["cited twice"],
    ),
    (
        "reported-by-unnamed",
        replace(
            TW,
            "rating: contested\n    rationale: The army denies it.\n    contradicts: [army-denies-withdrawal]",
            "rating: reported\n    rationale: The army denies it.",
        ),
        TW,
        32,
        13,
        ["needs a named claimant"],
    ),
    ("missing-claimants-file", lambda site: (site / CL).unlink(), CL, 1, 1, ["file is missing"]),
    # Hostile edits (issue 14): each passed `make check` before, or ended in a traceback.
    (
        "conflict-markers",
        replace(EV, "place: The bridge", "<<<<<<< HEAD\nplace: The bridge\n=======\nplace: The river\n>>>>>>> theirs"),
        EV,
        7,
        1,
        ["merge-conflict marker", "delete the markers"],
    ),
    (
        "conflict-markers-in-text",
        replace(
            EV,
            "summary: A strike hit the bridge; tolls differ.",
            "summary: >\n  A strike hit the bridge;\n=======\n  tolls differ.",
        ),
        EV,
        10,
        1,
        ["merge-conflict marker"],
    ),
    (
        "nesting-crash",
        write(NEW, "id: extra\nx: " + "[" * 100_000 + "]" * 100_000 + "\n"),
        NEW,
        2,
        68,
        ["nested too deeply"],
    ),
    (
        "nesting-deep",
        write(NEW, "id: extra\nx: " + "[" * 14 + "]" * 14 + "\n"),
        NEW,
        2,
        16,
        ["nested more than 12 levels"],
    ),
    ("infinite-figure", replace(EV, "value: 12", "value: .inf"), EV, 23, 14, ["not a finite number"]),
    ("nan-figure", replace(EV, "value: 12", "value: .NaN"), EV, 23, 14, ["not a finite number"]),
    ("octal-figure", replace(EV, "value: 12", "value: 012"), EV, 23, 14, ["YAML reads '012'", "octal", "010 → 10"]),
    ("base-60-figure", replace(EV, "value: 12", "value: 1:30"), EV, 23, 14, ["YAML reads '1:30'", "base 60"]),
    ("underscore-figure", replace(EV, "value: 12", "value: 1_2"), EV, 23, 14, ["YAML reads '1_2'"]),
    ("boolean-id", replace(CL, "  - id: army\n", "  - id: no\n"), CL, 19, 9, ["YAML reads 'no' as false"]),
    (
        "bidi-override",
        replace(EV, "text: The ministry says", "text: The ministry \u202esays"),
        EV,
        12,
        24,
        ["U+202E", "RIGHT-TO-LEFT OVERRIDE", "delete it"],
    ),
    ("bidi-isolate", replace(EV, "place: The bridge", "place: The \u2067bridge"), EV, 7, 12, ["U+2067"]),
    ("zero-width-space", replace(EV, "place: The bridge", "place: The bri\u200bdge"), EV, 7, 15, ["zero-width space"]),
    ("zwj-in-latin", replace(EV, "place: The bridge", "place: The bri\u200ddge"), EV, 7, 15, ["zero-width joiner"]),
    ("bom-inside", replace(EV, "place: The bridge", "place: The \ufeffbridge"), EV, 7, 12, ["byte-order mark"]),
    (
        "control-escape",
        replace(EV, "place: The bridge", 'place: "The\\u0007bridge"'),
        EV,
        7,
        12,
        ["U+0007", "delete it"],
    ),
    ("control-raw", replace(EV, "place: The bridge", "place: The\x07bridge"), EV, 7, 11, ["control character U+0007"]),
    ("whitespace-only", replace(EV, "place: The bridge", 'place: "   "'), EV, 7, 8, ["only spaces"]),
    (
        "whitespace-only-block",
        replace(EV, "summary: A strike hit the bridge; tolls differ.", 'summary: "  \n     "'),
        EV,
        8,
        10,
        ["only spaces"],
    ),
    (
        "reserved-id",
        replace(CL, "  - id: army\n", "  - id: index\n"),
        CL,
        19,
        9,
        ["the site's own pages", "choose another claimant id"],
    ),
    ("symlinked-folder", symlink("claims/extra", "/etc"), "claims/extra", 1, 1, ["symbolic link"]),
    (
        "symlinked-claimants",
        lambda site: ((site / CL).rename(site / "claimants.yaml"), (site / CL).symlink_to(site / "claimants.yaml")),
        CL,
        1,
        1,
        ["symbolic link"],
    ),
    (
        "quote-runs-into-furniture",
        replace(
            EV,
            'quote: "at least 15 people died, “mostly civilians,” in the strike"',
            'quote: "at least 15 people died, “mostly civilians,” in the strike. You May Also Like"',
        ),
        EV,
        34,
        16,
        ["starts in the article (line 3)", "runs into page furniture (teaser: Unrelated article., line 5)"],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_input(site, case, monkeypatch, capsys):
    _, mutate, rel, line, col, words = case
    mutate(site)
    monkeypatch.chdir(site)
    code = main(["check"])
    out = capsys.readouterr()
    assert code == 1
    lines = out.out.strip().splitlines()
    assert all(re.match(r"^[^:\s][^:]*:\d+:\d+: \S", ln) for ln in lines), lines
    here = [ln for ln in lines if ln.startswith(f"{rel}:{line}:{col}: ")]
    assert here, f"nothing at {rel}:{line}:{col}:\n" + "\n".join(lines)
    for w in words:
        assert any(w in ln for ln in here), (w, here)
    assert "problem" in out.err and "Traceback" not in out.err + out.out


@pytest.mark.parametrize(
    "content",
    [
        pytest.param("\ufeff", id="byte-order-mark"),
        pytest.param("\r\n", id="windows-line-endings"),
    ],
)
def test_bom_and_crlf_are_accepted_with_right_positions(site, content, monkeypatch, capsys):
    path = site / EV
    text = path.read_text(encoding="utf-8")
    text = "\ufeff" + text if content == "\ufeff" else text.replace("\n", "\r\n")
    text = text.replace("summary:", "sumary:")
    path.write_bytes(text.encode("utf-8"))
    monkeypatch.chdir(site)
    assert main(["check"]) == 1
    assert capsys.readouterr().out.startswith(f"{EV}:8:1: unknown field 'sumary'")


def test_whitespace_differences_in_a_quote_are_accepted(site, monkeypatch, capsys):
    replace(EV, '"The ministry said 12 people were killed', '"The   ministry said\\n 12 people\\twere killed')(site)
    monkeypatch.chdir(site)
    assert main(["check"]) == 0, capsys.readouterr().out


def test_problems_of_every_file_come_in_one_report(site, monkeypatch, capsys):
    for _, mutate, *_ in [CASES[3], CASES[13], CASES[29], CASES[34], CASES[43]]:
        mutate(site)
    monkeypatch.chdir(site)
    assert main(["check"]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    files = {ln.split(":", 1)[0] for ln in lines}
    assert {NEW, EV, SRC, CL} <= files


def test_no_file_is_written_by_check(site, monkeypatch, capsys):
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    replace(EV, "summary:", "sumary:")(site)
    before[site / EV] = (site / EV).stat().st_mtime_ns
    monkeypatch.chdir(site)
    main(["check"])
    after = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    assert after == before
