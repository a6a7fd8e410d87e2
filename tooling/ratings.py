"""The rating scale: the one place it is defined.

The methodology page renders this table, ClaimReview markup takes its
numbers from it, and the validator applies each rating's rule.  The schema's
``rating`` enum must list the same names (a test checks it).

The scale rates a claim against the evidence the records hold, not against
a truth the site does not have: five news articles can tell us who said
what and whether others say the same, not what happened.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rating:
    name: str
    value: int  # ClaimReview ratingValue: 1 (worst) .. 5 (best)
    label: str  # shown on badges: text, never colour alone
    meaning: str
    rule: str  # what the validator checks, in words


SCALE: tuple[Rating, ...] = (
    Rating(
        "corroborated", 5, "Corroborated",
        "Carried by at least two sources of independent origin, and no record contradicts it.",
        "Needs citations from at least two independent origins (sources with different stated "
        "publishers, or sources whose publisher is not stated counted one each); no `contradicts`.",
    ),
    Rating(
        "reported", 4, "Reported",
        "Carried by one source (or sources of one origin) and attributed to a named claimant; "
        "nothing in the records contradicts it, and nothing else confirms it.",
        "No `contradicts`; the claimant is not `unnamed`.",
    ),
    Rating(
        "unverified", 3, "Unverified",
        "The origin is not named or cannot be checked: anonymous 'reports', unnamed sources, "
        "a person or organisation no other source mentions.",
        "A rationale saying what could not be checked.",
    ),
    Rating(
        "contested", 2, "Contested",
        "Another party or source says otherwise. The site shows every side; it does not pick one.",
        "Lists at least one claim in `contradicts`.",
    ),
    Rating(
        "inaccurate", 1, "Inaccurate",
        "Contradicted by the records in a way they settle: the source contradicts itself, or "
        "its arithmetic or dates do not hold against the other sources.",
        "Lists the contradicting claims in `contradicts`, or says in the rationale what settles it.",
    ),
)

BY_NAME = {r.name: r for r in SCALE}
BEST = max(r.value for r in SCALE)
WORST = min(r.value for r in SCALE)
