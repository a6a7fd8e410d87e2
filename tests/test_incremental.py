"""Incremental builds: an edit re-reads the pages that show it, and only those."""

from __future__ import annotations

import os
import time

from conftest import build
from test_validate import EV, edit

# Pages that show something of bridge-strike.yaml: the lists of everything,
# the figures table, the two sources it quotes, and its claimants' pages.
AGGREGATES = {"index", "events/index", "claims/index", "claimants/index", "sources/index", "figures/index", "corrections/index",
              "sources/alpha", "sources/beta", "claimants/ministry", "claimants/monitor"}


def touch_later(path):
    """Make sure the edit is newer than the last read, whatever the clock's grain."""
    later = time.time() + 5
    os.utime(path, (later, later))


def test_nothing_changed_nothing_read(site):
    build(site)
    again = build(site)
    assert again.read == []


def test_one_event_edit_rereads_that_event_and_the_aggregates(site):
    build(site)
    edit(site, EV, "qualifier: at-least", "qualifier: about")
    edit(site, EV, "text: A monitor says at least 15 died in the strike, mostly civilians.",
         "text: A monitor says about 15 died in the strike.")
    touch_later(site / EV)
    result = build(site)
    assert set(result.read) == {"events/bridge-strike"} | AGGREGATES
    assert "events/town-withdrawal" not in result.read
    # ...and the new value is on every page that shows it.
    assert "about 15 people" in result.html("events/bridge-strike")
    assert "about 15 people" in result.html("figures/index")
    assert "at least 15 people" not in result.html("figures/index")
    # The source page's backlink to the claim shows its new text; no stale copy anywhere.
    backlinks = " ".join(ul.get_text() for ul in result.soup("sources/alpha").select("ul.fc-backlinks"))
    assert "A monitor says about 15 died in the strike." in backlinks
    for doc in ["events/bridge-strike", "figures/index", "sources/alpha", "claims/index", "claimants/monitor"]:
        assert "mostly civilians." not in result.html(doc).replace("“mostly civilians,”", ""), doc


def test_deleted_event_leaves_no_page_and_no_link(site):
    build(site)
    (site / "claims/events/town-withdrawal.yaml").unlink()
    result = build(site)
    assert not (site / "docs/events/town-withdrawal.md").exists()
    for doc in ["index", "events/index", "sources/beta", "figures/index"]:
        assert "town-withdrawal" not in result.html(doc), doc


def test_added_source_appears(site):
    build(site)
    (site / "claims/sources/gamma_0003.txt").write_text("A third report.", encoding="utf-8")
    import hashlib

    digest = hashlib.sha256(b"A third report.").hexdigest()
    (site / "claims/sources/gamma_0003.yaml").write_text(
        "id: gamma\nlabel: Gamma report\ntitle: null\npublisher: null\nurl: null\npublished: null\n"
        f"retrieved: null\nlanguage: en\ntext: gamma_0003.txt\nsha256: {digest}\n", encoding="utf-8")
    result = build(site)
    assert "sources/gamma" in result.read
    assert "Gamma report" in result.html("sources/index")
    assert "A third report." in result.html("sources/gamma")


def test_a_change_to_the_tooling_code_rereads_every_page(site, monkeypatch):
    import tooling.sphinxext as ext

    first = build(site)
    assert build(site).read == []
    monkeypatch.setattr(ext, "_code_version", lambda: 12345)  # as if a renderer had been edited
    again = build(site)
    assert set(again.read) == set(first.read)
