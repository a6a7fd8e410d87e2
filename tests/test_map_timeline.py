"""The timeline's day axis and the map of places: the geometry by hand, then the
mini site tests/roots/timeline built and read as a reader would, then bad
places records refused at path:line:col.

The mini site's outlines are a square "country" on a view two degrees high at
the equator, so every projected coordinate can be worked out on paper: the
view [0, -1, 4, 1] is 400 units wide, so 100 units a degree, 200 high.
"""

from __future__ import annotations

import re
import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import ROOTS, build

from tooling.cli import main
from tooling.sphinxext.dateaxis import DayAxis, percent
from tooling.sphinxext.mapdraw import Projection, clip, draw

# -- the day axis ------------------------------------------------------------------


def test_axis_spans_from_the_first_start_to_the_last_end():
    axis = DayAxis.spanning([("2024-11-29", "2024-11-29"), ("2024-11-27", "2024-11-28"), ("2024-11-28", "2024-11-30")])
    assert (axis.first.isoformat(), axis.last.isoformat(), axis.days) == ("2024-11-27", "2024-11-30", 4)
    assert DayAxis.spanning([]) is None


def test_positions_are_proportional_to_days():
    axis = DayAxis.spanning([("2024-11-27", "2024-11-30")])
    assert axis.place("2024-11-27", "2024-11-27") == (0.0, 0.25)
    assert axis.place("2024-11-28", "2024-11-30") == (0.25, 0.75)
    assert axis.place("2024-11-30", "2024-11-30") == (0.75, 0.25)
    # Across a month's end: 30 November to 2 December is three days of a five-day axis.
    wide = DayAxis.spanning([("2024-11-29", "2024-12-03")])
    assert wide.place("2024-11-30", "2024-12-02") == (0.2, 0.6)
    with pytest.raises(ValueError):
        axis.place("2024-11-26", "2024-11-27")


def test_ticks_name_each_day_in_words():
    ticks = DayAxis.spanning([("2024-11-29", "2024-12-01")]).ticks()
    assert [t["short"] for t in ticks] == ["Fri 29 Nov", "Sat 30 Nov", "Sun 1 Dec"]
    assert [t["x"] for t in ticks] == ["0%", "33.333%", "66.667%"]
    assert percent(0.5) == "50%"


# -- the projection and the drawing -------------------------------------------------

OUTLINES = {
    "focus": "Squareland",
    "view": [0, -1, 4, 1],
    "countries": [
        {"name": "Squareland", "rings": [[[1, -0.5], [3, -0.5], [3, 0.5], [1, 0.5]]]},
        {"name": "Westland", "rings": [[[-2, -2], [0.5, -2], [0.5, 2], [-2, 2]]]},
        {"name": "Nowhere", "rings": [[[10, 10], [11, 10], [11, 11]]]},
        {"name": "Speck", "rings": [[[3.5, 0.9], [3.6, 0.9], [3.6, 0.8]]]},
    ],
}


def place(pid, lon, lat, name=None):
    return {"id": pid, "name": name or pid, "label": name or pid, "lon": lon, "lat": lat}


def test_projection_by_hand():
    proj = Projection((0, -1, 4, 1), 400)
    assert (proj.scale, proj.height) == (100, 200)
    assert proj(0, 1) == (0, 0)  # north-west corner
    assert proj(4, -1) == (400, 200)
    assert proj(1, 0.5) == (100, 50)
    # Away from the equator a degree of longitude is shorter: cos(60°) = 0.5.
    north = Projection((0, 59, 2, 61), 100)
    assert north.scale == pytest.approx(100)
    assert north(1, 60) == (50.0, 100.0)


def test_clip_cuts_a_ring_to_the_box():
    square = [(-1, -1), (1, -1), (1, 1), (-1, 1)]
    assert sorted(clip(square, (0, 0, 2, 2))) == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert clip([(5, 5), (6, 5), (6, 6)], (0, 0, 2, 2)) == []


