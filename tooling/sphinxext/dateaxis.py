"""A date axis of whole days: where an event's span of days sits on it.

The timeline (:mod:`.timeline`) draws the dated events of the offensive as
bars on one axis, one column per day from the first dated day to the last,
so positions are proportional to time: a day's bar is one column wide, a
three-day span three columns.  Positions are fractions of the axis, written
as CSS percentages; the page needs no script to draw them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from ..i18n import _
from ..records import MONTHS_SHORT, WEEKDAYS_SHORT


def _day(iso: str) -> datetime.date:
    return datetime.date.fromisoformat(iso)


def percent(fraction: float) -> str:
    """0.25 -> '25%'; three decimals at most (0.333... -> '33.333%')."""
    text = f"{fraction * 100:.3f}".rstrip("0").rstrip(".")
    return f"{text}%"


@dataclass(frozen=True)
class DayAxis:
    first: datetime.date
    last: datetime.date

    @classmethod
    def spanning(cls, spans: list[tuple[str, str]]) -> DayAxis | None:
        """The axis from the earliest start to the latest end of ``spans`` (ISO dates); None if none."""
        if not spans:
            return None
        return cls(min(_day(s) for s, _ in spans), max(_day(e) for _, e in spans))

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def place(self, start: str, end: str) -> tuple[float, float]:
        """(left, width) of a span as fractions of the axis: from the start of its first day to the end of its last."""
        a, b = _day(start), _day(end)
        if a < self.first or b > self.last or a > b:
            raise ValueError(f"{start}..{end} is not within {self.first}..{self.last}")
        return (a - self.first).days / self.days, ((b - a).days + 1) / self.days

    def ticks(self) -> list[dict]:
        """One column per day: its left edge, width, and its name short ('Wed 27 Nov') and in full."""
        out = []
        # Its own message: a day axis's label may be shorter than a date in a sentence (Arabic has no
        # short weekday or month names, and drops the month: the axis's caption and titles have it).
        pattern = _("{short_weekday} {day} {short_month}")
        for i in range(self.days):
            d = self.first + datetime.timedelta(days=i)
            out.append(
                {
                    "x": percent(i / self.days),
                    "w": percent(1 / self.days),
                    "short": pattern.format(
                        short_weekday=_(WEEKDAYS_SHORT[d.weekday()]),
                        day=d.day,
                        short_month=_(MONTHS_SHORT[d.month - 1]),
                    ),
                    "iso": d.isoformat(),  # machine-readable, for <time datetime>, never shown
                }
            )
        return out
