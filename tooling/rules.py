"""The editorial rules: small named checks over the whole corpus.

Each rule is a function from the :class:`~tooling.records.Corpus` to the
problems it finds, as :class:`Finding` (which claim, which field, what is
wrong and how to fix it).  :data:`RULES` is the one list: the validator runs
every entry (``make check``, the build and CI all call it), and the
methodology page lists them from here, so the page cannot promise a rule the
validator does not apply.

A retracted claim is history: it keeps the rating it was published with, and
no rule but the dates' applies to it.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .i18n import N_
from .ratings import BY_NAME
from .records import Claim, Corpus


@dataclass(frozen=True)
class Finding:
    claim: str  # the id of the record (a claim, unless ``kind`` says otherwise)
    field: str  # the field the problem is about: where the editor's cursor should go
    message: str  # what is wrong, then how to fix it
    kind: str = "claim"  # or "source", "event"
    # For a finding about a passage of a source's text: (line, column) in its .txt, where the
    # editor is sent instead of the YAML field (the field is named in the message).
    text_at: tuple[int, int] | None = None


@dataclass(frozen=True)
class Rule:
    name: str
    says: str  # the rule in a sentence, for the methodology page (marked N_, shown through _())
    check: Callable[[Corpus], Iterator[Finding]]


def live(corpus: Corpus) -> Iterator[Claim]:
    return (c for c in corpus.claims.values() if c.retracted is None)


def rating_conditions(corpus: Corpus) -> Iterator[Finding]:
    for claim in live(corpus):
        for condition in BY_NAME[claim.rating].conditions:
            message = condition.fails(claim, corpus)
            if message:
                yield Finding(claim.id, "rating", message)


def contradictions_both_ways(corpus: Corpus) -> Iterator[Finding]:
    for claim in live(corpus):
        for other_id in claim.contradicts:
            other = corpus.claims.get(other_id)
            if other is not None and other.retracted is None and claim.id not in other.contradicts:
                yield Finding(
                    other.id,
                    "contradicts",
                    f"claim '{claim.id}' says it contradicts this claim, but this claim does not list "
                    f"'{claim.id}' in 'contradicts'; a contradiction goes both ways: add it here, or "
                    f"remove it there if the two can both be true",
                )


# A claim a party makes must read as that party's: one of these words (or a
# hedge) in its text.  Kept to verbs of saying, so that "Rebels seized X" does
# not pass for "The rebels say they seized X".
ATTRIBUTION = re.compile(
    r"\b(says?|said|saying|reports?|reported|claims?|claimed|den(?:y|ies|ied)|accus(?:e|es|ed)|"
    r"announc(?:e|es|ed)|calls?|called|urg(?:e|es|ed)|stat(?:e|es|ed)|notes?|noted|pledg(?:e|es|ed)|"
    r"warns?|warned|acknowledg(?:e|es|ed)|insists?|insisted|describ(?:e|es|ed)|according to|cit(?:e|es|ed)|"
    r"credits?|credited|attribut(?:e|es|ed)|confirms?|confirmed|count(?:s|ed)|puts?|expressed|"
    r"reiterat(?:e|es|ed)|reaffirm(?:s|ed)?|characteri[sz](?:e|es|ed)|framed|rejects?|rejected|told|"
    r"assert(?:s|ed)?|blames?|blamed|introduce[sd]?|shows?|showed|shown|stress(?:es|ed)?|"
    r"emphasi[sz](?:e|es|ed)|voic(?:e|es|ed)|vow(?:s|ed)?|promis(?:e|es|ed)|argu(?:e|es|ed)|asks?|asked)\b",
    re.IGNORECASE,
)
# "claimed" hedges ("the rebels claimed to have entered"), except where a war
# "has claimed over 300,000 lives": there it is a verb of killing, not of saying.
HEDGE = re.compile(
    r"\b(reportedly|allegedly|believed|expected|apparently|purportedly|"
    r"claim(?:s|ed)?(?!\s+(?:over|more than|nearly|about|some|at least)?\s*[\d,]+\s+(?:\w+\s+)?lives)|"
    r"unconfirmed|suggest(?:s|ed)?)\b",
    re.IGNORECASE,
)


def attribution_in_headline(corpus: Corpus) -> Iterator[Finding]:
    for claim in live(corpus):
        who = corpus.claimants.get(claim.claimant)
        if who is None or who.kind == "outlet":
            continue
        if not (ATTRIBUTION.search(claim.text) or HEDGE.search(claim.text)):
            yield Finding(
                claim.id,
                "text",
                f"the claimant is {who.name} ('{who.id}'), but the text states the claim as fact; say who claims it "
                f'("X says ...", "According to X, ...") or keep the source\'s hedge',
            )


def hedges_kept(corpus: Corpus) -> Iterator[Finding]:
    for claim in live(corpus):
        hedged = sorted({m.group(0).lower() for cit in claim.citations for m in HEDGE.finditer(cit.quote)})
        if hedged and not (HEDGE.search(claim.text) or ATTRIBUTION.search(claim.text)):
            yield Finding(
                claim.id,
                "text",
                f"the quoted source hedges ({', '.join(repr(h) for h in hedged)}) but the claim's text "
                "does not; keep the hedge ('reportedly ...', 'is believed to ...') or say who claims it",
            )


def dates_in_order(corpus: Corpus) -> Iterator[Finding]:
    for claim in corpus.claims.values():
        previous = claim.published
        for i, correction in enumerate(claim.corrections):
            if correction.date < previous:
                yield Finding(
                    claim.id,
                    f"corrections.{i}.date",
                    f"correction dated {correction.date} comes before {previous} (the claim's publication "
                    "or the correction above it); corrections are listed oldest first, dated when published",
                )
            previous = max(previous, correction.date)
        if claim.retracted and claim.retracted.date < previous:
            yield Finding(
                claim.id,
                "retracted.date",
                f"retraction dated {claim.retracted.date} comes before {previous}; date it when it was published",
            )


def corrections_name_real_changes(corpus: Corpus) -> Iterator[Finding]:
    for claim in corpus.claims.values():
        for i, correction in enumerate(claim.corrections):
            for j, change in enumerate(correction.changes):
                if change.old == change.new:
                    yield Finding(
                        claim.id,
                        f"corrections.{i}.changes.{j}",
                        f"this change of '{change.field}' gives the same old and new value; "
                        "write the value as it was published under 'old'",
                    )


# Numbers as the sources write them: digits ("14,000"), words ("four"), and
# the few words that carry a count of their own ("a decade", "tenth").
_WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_WORD_NUMBERS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "thousand": 1000,
        "million": 1_000_000,
        "dozen": 12,
        "decade": 10,
        "first": 1,
        "second": 2,
        "third": 3,
        "fourth": 4,
        "fifth": 5,
        "sixth": 6,
        "seventh": 7,
        "eighth": 8,
        "ninth": 9,
        "tenth": 10,
    }
)
_NUMERAL = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+", re.IGNORECASE)


def numbers_in(text: str) -> set[float]:
    out = set()
    for m in _NUMERAL.finditer(text):
        token = m.group(0)
        if token[0].isdigit():
            with contextlib.suppress(ValueError):
                out.add(float(token.replace(",", "")))
        elif token.lower() in _WORD_NUMBERS:
            out.add(float(_WORD_NUMBERS[token.lower()]))
    return out


def figure_in_quote(corpus: Corpus) -> Iterator[Finding]:
    for claim in live(corpus):
        f = claim.figure
        if f is None:
            continue
        quotes = " ".join(c.quote for c in claim.citations)
        if f.amount_text is not None:
            if f.amount_text.casefold() not in quotes.casefold():
                yield Finding(
                    claim.id,
                    "figure.amount_text",
                    f"the figure's amount '{f.amount_text}' is in none of the claim's quotes; write it as "
                    "the source does, or quote the passage that gives it",
                )
            continue
        given = [x for x in (f.value, f.min, f.max) if x is not None]
        found = numbers_in(quotes)
        if not any(float(x) in found for x in given):
            shown = " or ".join(f"{x:g}" for x in given)
            where = "figure.value" if f.value is not None else "figure.min"
            yield Finding(
                claim.id,
                where,
                f"the figure's number ({shown}) is in none of the claim's quotes, which give "
                f"{', '.join(f'{x:g}' for x in sorted(found)) or 'no number'}; a figure records a number "
                "its source states: check for a typo, or quote the passage that gives it",
            )


def everything_recorded(corpus: Corpus) -> Iterator[Finding]:
    """Every number and name in an article is in a quote, or listed as not recorded (tooling/coverage.py)."""
    from .coverage import uncovered

    skip = {s.id: {t.casefold() for t in s.not_recorded} for s in corpus.sources.values()}
    for term in uncovered(corpus, skip):
        source = corpus.sources[term.source]
        if term.kind == "number":
            what, fix = "a number no claim records", "quote it in a claim with a figure"
        else:
            what, fix = "a name no quote covers", "quote it in a claim"
        line_start = source.text.rfind("\n", 0, term.start) + 1
        yield Finding(
            term.source,
            "not_recorded" if source.not_recorded else "id",
            f"'{term.text}' is {what} (every number and name of an article is recorded): {fix}, "
            f"or list it under not_recorded in {source.yaml_path.name} with the reason it is not a claim",
            kind="source",
            text_at=(term.line, term.start - line_start + 1),
        )


_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
# "two independent origins", "three origins", "a third origin": how many origins a rationale
# says carry the claim.  Ordinals count too: "a third origin" says there are at least three.
_ORIGIN_COUNT = re.compile(
    r"\b(two|three|four|five|second|third|fourth|fifth|[2-9])\s+(?:independent\s+|separate\s+|different\s+)?origins?\b",
    re.IGNORECASE,
)


def origin_count_in_rationale(corpus: Corpus) -> Iterator[Finding]:
    """A rationale that counts the origins carrying its claim counts the ones it cites."""
    from .ratings import origin_groups

    for claim in live(corpus):
        cited = len(origin_groups(claim, corpus))
        for m in _ORIGIN_COUNT.finditer(claim.rationale or ""):
            word = m.group(1).lower()
            said = int(word) if word.isdigit() else _COUNT_WORDS[word]
            if said > cited:
                yield Finding(
                    claim.id,
                    "rationale",
                    f"the rationale says '{m.group(0)}', but the claim cites {cited} origin"
                    f"{'' if cited == 1 else 's'}; cite the other origin's passage, or count only the "
                    "origins the claim cites",
                )


def corroboration_not_on_inaccurate(corpus: Corpus) -> Iterator[Finding]:
    """A corroborated claim's independent origins do not rest on a passage the site rates inaccurate."""
    from .ratings import origin_groups

    wrong = [
        (x.source, x.start, x.end)
        for c in live(corpus)
        if c.rating == "inaccurate"
        for x in c.citations
        if x.start >= 0
    ]
    if not wrong:
        return
    for claim in live(corpus):
        if claim.rating != "corroborated":
            continue
        sound = [
            x
            for x in claim.citations
            if not any(x.source == s and x.start < e and start < x.end for s, start, e in wrong)
        ]
        if len(sound) < len(claim.citations):
            kept = type(claim)(**{**claim.__dict__, "citations": sound})
            if len(origin_groups(kept, corpus)) < 2:
                yield Finding(
                    claim.id,
                    "rating",
                    "its second origin is a passage the site rates inaccurate (a claim rated 'inaccurate' "
                    "quotes it); corroboration cannot rest on it: cite another origin or rate it 'reported'",
                )


