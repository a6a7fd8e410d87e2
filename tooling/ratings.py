"""The rating scale and its conditions: the one place both are defined.

The methodology page renders this table (meaning and conditions), ClaimReview
markup takes its numbers from it, and the validator applies every condition
(:mod:`tooling.rules` runs them).  The schema's ``rating`` enum must list the
same names (a test checks it).

The scale rates a claim against the evidence the records hold, not against
a truth the site does not have: five news articles can tell us who said
what and whether others say the same, not what happened.  Independence is
by origin (:mod:`tooling.origins`), never by masthead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .i18n import N_

if TYPE_CHECKING:
    from .records import Claim, Corpus


@dataclass(frozen=True)
class Condition:
    """One checkable condition of a rating: its words, and the check (None = holds)."""

    says: str  # shown on the methodology page (marked N_, shown through _())
    fails: Callable[[Claim, Corpus], str | None]  # the problem, with its fix, or None


@dataclass(frozen=True)
class Rating:
    name: str
    value: int  # ClaimReview ratingValue: 1 (worst) .. 5 (best)
    label: str  # shown on badges: text, never colour alone (marked N_: a page shows it through _())
    meaning: str  # N_ too; the English values also name the ratings in search filters and ClaimReview
    conditions: tuple[Condition, ...]

    @property
    def rule(self) -> str:
        """What the validator checks, in words (the methodology page's column)."""
        return "; ".join(c.says for c in self.conditions) + "."


# -- the facts the conditions look at ------------------------------------------


def live_contradicted(claim: Claim, corpus: Corpus) -> list[Claim]:
    """The claims this one lists in ``contradicts`` that exist and are not retracted."""
    return [corpus.claims[i] for i in claim.contradicts if i in corpus.claims and not corpus.claims[i].retracted]


def origin_groups(claim: Claim, corpus: Corpus) -> list[tuple[str, ...]]:
    ids = {c.source for c in claim.citations if c.source in corpus.sources}
    groups = {corpus.origins.members(s) for s in ids}
    return sorted(groups)


def _unnamed(claim: Claim, corpus: Corpus) -> bool:
    who = corpus.claimants.get(claim.claimant)
    return who is not None and who.kind == "unnamed"


# -- conditions ----------------------------------------------------------------


def _two_origins(claim, corpus):
    groups = origin_groups(claim, corpus)
    if len(groups) >= 2:
        return None
    shown = " + ".join("{" + ", ".join(g) + "}" for g in groups) or "none"
    return (
        f"rating 'corroborated' needs citations from at least two origin groups, but its sources are "
        f"one origin ({shown}: their texts share wording; see 'tooling/run origins'). "
        "Cite a source of another origin group, or rate it 'reported'"
    )


def _named(rating: str) -> Callable:
    def fails(claim, corpus):
        if _unnamed(claim, corpus):
            return (
                f"rating '{rating}' needs a named claimant; a claim whose source is unnamed "
                "('reportedly', unnamed officials) is 'unverified'"
            )
        return None

    return fails


def _outlet_named(claim, corpus):
    """An outlet's own reporting is a named claimant only where a capture names the outlet."""
    who = corpus.claimants.get(claim.claimant)
    if who is None or who.kind != "outlet":
        return None
    sources = [corpus.sources[c.source] for c in claim.citations if c.source in corpus.sources]
    if sources and not any(s.publisher for s in sources):
        return (
            "rating 'reported' needs a named claimant, but this is the own reporting of sources whose "
            "captures name no outlet, so who says it cannot be checked; cite a source that names its "
            "outlet and carries it too, or rate it 'unverified'"
        )
    return None


def _settled_only(rating: str) -> Callable:
    def fails(claim, corpus):
        open_ = [c.id for c in live_contradicted(claim, corpus) if c.rating != "inaccurate"]
        if open_:
            return (
                f"rating '{rating}' cannot go with an open contradiction ({', '.join(open_)}); rate it "
                "'contested', or remove the link if both claims can be true"
            )
        return None

    return fails


def _has_contradiction(rating: str, what: str) -> Callable:
    def fails(claim, corpus):
        if not live_contradicted(claim, corpus):
            return f"rating '{rating}' needs 'contradicts': list the ids of the claims {what}"
        return None

    return fails


def _contest_is_open(claim, corpus):
    others = live_contradicted(claim, corpus)
    if others and all(c.rating == "inaccurate" for c in others):
        return (
            "rating 'contested' needs a dispute the records leave open, but every claim it contradicts is "
            "rated 'inaccurate' (settled); rate it 'corroborated' or 'reported'"
        )
    return None


def _settled_by_evidence(claim, corpus):
    others = live_contradicted(claim, corpus)
    if others and not any(c.rating in ("corroborated", "reported") for c in others):
        return (
            "rating 'inaccurate' needs at least one contradicting claim rated 'corroborated' or 'reported' "
            "(the evidence that settles it); otherwise the question is open: rate it 'contested'"
        )
    return None


NOT_OPEN = N_("contradicts no claim except ones rated inaccurate")

SCALE: tuple[Rating, ...] = (
    Rating(
        "corroborated",
        5,
        N_("Corroborated"),
        N_(
            "Carried by sources of at least two independent origins, and nothing in the records disputes it. "
            "Independent texts agreeing is the check, so this holds for outlets' own reporting even where a "
            "capture does not name its outlet."
        ),
        (
            Condition(
                N_("cites sources from at least two origin groups (texts that share wording are one origin)"),
                _two_origins,
            ),
            Condition(N_("its claimant is named"), _named("corroborated")),
            Condition(NOT_OPEN, _settled_only("corroborated")),
        ),
    ),
    Rating(
        "reported",
        4,
        N_("Reported"),
        N_(
            "Carried by one origin (one source, or sources that retell one text) and attributed to a named "
            "claimant; nothing in the records disputes it, and no independent origin confirms it. An outlet's "
            "own reporting counts as named only where a capture names the outlet: the narration of a report "
            "with no outlet stated is 'unverified'."
        ),
        (
            Condition(N_("its claimant is named"), _named("reported")),
            Condition(N_("an outlet's own reporting comes from a capture that names the outlet"), _outlet_named),
            Condition(NOT_OPEN, _settled_only("reported")),
        ),
    ),
    Rating(
        "unverified",
        3,
        N_("Unverified"),
        N_(
            "Its origin is not named or cannot be checked: anonymous 'reports', unnamed sources, the own "
            "reporting of a report whose outlet is not stated, a claimant "
            "whose existence or role the records cannot check (an appended, undated interview with an unnamed "
            "interviewer), or a source sentence that cannot be read with certainty (garbled as written). A named "
            "party that only one source quotes is 'reported', not 'unverified'. The rationale says what could "
            "not be checked."
        ),
        (Condition(NOT_OPEN, _settled_only("unverified")),),
    ),
    Rating(
        "contested",
        2,
        N_("Contested"),
        N_(
            "Another claim in the records cannot be true at the same time as this one, and the records do not "
            "settle which holds. The site shows every side; it does not pick one."
        ),
        (
            Condition(
                N_("lists in 'contradicts' at least one claim that cannot be true with it"),
                _has_contradiction("contested", "that cannot be true at the same time as this one"),
            ),
            Condition(N_("at least one of them is not rated inaccurate"), _contest_is_open),
        ),
    ),
    Rating(
        "inaccurate",
        1,
        N_("Inaccurate"),
        N_(
            "Contradicted by the records in a way they settle: the source contradicts itself, or its arithmetic "
            "or dates do not hold against the other sources."
        ),
        (
            Condition(
                N_("lists the claims that settle it in 'contradicts'"),
                _has_contradiction("inaccurate", "whose evidence settles it"),
            ),
            Condition(N_("at least one of them is rated corroborated or reported"), _settled_by_evidence),
        ),
    ),
)

BY_NAME = {r.name: r for r in SCALE}
BEST = max(r.value for r in SCALE)
WORST = min(r.value for r in SCALE)
