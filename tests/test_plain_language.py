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
from conftest import ROOT, edit

from tooling.names import claimant_label, count, kind_words, own_reporting, source_name
from tooling.records import Citation, Claim, Claimant, Corpus, Source
from tooling.translations import EDITIONS
from tooling.validate import check

# Pages for editors, where ids are the point; and Sphinx's own index and search pages.
EDITORS_PAGES = {"contributing.html", "benchmarks.html", "methodology.html", "genindex.html", "search.html"}
# Nouns that count() pluralises in reader text: '1 reports' is the error to catch.
COUNTED = ("claim", "report", "claimant", "source", "origin", "independent origin", "figure", "measure", "event")


def _source(**kw) -> Source:
    base = dict(
        id="src-009",
        label="The Wire",
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


def test_a_source_is_named_by_its_one_short_name():
    assert source_name(_source(label="The Wire")) == "The Wire"
    assert source_name(_source(publisher=None, label="Untitled report A")) == "Untitled report A"


def test_own_reporting_names_the_outlet_by_its_short_name():
    assert own_reporting([_source(label="The Wire")]) == "The Wire (own reporting)"
    nameless = _source(id="src-010", publisher=None, label="Untitled report A")
    assert own_reporting([nameless]) == "Untitled report A (own reporting)"
    assert own_reporting([_source(label="The Wire"), nameless]) == "Own reporting of The Wire and Untitled report A"


def test_the_outlets_own_voice_is_named_from_the_claims_citation():
    corpus = Corpus(root=Path("."))
    corpus.sources = {
        "src-009": _source(label="The Wire"),
        "src-010": replace(_source(), id="src-010", publisher=None, label="Untitled report B"),
    }
    corpus.claimants = {
        "article": Claimant("article", "The reporting outlet (own reporting)", "outlet", "outlets", "The outlet."),
        "army": Claimant("army", "The Army", "military", "officials", "The army."),
    }

    def claim(claimant, source):
        return Claim("c", "A bridge fell.", claimant, [Citation(source, "fell")], "reported", "Why.", "e")

    assert claimant_label(corpus, claim("article", "src-009")) == "The Wire (own reporting)"
    assert claimant_label(corpus, claim("article", "src-010")) == "Untitled report B (own reporting)"
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


# The sources' words, and their translations (the source's sentence, not ours), are not held to the house style.
VERBATIM = ".fc-changes, blockquote, .fc-fulltext, .fc-shared, .fc-verbatim, .fc-quote-translation, pre, code"


def reader_text(html: str) -> str:
    """What a reader sees of a page: its text and tooltips, not its scripts or styles."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "template"]):
        tag.decompose()
    # What a published correction changed (its old and new values) stays in the words it was
    # published in, and the sources' own words (full texts, quotes, headlines) are theirs:
    # neither is the site's prose, and a capture's "Comments (125)" is not a record id.
    for tag in soup.select(VERBATIM):
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
    # Each edition's copy of an editors' page is an editors' page (ar/contributing.html).
    return sorted(
        p
        for p in pages
        if not p.startswith("_") and p not in EDITORS_PAGES and p.split("/", 1)[-1] not in EDITORS_PAGES
    )


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
    from tooling.names import claimant_label

    corpus, _ = check(ROOT / "claims", ROOT)
    own = [c for c in corpus.claims.values() if not c.retracted and corpus.claimants[c.claimant].kind == "outlet"]
    if not own:
        pytest.skip("no claim of an outlet's own reporting in the records")
    for claim in own:
        card = real_built.soup(f"events/{claim.event}").find(id=f"claim-{claim.id}")
        head = card.select_one(".fc-claim-head").get_text(" ", strip=True)
        assert claimant_label(corpus, claim) in head and "own reporting" in head.lower(), head


@functools.cache
def _blocks(path: Path, stamp: tuple[int, int]) -> tuple[str, ...]:
    """A page's reader text, block by block (paragraphs, list items, cells, headings), without
    what is quoted verbatim (source texts, quotes, a correction's old and new values)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    main = soup.select_one("article") or soup.body
    for tag in main.select("script, style, template, " + VERBATIM):
        tag.decompose()
    out = []
    for block in main.find_all(["p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "summary", "caption"]):
        if block.find(["p", "li", "ul", "ol", "table"]):
            continue  # its own blocks are read one by one
        out.append(" ".join(block.get_text(" ").split()))
    return tuple(out)


def blocks(path: Path) -> tuple[str, ...]:
    stat = path.stat()
    return _blocks(path, (stat.st_mtime_ns, stat.st_size))


def test_reader_pages_have_no_long_sentences_internal_words_or_not_stated_outlets(real_built):
    from tooling.prose import Style, sentences, word_count

    style = Style.load(ROOT / "claims" / "style.yaml")
    terms = style.term_pattern()
    pages = reader_pages(real_built.outdir)
    long, internal, outlet = [], [], []
    for rel in pages:
        # The house style's sentence splitter is English (a capital starts a sentence); another
        # edition's text splits at its full stops and question marks, whatever follows.
        other = rel.split("/", 1)[0] in EDITIONS
        for block in blocks(real_built.outdir / rel):
            split = [s for s in re.split(r"(?<=[.!?؟])\s+", block) if s] if other else [s for _, s in sentences(block)]
            for sentence in split:
                if word_count(sentence) > 40:
                    long.append(f"{rel}: {word_count(sentence)} words: {sentence[:90]}")
            for m in terms.finditer(block):
                if m.group(0).lower() == "outlet not stated":
                    if not rel.startswith("sources/"):
                        outlet.append(f"{rel}: {block[:90]}")
                else:
                    internal.append(f"{rel}: {m.group(0)!r} in {block[:90]}")
    assert not long, "\n".join(long)
    assert not internal, "\n".join(internal)
    assert not outlet, "\n".join(outlet)


def test_the_plain_language_scan_finds_what_it_looks_for(tmp_path):
    long = " ".join(["word"] * 41) + "."
    page = tmp_path / "p.html"
    page.write_text(
        f"<html><body><article><p>{long}</p><blockquote><p>{long}</p></blockquote>"
        f'<p>As reported: <a class="fc-verbatim">“{long}”</a>, in The Post</p>'
        "<ul><li>A re-rating pass.</li></ul></article></body></html>",
        encoding="utf-8",
    )
    found = blocks(page)
    # Quotes (a blockquote, a dating passage) are the sources' words, not reader prose.
    assert found == (long, "As reported: , in The Post", "A re-rating pass.")


def test_a_short_name_with_brackets_never_doubles_them(site, builder):
    """A source's short name may hold brackets ("Beta report (test capture)"); no page then reads
    "Beta report (test capture) (own reporting)" or "(Beta report (test capture))"."""
    for name, cap in (("alpha_0001", "Alpha"), ("beta_0002", "Beta")):
        edit(site, f"claims/sources/{name}.yaml", f"label: {cap} report", f'label: "{cap} report (test capture)"')
    edit(site, "claims/claimants.yaml", "    kind: unnamed\n", "    kind: outlet\n")  # the witnesses: own reporting
    result = builder(site)
    assert result.warnings == ""
    doubled = re.compile(r"\([^()]*\([^()]*\)[^()]*\)|\) \(")
    found, seen = [], 0
    for page in sorted(result.outdir.rglob("*.html")):
        text = reader_text(page.read_text(encoding="utf-8"))
        seen += "Beta report (test capture)" in text
        found += [f"{page.name}: …{text[max(0, m.start() - 40) : m.end()]}" for m in doubled.finditer(text)]
    assert seen >= 3 and found == [], "\n".join(found)
    assert "Own reporting of Beta report (test capture)" in result.html("events/town-withdrawal")
