"""Editors' prose: references resolve to reader names, and the house style is
enforced by ``make check`` at the line of the sentence it is about.

Each refusal is made on a copy of the test site (tests/roots/basic) by writing
the bad text into a reader field; the check must exit 1 and name the file, the
line and the column where the bad words start, with a fix in plain words.
"""

from __future__ import annotations

import re

import pytest
from conftest import EV, build

from tooling.cli import main
from tooling.corrections import kept_wording
from tooling.prose import Style, plain, refs, sentences, split, word_count
from tooling.records import Change, Correction

LONG = "Word " + " ".join(["word"] * 37) + "."


def set_summary(site, text: str) -> None:
    path = site / EV
    body = path.read_text(encoding="utf-8")
    old = "summary: A strike hit the bridge; tolls differ.\n"
    assert old in body
    path.write_text(body.replace(old, "summary: >-\n  A strike hit the bridge.\n  " + text + "\n"), encoding="utf-8")


def check(site, monkeypatch, capsys) -> tuple[int, list[str]]:
    monkeypatch.chdir(site)
    code = main(["check"])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out.strip().splitlines()


# (case, text written on the summary's third line, column where the problem starts, words in the message)
REFUSED = [
    ("bare source number", "Source 003 says so.", 3, ["names a source by number", "{source}`"]),
    ("handle in brackets", "Two reports say so (002).", 23, ["names a source by number"]),
    ("unknown reference", "As {source}`alpah` says.", 6, ["no source 'alpah'", "did you mean 'alpha'"]),
    (
        "reference to nothing alike",
        "As {source}`gamma` says.",
        6,
        ["no source 'gamma'", "the sources are: alpha, beta"],
    ),
    ("unknown kind", "As {sorce}`alpha` says.", 6, ["unknown kind of reference", "did you mean {source}"]),
    ("record id", "The claim bridge-12-dead holds.", 13, ["record id", "{claim}`bridge-12-dead`"]),
    ("long sentence", LONG, 3, ["a sentence of 38 words", "the limit is 35", "“Word word"]),
    ("internal term", "A re-rating pass changed it.", 5, ["editors' word", "editors_note"]),
    ("field name", "It is not_recorded here.", 9, ["field name"]),
    ("history word", "The rating changed to reported.", 7, ["tells the record's history", "corrections log"]),
    ("unknown glossary term", "One {term}`provenance` only.", 7, ["no term 'provenance'"]),
]


@pytest.mark.parametrize("case", REFUSED, ids=[c[0] for c in REFUSED])
def test_check_refuses_at_the_line_and_column(site, monkeypatch, capsys, case):
    _, text, col, words = case
    set_summary(site, text)
    code, lines = check(site, monkeypatch, capsys)
    assert code == 1
    here = [ln for ln in lines if ln.startswith(f"{EV}:10:{col}: ")]
    assert here, "\n".join(lines)
    for w in words:
        assert any(w in ln for ln in here), (w, here)


def test_a_sentence_on_a_later_line_of_a_folded_block_is_placed_on_its_own_line(site, monkeypatch, capsys):
    set_summary(site, "Short one.\n  " + LONG)
    code, lines = check(site, monkeypatch, capsys)
    assert code == 1
    assert any(ln.startswith(f"{EV}:11:3: a sentence of 38 words") for ln in lines), lines


def test_a_reference_in_a_title_is_refused_and_a_good_reference_passes(site, monkeypatch, capsys):
    set_summary(site, "{source}`alpha` and {claim}`the ministry's toll <bridge-12-dead>` agree; see {term}`origin`.")
    (site / "docs" / "glossary.md").write_text(":::{glossary}\norigin\n  Where a text comes from.\n:::\n")
    code, lines = check(site, monkeypatch, capsys)
    assert code == 0, lines
    path = site / EV
    path.write_text(path.read_text().replace("title: Strike on the bridge", "title: Strike per {source}`alpha`"))
    code, lines = check(site, monkeypatch, capsys)
    assert code == 1
    assert any(ln.startswith(f"{EV}:2:") and "cannot hold a reference" in ln for ln in lines), lines


def test_every_problem_of_a_text_in_one_run(site, monkeypatch, capsys):
    set_summary(site, "Source 003 says so. A re-rating pass did it. " + LONG)
    code, lines = check(site, monkeypatch, capsys)
    assert code == 1
    said = " ".join(lines)
    assert "names a source by number" in said and "editors' word" in said and "38 words" in said


def test_a_correction_reason_may_tell_history(site, monkeypatch, capsys):
    path = site / "claims/events/town-withdrawal.yaml"
    body = path.read_text(encoding="utf-8")
    body = body.replace(
        "    rationale: The army denies it.\n",
        '    rationale: The army denies it.\n    corrections:\n      - date: "2026-11-23"\n        changes:\n'
        "          - field: rating\n            old: reported\n            new: contested\n"
        "        reason: The rating changed to contested, no longer reported.\n",
    )
    path.write_text(body, encoding="utf-8")
    code, lines = check(site, monkeypatch, capsys)
    assert code == 0, lines