def test_draw_projects_outlines_and_places():
    drawn = draw(OUTLINES, [place("a", 1, 0.5), place("b", 2.5, -0.25), place("far", 40, 40)])
    assert (drawn["width"], drawn["height"]) == (400, 200)
    countries = {c["name"]: c for c in drawn["countries"]}
    assert "Nowhere" not in countries  # wholly outside the view: not drawn
    assert countries["Squareland"]["focus"] and not countries["Westland"]["focus"]
    assert countries["Squareland"]["d"] == "M100,150L300,150L300,50L100,50Z"
    assert countries["Westland"]["d"] == "M0,0L0,200L50,200L50,0Z"  # clipped to the view
    assert countries["Squareland"]["label"] == (200, 100)  # named at its centre
    assert countries["Westland"]["label"] == (25, 100)  # the centre of what the view shows
    assert countries["Speck"]["label"] is None  # 50 square units: too small to name
    markers = {m["id"]: m for m in drawn["markers"]}
    assert (markers["a"]["x"], markers["a"]["y"]) == (100, 50)
    assert (markers["b"]["x"], markers["b"]["y"]) == (250, 125)
    assert [p["id"] for p in drawn["outside"]] == ["far"]  # never drawn at the edge
    assert drawn["scale"]["x2"] - drawn["scale"]["x1"] == pytest.approx(100 / 111.32 * 100, abs=0.1)


def test_labels_do_not_collide():
    # Two places 0.3 degrees (30 units) apart on one line: the second label cannot sit right of its dot
    # over the first one's label, so it moves.
    drawn = draw(OUTLINES, [place("west", 1.0, 0, "Westtown"), place("east", 1.3, 0, "Easttown")])
    boxes = []
    for m in drawn["markers"]:
        w = 8.6 * len(m["label"])
        x0 = {"start": m["label_x"], "end": m["label_x"] - w, "middle": m["label_x"] - w / 2}[m["anchor"]]
        boxes.append((x0, m["label_y"] - 14, x0 + w, m["label_y"] + 4))
    (a, b) = boxes
    assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), boxes


# -- the mini site, built ---------------------------------------------------------------


@pytest.fixture(scope="module")
def timeline_site(tmp_path_factory):
    dest = tmp_path_factory.mktemp("timeline") / "site"
    shutil.copytree(ROOTS / "timeline", dest)
    result = build(dest)
    assert result.warnings == "", result.warnings
    return BeautifulSoup(result.html("events/index"), "html.parser")


def titles(nodes):
    return [n.select_one(".fc-tl-title a").get_text() for n in nodes]


def test_dated_events_are_on_the_axis_in_date_order(timeline_site):
    spans = timeline_site.select("#fc-days .fc-tl-span")
    assert [s.select_one(".fc-tl-when").get_text(" ", strip=True) for s in spans] == [
        "Wednesday 27 November 2024 (editor’s inference)",
        "Wednesday 27 to Friday 29 November 2024 (editor’s inference)",
        "Friday 29 November 2024 (editor’s inference)",
    ]
    assert titles(timeline_site.select("#fc-days .fc-tl-event")) == [
        "Launch on the first day",
        "Sweep over three days",
        "Statement on the third day",
    ]
    bars = [b["style"] for b in timeline_site.select("#fc-days .fc-tl-bar")]
    assert bars == ["--x: 0%; --w: 33.333%", "--x: 0%; --w: 100%", "--x: 66.667%; --w: 33.333%"]
    assert [t.get_text() for t in timeline_site.select(".fc-tl-axis li")] == ["Wed 27 Nov", "Thu 28 Nov", "Fri 29 Nov"]
    # A reaction is marked as one on the axis.
    assert timeline_site.select_one("#fc-days .fc-tl-response .fc-tl-kind").get_text() == "Reaction"


def test_undated_events_are_placed_by_their_period(timeline_site):
    off = timeline_site.select_one("#offensive-day-not-stated")
    assert off.h2.get_text() == "During the offensive, day not stated"
    assert titles(off.select("li")) == ["Shelling on a day not stated"]
    assert "Placed here: A test placement." in off.get_text()
    resp = timeline_site.select_one("#response-day-not-stated")
    assert titles(resp.select("li")) == ["Appeal on a day not stated", "Rumour no place record names"]


def test_background_has_its_own_section_in_date_order(timeline_site):
    bg = timeline_site.select_one("#background")
    items = bg.select("li")
    assert titles(items) == ["War began long ago", "Truce of a March"]
    assert [i.select_one(".fc-tl-date").get_text() for i in items] == [
        "2011 (editor’s inference)",
        "March 2020 (editor’s inference)",
    ]
    assert "War began long ago" not in timeline_site.select_one("#fc-days").get_text()


def test_an_event_without_a_period_is_said_to_have_none(timeline_site):
    left = timeline_site.select_one("#period-not-recorded")
    assert titles(left.select("li")) == ["Event with no period"]


def test_no_iso_date_in_reader_text(timeline_site):
    text = timeline_site.select_one("div.fc-page-body").get_text(" ")
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text), re.findall(r"\b\d{4}-\d{2}-\d{2}\b", text)