# A title that reports an act ("Rebels take the airport") asserts it; a topic ("Strike on the
# dormitories", "Death toll of the offensive") names what the page is about.  Verbs of doing,
# as headlines write them (verbs of saying are attribution, above).
_ACT = re.compile(
    r"\b(takes?|took|captur(?:e|es|ed)|seiz(?:e|es|ed)|enter(?:s|ed)?|launch(?:es|ed)?|remov(?:e|es|ed)|"
    r"issu(?:e|es|ed)|hits?|kill(?:s|ed)?|recaptur(?:e|es|ed)|fights?|fought|broker(?:s|ed)?|sweeps?|swept|"
    r"reach(?:es|ed)?|pull(?:s|ed)?|displac(?:e|es|ed)|destroy(?:s|ed)?|retreat(?:s|ed)?|withdr[ae]w[sn]?|"
    r"advanc(?:e|es|ed)|retak(?:e|es|en)|retook|approv(?:e|es|ed))\b",
    re.IGNORECASE,
)


_SPEAKER = re.compile(r"^[A-Z][^:]{1,40}:\s")


def titles_attribute(corpus: Corpus) -> Iterator[Finding]:
    """An event's title states as fact only what independent sources agree on; otherwise it says
    who says it, or keeps the sources' hedge."""
    for event in corpus.events.values():
        agreed = any(c.rating == "corroborated" and c.retracted is None for c in event.claims)
        # "UN: more than 14,000 displaced": the headline convention for who says it.
        said = ATTRIBUTION.search(event.title) or HEDGE.search(event.title) or _SPEAKER.match(event.title)
        # A headline's first word is its subject or a noun ("Launch on the first day", "Strike on
        # the bridge"): an act is a verb after it ("Rebels launch ...").
        if agreed or said or not any(m.start() > 0 for m in _ACT.finditer(event.title)):
            continue
        yield Finding(
            event.id,
            "title",
            "the title states it as fact, but no claim of this event is corroborated; say who says it "
            '("X says ...", "... , Y reports") or keep the sources\' hedge ("reportedly")',
            kind="event",
        )


