"""The reader budgets as data, and how ``make bench`` judges its measurements against them.

Each budget is a limit on one measurement, over a set of pages, at the real size or at
about 2,000 events.  Judging takes the worst page: over the limit is "NOT met"; within
it is "met" only when every page the budget names was measured.  A missing measurement
(no Chromium, no Lighthouse, no vnu.jar, a failed run, a bench run without the large
size) is "not measured", never "met".  The bench reports; it does not fail.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

MET = "met"
MISSED = "NOT met"
UNMEASURED = "not measured"

# The pages Lighthouse, axe and the Nu Html Checker are run on, at both sizes.
AUDITED = ("home", "event", "claims index", "source")
LARGE_N = 2000  # "at about 2,000 events": the large-size budgets need a run this big


def _first_visits(reader: dict) -> dict[str, float | None]:
    return {page: v["total"] / 1024 for page, v in reader.get("every", {}).get("visits", {}).items()}


def _per_audited(tool: str, key: str) -> Callable[[dict], dict[str, float | None]]:
    def values(reader: dict) -> dict[str, float | None]:
        if tool not in reader:
            return {}  # the tool was not there (or not run): nothing measured
        found = reader[tool]
        named = {name: found.get(name, {}).get(key) for name in AUDITED}  # None: that page's run failed
        extra = {name: v.get(key) for name, v in found.items() if name not in AUDITED}  # e.g. vnu's unplaced errors
        return {**named, **extra}

    return values


@dataclass(frozen=True)
class Budget:
    what: str
    site: str  # "real" or "large"
    limit: float
    at_most: bool  # True: the worst page must be ≤ limit; False: ≥ limit
    unit: str
    values: Callable[[dict], dict[str, float | None]]  # a site's reader results -> page -> value (None: unmeasured)

    def within(self, value: float) -> bool:
        return value <= self.limit if self.at_most else value >= self.limit

    def worst(self, measured: dict[str, float]) -> str:
        pick = max if self.at_most else min
        return pick(sorted(measured), key=lambda page: measured[page])

    def show(self, value: float) -> str:
        number = f"{value:.1f}" if self.unit == "KiB" else f"{value:.0f}"
        return f"{number} {self.unit}".strip()


def _lighthouse(site: str, category: str, limit: int) -> Budget:
    return Budget(
        f"Lighthouse {category} (mobile), {', '.join(AUDITED)}",
        site,
        limit,
        False,
        "",
        _per_audited("lighthouse", category),
    )


BUDGETS = (
    Budget("First visit, gzipped, every page", "real", 60, True, "KiB", _first_visits),
    Budget("First visit, gzipped, largest page of each folder", "large", 100, True, "KiB", _first_visits),
    *(
        budget
        for site in ("real", "large")
        for budget in (
            _lighthouse(site, "performance", 95),
            _lighthouse(site, "accessibility", 100),
            Budget(f"axe violations, {', '.join(AUDITED)}", site, 0, True, "", _per_audited("axe", "violations")),
            Budget(f"Nu Html Checker errors, {', '.join(AUDITED)}", site, 0, True, "", _per_audited("vnu", "errors")),
        )
    ),
)


@dataclass(frozen=True)
class Verdict:
    what: str
    site: str
    limit: str
    measured: str
    status: str
    page: str | None = None  # the worst page measured
    value: float | None = None


def judge(budget: Budget, reader: dict | None, site_label: str, why_missing: str = "") -> Verdict:
    limit = ("≤ " if budget.at_most else "≥ ") + budget.show(budget.limit)
    values = budget.values(reader) if reader else {}
    measured = {page: v for page, v in values.items() if v is not None}
    if not measured:
        return Verdict(budget.what, site_label, limit, why_missing or "–", UNMEASURED)
    page = budget.worst(measured)
    value = measured[page]
    missing = sorted(page for page, v in values.items() if v is None)
    text = f"{budget.show(value)} ({page})" + (f"; not measured: {', '.join(missing)}" if missing else "")
    # A page over the limit is a miss whatever the unmeasured pages would say.
    status = MISSED if not budget.within(value) else UNMEASURED if missing else MET
    return Verdict(budget.what, site_label, limit, text, status, page, value)


def judge_all(real: dict | None, large: dict | None, large_label: str, why_no_large: str) -> list[Verdict]:
    """Every budget, against the real site's reader results and the large size's (None: not run)."""
    verdicts = []
    # The Arabic edition is held to the English budgets (its results: reader["ar"]).
    for edition, suffix in ((None, ""), ("ar", " (Arabic)")):
        ed_real = real if edition is None else (real or {}).get(edition)
        ed_large = large if edition is None else (large or {}).get(edition)
        for budget in BUDGETS:
            if budget.site == "real":
                verdicts.append(judge(budget, ed_real, "real site" + suffix, "no browser measurement"))
            else:
                why = why_no_large if large is None else "no browser measurement"
                verdicts.append(judge(budget, ed_large, large_label + suffix, why))
    return verdicts


def table(verdicts: list[Verdict]) -> list[str]:
    rows = [
        f"| {v.what} | {v.site} | {v.limit} | {v.measured} | {'**' + v.status + '**' if v.status == MISSED else v.status} |"
        for v in verdicts
    ]
    return ["| budget | site | limit | measured (worst page) | status |", "|---|---|---|---|---|", *rows]
