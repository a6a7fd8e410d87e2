"""Reader text is plain language: no record ids, sources named by outlet and
headline, an outlet's own voice named as that outlet, plurals that agree.

The helpers of tooling/names.py are tested on made-up records; the scan of
the real site's reader pages uses patterns built from the records' own ids, so
a new id is covered without touching this file.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import ROOT

from tooling.names import claimant_label, count, kind_words, own_reporting, source_name
from tooling.records import Citation, Claim, Claimant, Corpus, Source
from tooling.validate import check

# Pages for editors, where ids are the point; and Sphinx's own index and search pages.
EDITORS_PAGES = {"contributing.html", "benchmarks.html", "methodology.html", "genindex.html", "search.html"}
# Nouns that count() pluralises in reader text: '1 reports' is the error to catch.
COUNTED = ("claim", "report", "claimant", "source", "origin", "independent origin", "figure", "measure", "event")


def _source(**kw) -> Source:
    base = dict(
        id="src-009",
        label="The Wire: Bridge falls (009)",
        title="Bridge falls in the night",
        publisher="The Wire",
        publisher_basis=None,
        url=None,
        published=None,
        retrieved=None,
        language="en",
        text_name="009_x.txt",
        sha256="0" * 64,
        furniture=[],
        note=None,
        yaml_path=Path("x.yaml"),
        text_path=Path("x.txt"),
        text="",
    )
    return Source(**{**base, **kw})


# -- the helpers ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "noun", "words"),
    [
        (0, "report", "0 reports"),
        (1, "report", "1 report"),
        (2, "claimant", "2 claimants"),
        (1200, "claim", "1,200 claims"),
    ],
)
def test_count_agrees_with_its_number(n, noun, words):
    assert count(n, noun) == words


def test_a_source_with_an_outlet_is_named_by_its_label_without_the_handle():
    assert source_name(_source()) == "The Wire: Bridge falls"


def test_a_source_without_an_outlet_says_so_and_never_invents_one():
    s = _source(publisher=None, label="Bridge falls in the night (009)")
    assert source_name(s) == "Bridge falls in the night (outlet not stated)"


def test_an_untitled_source_is_described_from_its_label():
    s = _source(publisher=None, title=None, label="Untitled report: bridge collapse and toll (009)")
    assert source_name(s) == "Untitled report (outlet not stated): bridge collapse and toll"


def test_a_label_without_a_handle_is_kept_whole():
    assert source_name(_source(label="The Wire: Bridge falls")) == "The Wire: Bridge falls"


def test_own_reporting_names_the_outlet_or_says_it_is_not_stated():
    assert own_reporting([_source()]) == "The Wire (own reporting)"
    nameless = _source(publisher=None, label="Bridge falls (009)")
    assert own_reporting([nameless]) == "Bridge falls (outlet not stated), own reporting"
    assert own_reporting([_source(), nameless]) == (
        "Own reporting of The Wire: Bridge falls; Bridge falls (outlet not stated)"
    )


def test_the_outlets_own_voice_is_named_from_the_claims_citation():
    corpus = Corpus(root=Path("."))
    corpus.sources = {"src-009": _source(), "src-010": replace(_source(), id="src-010", publisher=None)}
    corpus.claimants = {
        "article": Claimant("article", "The reporting outlet (own reporting)", "outlet", "outlets", "The outlet."),
        "army": Claimant("army", "The Army", "military", "officials", "The army."),
    }

    def claim(claimant, source):
        return Claim("c", "A bridge fell.", claimant, [Citation(source, "fell")], "reported", "Why.", "e")

    assert claimant_label(corpus, claim("article", "src-009")) == "The Wire (own reporting)"
    assert (
        claimant_label(corpus, claim("article", "src-010"))
        == "The Wire: Bridge falls (outlet not stated), own reporting"
    )
    assert claimant_label(corpus, claim("army", "src-009")) == "The Army"


def test_kinds_read_as_words():
    assert kind_words("state-media") == "state media"
    assert kind_words("un") == "United Nations"
    assert kind_words("some-new-kind") == "some new kind"


# -- the scan of reader pages ----------------------------------------------------


def id_patterns(corpus: Corpus) -> re.Pattern:
    """Record ids as a reader would meet them in text."""
    ids = set(corpus.claims) | set(corpus.claimants) | set(corpus.measures) | set(corpus.events) | set(corpus.sides)
    one = "|".join(sorted(map(re.escape, ids), key=len, reverse=True)) + r"|\d{3}"
    slugs = "|".join(sorted(map(re.escape, set(corpus.claims) | set(corpus.measures)), key=len, reverse=True))
    plurals = "|".join(COUNTED)
    return re.compile(
        r"\bsrc-\d{3}\b"
        rf"|\b(?:claim|measure)s? (?:{slugs})\b"
        rf"|\((?:{one})(?:(?:, | and |/|; )(?:{one}))*\)"
        rf"|(?<![\d.,])\b1 (?:{plurals})s\b"
    )


def reader_text(html: str) -> str:
    """What a reader sees of a page: its text and tooltips, not its scripts or styles."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "template"]):
        tag.decompose()
    # A published correction is append-only (tooling/corrections.py): its reason and old values
    # stay in the words they were published in, ids included, as quotes stay verbatim.
    for tag in soup.select(".fc-corrections, .fc-corrections-log"):
        tag.decompose()
    # A source page's own title comes from sources.py, which the lead is rewriting (REWRITTEN_ELSEWHERE):
    # the theme repeats it in previous/next links on neighbouring pages.
    for tag in soup.select('a[href*="sources/src-"]'):
        if re.search(r"\(\d{3}\)$", tag.get_text(" ", strip=True)) and not tag.find_parent(class_=re.compile("^fc-")):
            tag.decompose()
    tips = [t.get("title", "") for t in soup.body.find_all(title=True)] + [
        t["aria-label"] for t in soup.body.find_all(attrs={"aria-label": True})
    ]
    return " ".join((soup.body.get_text(" ") + " " + " ".join(tips)).split())