RULES: tuple[Rule, ...] = (
    Rule(
        "rating-conditions", N_("Every rating's conditions in the scale above hold for the claim."), rating_conditions
    ),
    Rule(
        "contradictions-both-ways",
        N_("A contradiction is recorded on both claims: if A contradicts B, B lists A."),
        contradictions_both_ways,
    ),
    Rule(
        "attribution-in-headline",
        N_('A claim made by anyone but the outlet itself says who makes it ("X says …", "according to X …").'),
        attribution_in_headline,
    ),
    Rule(
        "hedges-kept",
        N_(
            'When a quote hedges ("reportedly", "allegedly", "is believed to"), the claim\'s '
            "text keeps the hedge or its attribution."
        ),
        hedges_kept,
    ),
    Rule(
        "figure-in-quote",
        N_(
            'A figure\'s number is one its quotes give, as digits or in words ("four", '
            '"a decade"); an amount in words is written as the quote writes it.'
        ),
        figure_in_quote,
    ),
    Rule(
        "everything-recorded",
        N_(
            "Every number and every name in an article's text (page furniture aside) is in "
            "a quoted passage (a number in one that records it as a figure; a year may date any quote), or is "
            "listed as not recorded, with the reason."
        ),
        everything_recorded,
    ),
    Rule(
        "origin-count",
        N_("A rationale that counts the origins carrying its claim counts no more than the claim cites."),
        origin_count_in_rationale,
    ),
    Rule(
        "corroboration-not-on-inaccurate",
        N_("A claim is corroborated only by origins whose passages the site does not rate inaccurate."),
        corroboration_not_on_inaccurate,
    ),
    Rule(
        "titles-attribute",
        N_(
            "An event's title that reports an act states it as fact only when a claim of the event is "
            "corroborated; otherwise it says who says it or keeps the sources' hedge."
        ),
        titles_attribute,
    ),
    Rule(
        "corrections-dated",
        N_("Corrections and retractions are dated on or after the claim's publication, oldest first."),
        dates_in_order,
    ),
    Rule(
        "corrections-real",
        N_("A correction names a real change: its old and new values differ."),
        corrections_name_real_changes,
    ),
)


def run(corpus: Corpus) -> Iterator[Finding]:
    for rule in RULES:
        yield from rule.check(corpus)
