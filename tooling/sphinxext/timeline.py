"""The events index: the timeline on a date axis, and the map of the events' places.

Both are aggregates (:mod:`.aggregates`): drawn from every event record (and
``claims/places.yaml``), fingerprinted with the data they are drawn from.

The timeline has four parts, each in date order where there are dates:

- the offensive's days: the dated events of the offensive and the reactions
  to it, grouped by their span of days, with a bar on a day axis
  (:mod:`.dateaxis`);
- the events placed in the offensive or among the reactions whose day no
  source states, with the editor's basis for placing them there;
- background history, its own section;
- events whose period no editor has recorded (an honest leftover, not a guess).

Every calendar date is an editor's inference (the captures give weekdays) and
says so; dates are written as readers write them, never as ISO strings.
"""

from __future__ import annotations

from pathlib import Path

from ..i18n import N_, _
from ..records import NOT_STATED, PHASES, Corpus, Event, count, reader_span
from .aggregates import drawn_by, register
from .common import prose_data, rating_counts
from .dateaxis import DayAxis, percent
from .domain import Link
from .mapdraw import draw, load_outlines

ON_AXIS = ("offensive", "response")  # the phases drawn on the day axis when dated
BACKGROUND = "background"  # a phase's name (kept out of the _() call: Babel would extract a literal there)
INFERRED = N_("(editor’s inference)")  # shown through _()


def _row(e: Event) -> dict:
    return {
        "event": Link("event", e.id, e.title),
        "place": e.place,
        "claims": count(len(e.claims), "claim"),
        "counts": rating_counts(e.claims),
        "phase": e.period.phase if e.period else "",
        "reaction": bool(e.period and e.period.phase == "response"),
    }


def _when(e: Event) -> str:
    if e.inferred_date:
        return _("{date} (editor’s inference)").format(date=e.inferred_date.display())
    return _("not dated")


def collect_timeline(corpus: Corpus, _arg: str) -> dict:
    events = corpus.events_in_order()  # dated first, by date; then by title
    dated = [e for e in events if e.inferred_date and e.period and e.period.phase in ON_AXIS]
    axis = DayAxis.spanning([(e.inferred_date.start, e.inferred_date.end) for e in dated])
    spans: list[dict] = []
    for e in dated:
        d = e.inferred_date
        if not spans or spans[-1]["key"] != (d.start, d.end):
            spans.append(
                {
                    "key": (d.start, d.end),
                    "id": f"on-{d.start}" + (f"-to-{d.end}" if d.end != d.start else ""),
                    "heading": reader_span(d.start, d.end),
                    "inferred": _(INFERRED),
                    "events": [],
                }
            )
        left, width = axis.place(d.start, d.end)
        spans[-1]["events"].append({**_row(e), "x": percent(left), "w": percent(width)})
    undated = [
        {
            "id": f"{phase}-day-not-stated",
            "heading": _("{period}, day not stated").format(period=_(PHASES[phase])),
            "events": [
                {**_row(e), "basis": prose_data(corpus, e.period.basis)}
                for e in events
                if e.period and e.period.phase == phase and not e.inferred_date
            ],
        }
        for phase in ON_AXIS
    ]
    background = [
        {**_row(e), "when": _when(e), "basis": prose_data(corpus, e.period.basis)}
        for e in events
        if e.period and e.period.phase == "background"
    ]
    unrecorded = [{**_row(e), "when": _when(e)} for e in events if not e.period]
    return {
        "axis": {"days": axis.days, "ticks": axis.ticks()} if axis else None,
        "spans": [{k: v for k, v in s.items() if k != "key"} for s in spans],
        "undated": [u for u in undated if u["events"]],
        "background": {"heading": _(PHASES[BACKGROUND]), "events": background} if background else None,
        "unrecorded": unrecorded,
    }


def _coordinates(latitude: float, longitude: float) -> str:
    """'36.20° N, 37.16° E', the compass letters in the reader's language."""
    lat = f"{abs(latitude):.2f}"
    lon = f"{abs(longitude):.2f}"
    north_south = _("{degrees}° N").format(degrees=lat) if latitude >= 0 else _("{degrees}° S").format(degrees=lat)
    east_west = _("{degrees}° E").format(degrees=lon) if longitude >= 0 else _("{degrees}° W").format(degrees=lon)
    return f"{north_south}, {east_west}"


def collect_map(corpus: Corpus, outline_path: str) -> dict:
    """The map's geometry, its places (each with its events) and the events it leaves off."""
    order = {e.id: i for i, e in enumerate(corpus.events_in_order())}
    places = []
    for p in corpus.places.values():
        events = sorted((corpus.events[i] for i in p.events if i in corpus.events), key=lambda e: order[e.id])
        places.append(
            {
                "id": p.id,
                "name": p.name,
                "label": p.name,
                "lon": p.longitude,
                "lat": p.latitude,
                "coords": _coordinates(p.latitude, p.longitude),
                "basis": p.basis,
                "note": prose_data(corpus, p.note),
                "count": count(len(events), "event"),
                "events": [{"event": Link("event", e.id, e.title), "place": e.place} for e in events],
            }
        )
    outlines = load_outlines(Path(outline_path))
    drawn = draw(outlines, places)
    unmapped = sorted(
        (
            {"event": Link("event", u.event, corpus.events[u.event].title), "reason": prose_data(corpus, u.reason)}
            for u in corpus.unmapped.values()
            if u.event in corpus.events
        ),
        key=lambda u: order[u["event"].name],
    )
    return {
        **drawn,
        "has_places": corpus.places_path is not None,
        "source": outlines["source"] if "source" in outlines else _(NOT_STATED),
        "licence": outlines["licence"] if "licence" in outlines else _(NOT_STATED),
        "title": _("Map of the places the events name ({places})").format(places=count(len(drawn["markers"]), "place")),
        "desc": "; ".join(f"{m['name']}: {m['count']}" for m in drawn["markers"]) or _("No place is on the map."),
        "unmapped": unmapped,
    }


register("timeline", collect_timeline, drawn_by("timeline.html"))
register("events-map", collect_map, drawn_by("map.html"))