def test_a_long_summary_is_refused(site, monkeypatch, capsys):
    set_summary(site, " ".join(f"Sentence {i} is short." for i in range(25)))
    code, lines = check(site, monkeypatch, capsys)
    assert code == 1
    assert any("the summary has" in ln and "the limit is 80" in ln for ln in lines), lines


def test_the_limits_come_from_the_style_file(site, monkeypatch, capsys):
    set_summary(site, "Six words are in this sentence.")
    assert check(site, monkeypatch, capsys)[0] == 0
    (site / "claims" / "style.yaml").write_text(
        "sentence_words: 5\ninternal_terms:\n  - term: bridge\n    instead: the crossing\n"
    )
    code, lines = check(site, monkeypatch, capsys)
    assert code == 1
    assert any("a sentence of 6 words (the limit is 5)" in ln for ln in lines), lines
    assert any("'bridge' is an editors' word; instead: the crossing" in ln for ln in lines), lines


# -- the pieces ----------------------------------------------------------------


def test_references_split_with_their_own_words():
    text = "As {source}`alpha` and {claim}`the toll <bridge-12-dead>` say."
    pieces = split(text)
    assert [p if isinstance(p, str) else (p.kind, p.target, p.label) for p in pieces] == [
        "As ",
        ("source", "alpha", None),
        " and ",
        ("claim", "bridge-12-dead", "the toll"),
        " say.",
    ]
    assert [r.kind for r in refs("{fc:event}`x`")] == ["event"]


def test_plain_text_shows_reader_names(site):
    from tooling.validate import check as validate

    corpus, problems = validate(site / "claims")
    assert not problems, problems.report()
    assert plain("Per {source}`alpha`.", corpus) == f"Per {corpus.sources['alpha'].label}."
    assert plain("{claimant}`ministry` said.", corpus) == f"{corpus.claimants['ministry'].name} said."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("The U.N. said so. Then more.", ["The U.N. said so.", "Then more."]),
        ("He said “no.” Then left.", ["He said “no.”", "Then left."]),
        ("Figures: 4.5 million. Next.", ["Figures: 4.5 million.", "Next."]),
    ],
)
def test_sentences(text, expected):
    assert [s for _, s in sentences(text)] == expected


def test_word_count_ignores_punctuation_alone():
    assert word_count("A – b , c") == 3


def test_style_defaults_without_a_file(tmp_path):
    style = Style.load(tmp_path / "missing.yaml")
    assert (style.sentence_words, style.summary_words) == (35, 80)


def test_a_reworded_reason_must_keep_the_first_wording():
    change = (Change("rating", "a", "b"),)
    was = Correction("2026-12-01", change, "Re-rating pass: one origin.")
    assert kept_wording(was, Correction("2026-12-01", change, "Re-rating pass: one origin."))
    assert not kept_wording(was, Correction("2026-12-01", change, "One origin, so reported."))
    assert kept_wording(
        was, Correction("2026-12-01", change, "One origin.", "Reason as first published: Re-rating pass: one origin.")
    )
    # a second rewording keeps both earlier wordings
    was2 = Correction("2026-12-01", change, "One origin.", "Reason as first published: Re-rating pass: one origin.")
    assert not kept_wording(was2, Correction("2026-12-01", change, "Reported: one origin.", "One origin."))


# -- rendered ----------------------------------------------------------------------


def test_a_reference_renders_as_the_reader_name_with_a_link_and_text_stays_escaped(site):
    set_summary(site, "{source}`alpha` says <b>so</b>; see {claim}`the toll <bridge-12-dead>`.")
    result = build(site)
    soup = result.soup("events/bridge-strike")
    summary = soup.select_one("p.fc-summary")
    links = {a.get_text(): a["href"] for a in summary.select("a")}
    assert links["Alpha report"].endswith("sources/alpha.html")
    assert re.search(r"bridge-strike\.html#", links["the toll"]) or links["the toll"].startswith("#")
    assert "<b>so</b>" in summary.get_text() and summary.find("b") is None
    assert "{source}" not in result.html("events/bridge-strike")


def test_a_broken_style_file_is_an_error_at_its_line(site, monkeypatch, capsys):
    (site / "claims" / "style.yaml").write_text("sentence_words: 35\nsummary_words: many\n")
    code, lines = check(site, monkeypatch, capsys)
    assert code == 1
    assert any(ln.startswith("claims/style.yaml:2:16: summary_words must be a whole number") for ln in lines), lines


def test_the_readability_report_measures_each_page_type(site, monkeypatch, capsys):
    set_summary(site, "Short words win. " + " ".join(["Extraordinarily"] * 20) + " complicated.")
    monkeypatch.chdir(site)
    assert main(["style"]) == 0
    out = capsys.readouterr().out
    row = next(ln for ln in out.splitlines() if ln.startswith("Event pages: summaries"))
    *_, longest, over, ease = row.split()
    assert int(longest) == 21 and int(over) == 0 and float(ease) < 30  # long words: hard to read


def test_reading_ease_orders_plain_above_dense():
    from tooling.prose import reading_ease, syllables

    assert [syllables(w) for w in ("cat", "table", "extraordinary", "the")] == [1, 2, 5, 1]  # an estimate: 6 by ear
    assert reading_ease(["The cat sat. It was fed."]) > reading_ease(
        ["Institutional accountability necessitates documentation."]
    )
