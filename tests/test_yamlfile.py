"""The safe loader: positions, and refusal of what records never need."""

from pathlib import Path

import pytest

from tooling.problems import Problems
from tooling.yamlfile import MAX_FILE_BYTES, load_yaml


def load(tmp_path: Path, content, name="f.yaml"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    problems = Problems()
    doc = load_yaml(path, name, problems)
    return doc, problems


def test_positions_of_values_and_keys(tmp_path):
    doc, problems = load(tmp_path, "a: 1\nb:\n  - x\n  - {c: 2024-11-29}\n")
    assert not problems
    assert doc.data == {"a": 1, "b": ["x", {"c": "2024-11-29"}]}
    assert doc.pos(("b", 1, "c")) == (4, 9)
    assert doc.key(("b", 1, "c")) == (4, 6)
    assert doc.pos(("b", 5)) == (3, 3)  # unknown index: the list itself


@pytest.mark.parametrize(
    "content, line, col, words",
    [
        ("a: 1\na: 2\n", 2, 1, "duplicate key 'a' (first written at line 1)"),
        ("a: &x [1, 2]\nb: *x\n", 1, 4, "anchors and aliases"),
        ("a: !!python/object:os.system {}\n", 1, 4, "is not allowed here"),
        ("a: !!python/name:os.system ''\n", 1, 4, "is not allowed here"),
        ("a: !!binary aGVsbG8=\n", 1, 4, "is not allowed here"),
        ("a:\n\tb: 1\n", 2, 1, "tab character"),
        ("a: [1, 2\nb: 3\n", 2, 2, "YAML syntax error"),
        ("", 1, 1, "file is empty"),
        (b"a: \xff\n", 1, 4, "not valid UTF-8"),
    ],
)
def test_refused_input(tmp_path, content, line, col, words):
    doc, problems = load(tmp_path, content)
    assert doc is None
    assert len(problems) == 1
    p = problems[0]
    assert (p.path, p.line, p.col) == ("f.yaml", line, col)
    assert words in p.message


def test_byte_order_mark_and_crlf_are_accepted(tmp_path):
    doc, problems = load(tmp_path, "\ufeffa: 1\r\nb: two\r\n")
    assert not problems
    assert doc.data == {"a": 1, "b": "two"}
    assert doc.pos(("b",)) == (2, 4)


def test_alias_bomb_is_refused_fast(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    doc, problems = load(tmp_path, "\n".join(lines) + "\n")
    assert doc is None
    assert "anchors and aliases" in problems[0].message


def test_oversized_file(tmp_path):
    doc, problems = load(tmp_path, "a: " + "x" * MAX_FILE_BYTES + "\n")
    assert doc is None
    assert "over the limit" in problems[0].message


def test_yaml_mistakes_are_explained_in_plain_words(tmp_path):
    from tooling.problems import Problems
    from tooling.yamlfile import load_yaml

    cases = {
        "title: Rebels: a new push\n": "a colon followed by a space inside a value; put the whole value in double quotes",
        "a:\n  - x\n y: 2\n": "indentation does not match",
        'summary: "unclosed\n': "a quotation mark is opened and never closed",
        "contradicts: [a, b\n": "a [list] is not closed",
        "text: *starred\n": "put text that starts with '*' in double quotes",
    }
    for i, (text, words) in enumerate(cases.items()):
        path = tmp_path / f"case{i}.yaml"
        path.write_text(text, encoding="utf-8")
        problems = Problems()
        assert load_yaml(path, path.name, problems) is None
        assert len(problems) == 1 and words in problems[0].message, (text, problems)