@functools.cache
def _file_text(path: Path, stamp: tuple[int, int]) -> str:
    return reader_text(path.read_text(encoding="utf-8"))


def file_text(path: Path) -> str:
    """``reader_text`` of a file, parsed once per version of it: the scans below read every page."""
    stat = path.stat()
    return _file_text(path, (stat.st_mtime_ns, stat.st_size))


def offences(outdir: Path, pattern: re.Pattern, pages) -> dict[str, list[str]]:
    found = {}
    for rel in pages:
        hits = sorted({m.group(0) for m in pattern.finditer(file_text(outdir / rel))})
        if hits:
            found[rel] = hits
    return found


def reader_pages(outdir: Path) -> list[str]:
    pages = [p.relative_to(outdir).as_posix() for p in outdir.rglob("*.html")]
    return sorted(p for p in pages if not p.startswith("_") and p not in EDITORS_PAGES)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    corpus, problems = check(ROOT / "claims", ROOT)
    assert not problems, problems.report()
    return corpus


def test_the_scan_finds_each_kind_of_id_and_plural_error(corpus, tmp_path):
    # The scan itself can fail: each offence below is found, and plain text is not.
    claim = next(iter(corpus.claims))
    measure = next(iter(corpus.measures))
    bad = {
        "a.html": "see src-003 here",
        "b.html": f"as claim {claim} says",
        "c.html": f"counted under measure {measure}",
        "d.html": "the UN (un) said",
        "e.html": "three sources (000, 003 and 004) agree",
        "f.html": "1 reports from 1 claimants",
        "ok.html": "1 report from 2 claimants, in The Post (own reporting), on 1 December 2024 (inferred)",
    }
    for name, body in bad.items():
        (tmp_path / name).write_text(f"<html><body><p>{body}</p></body></html>", encoding="utf-8")
    found = offences(tmp_path, id_patterns(corpus), sorted(bad))
    assert set(found) == set(bad) - {"ok.html"}
    assert found["f.html"] == ["1 claimants", "1 reports"]


def test_reader_pages_show_no_record_ids_or_plural_errors(real_built, corpus):
    pages = reader_pages(real_built.outdir)
    assert len(pages) > 40  # events, claimants, lists: the scan is not vacuous
    found = offences(real_built.outdir, id_patterns(corpus), pages)
    assert found == {}, "\n".join(f"{page}: {', '.join(hits)}" for page, hits in found.items())


def test_no_claim_is_credited_to_an_anonymous_narration(real_built):
    # The outlet's own voice is named as that outlet: the old wording is gone from every page.
    for rel in reader_pages(real_built.outdir):
        text = file_text(real_built.outdir / rel)
        assert "article’s own narration" not in text and "article's own narration" not in text, rel
    card = real_built.soup("events/western-joint-statement")
    heads = [p.get_text(" ", strip=True) for p in card.select(".fc-claim-head")]
    assert any("outlet not stated" in h and "own reporting" in h for h in heads), heads


def test_the_key_names_each_source_a_text_calls_by_number():
    from tooling.names import handles_key, source_handle

    a = _source(id="src-003", label="The Wire: Bridge falls (003)")
    b = _source(id="src-004", label="Untitled report: Strike (004)", publisher=None)
    c = _source(id="src-005", label="No handle here")
    assert source_handle(a) == "003" and source_handle(c) is None
    key = handles_key([b, a, c], ["Source 003 says so; 004 agrees.", None])
    assert [(h, s.id) for h, s in key] == [("003", "src-003"), ("004", "src-004")]
    assert handles_key([a, b], ["In 2003 and 1004 nothing was said."]) == []  # whole words only