def test_the_map_draws_places_and_lists_them_as_text(timeline_site):
    svg = timeline_site.select_one("#map svg")
    assert [float(v) for v in svg["viewbox"].split()] == [0, 0, 400, 200]
    assert svg["role"] == "group"  # a labelled group: its place links stay reachable (an img may not hold links)
    assert svg.title.get_text().startswith("Map of the places the events name (2 places)")
    assert "River Town: 2 events" in svg.desc.get_text()
    dots = {a["href"]: (float(a.circle["cx"]), float(a.circle["cy"])) for a in svg.select("a")}
    assert dots == {"#place-river-town": (100, 50), "#place-hill-town": (250, 125)}
    river = timeline_site.select_one("#place-river-town")
    assert [a["href"] for a in river.select("a")] == ["launch.html", "shelling.html"]
    assert "0.50° N, 1.00° E, from Test coordinates" in river.get_text()
    assert "the sweep covered the hills" in timeline_site.select_one("#place-hill-town").get_text()
    outside = timeline_site.select_one(".fc-map-outside")
    assert "Far Town" in outside.get_text() and outside.a["href"] == "loose.html"
    unmapped = {a.get_text(): a.parent.get_text() for a in timeline_site.select(".fc-map-unmapped a")}
    assert list(unmapped) == [  # in event order: dated first, by date
        "War began long ago",
        "Truce of a March",
        "Statement on the third day",
        "Appeal on a day not stated",
        "Rumour no place record names",
    ]
    assert "No place is stated." in unmapped["Appeal on a day not stated"]


# -- bad places records ----------------------------------------------------------------

PL = "claims/places.yaml"


@pytest.fixture
def mini(tmp_path):
    dest = tmp_path / "site"
    shutil.copytree(ROOTS / "timeline", dest)
    return dest


def problems(site, monkeypatch, capsys) -> list[str]:
    monkeypatch.chdir(site)
    code = main(["check"])
    out = capsys.readouterr()
    assert code == 1 and "Traceback" not in out.out + out.err
    return out.out.strip().splitlines()


@pytest.mark.parametrize(
    ("old", "new", "where", "words"),
    [
        ("latitude: 0.5\n", "latitude: 95\n", f"{PL}:4:15:", ["above the maximum, 90"]),
        ("latitude: 0.5\n", "latitude: north\n", f"{PL}:4:15:", ["must be a number"]),
        (
            "    basis: Test coordinates\n    events: [launch",
            "    events: [launch",
            f"{PL}:2:5:",
            ["missing required field 'basis'"],
        ),
        (
            "events: [launch, shelling]",
            "events: [launch, shelling, lunch]",
            f"{PL}:7:32:",
            ["unknown event 'lunch'", "did you mean 'launch'"],
        ),
        ("  - event: appeal\n", "  - event: launch\n", f"{PL}:24:12:", ["already on the map at 'river-town'"]),
        (
            "    name: River Town\n",
            "    nmae: River Town\n",
            f"{PL}:3:5:",
            ["unknown field 'nmae'", "did you mean 'name'"],
        ),
    ],
    ids=[
        "latitude-out-of-range",
        "latitude-not-a-number",
        "no-basis",
        "unknown-event",
        "mapped-and-unmapped",
        "misspelt-field",
    ],
)
def test_bad_places_record_is_refused_at_its_line(mini, monkeypatch, capsys, old, new, where, words):
    path = mini / PL
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    lines = problems(mini, monkeypatch, capsys)
    here = [ln for ln in lines if ln.startswith(where)]
    assert here, lines
    for w in words:
        assert any(w in ln for ln in here), (w, here)


def test_an_event_places_yaml_does_not_name_is_refused_at_its_place(mini, monkeypatch, capsys):
    """Where an event goes is an editor's choice: make check asks for it (the map test used to be
    the only one that noticed), at the event's place line, with the entry to add."""
    path = mini / PL
    path.write_text(path.read_text(encoding="utf-8").replace("  - event: rumour\n", "  - event: rumor\n"))
    lines = problems(mini, monkeypatch, capsys)
    assert any(ln.startswith(f"{PL}:") and "did you mean 'rumour'" in ln for ln in lines), lines
    here = [ln for ln in lines if ln.startswith("claims/events/rumour.yaml:10:8:")]
    assert here and "not in claims/places.yaml" in here[0] and "- event: rumour" in here[0], lines


def test_bad_period_is_refused_at_its_line(mini, monkeypatch, capsys):
    path = mini / "claims/events/launch.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("phase: offensive", "phase: ofensive"), encoding="utf-8")
    lines = problems(mini, monkeypatch, capsys)
    assert any(
        ln.startswith("claims/events/launch.yaml:11:10:") and "did you mean 'offensive'" in ln for ln in lines
    ), lines
