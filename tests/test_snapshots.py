"""Snapshots of rendered pages (the pattern MyST-Parser uses): a mini site per case
under tests/roots/, built once; each page's body, parsed and pretty-printed, is
compared with the file in tests/test_snapshots/.  A change to what readers see
shows up as a diff in review.  After an intended change, regenerate them with
``make test PYTEST_ARGS="tests/test_snapshots.py --force-regen"`` and read the diff.
"""

from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import ROOTS, build


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    sites = {}
    for name in ("basic", "roles"):
        dest = tmp_path_factory.mktemp(name) / "site"
        shutil.copytree(ROOTS / name, dest)
        if not (dest / "claims").exists():
            shutil.copytree(ROOTS / "basic" / "claims", dest / "claims")
        result = build(dest)
        assert result.warnings == "", result.warnings
        sites[name] = result
    return sites


CASES = [
    ("basic", "events/bridge-strike"),
    ("basic", "events/town-withdrawal"),
    ("basic", "sources/alpha"),
    ("basic", "figures/index"),
    ("basic", "claims/index"),
    ("basic", "claimants/monitor"),
    ("basic", "events/index"),
    ("basic", "corrections/index"),
    ("roles", "index"),
    ("roles", "claims/index"),
]


def body(html: str) -> str:
    """The page's main content, one tag per line; the theme around it is not ours."""
    main = BeautifulSoup(html, "html.parser").select_one("div.fc-page-body")
    assert main is not None
    return main.prettify()


@pytest.mark.parametrize(("root", "page"), CASES, ids=[f"{r}-{p.replace('/', '-')}" for r, p in CASES])
def test_rendered_page(built, root, page, file_regression):
    file_regression.check(body(built[root].html(page)), basename=f"{root}-{page.replace('/', '-')}", extension=".html")


def test_roles_resolve_through_the_domain(built):
    soup = BeautifulSoup(built["roles"].html("index"), "html.parser")
    hrefs = {a.get_text(): a["href"] for a in soup.select("div.fc-page-body a.reference")}
    assert (
        hrefs["The ministry says the bridge strike killed 12 people."]
        == "events/bridge-strike.html#claim-bridge-12-dead"
    )
    assert hrefs["the ministry’s toll"] == "events/bridge-strike.html#claim-bridge-12-dead"
    assert hrefs["Strike on the bridge"] == "events/bridge-strike.html"
    assert hrefs["Alpha report"] == "sources/alpha.html"
    assert hrefs["The Monitor"] == "claimants/monitor.html"
    assert hrefs["Deaths in the bridge strike"] == "figures/index.html#measure-bridge-deaths"


def test_an_unknown_record_in_a_role_is_a_warning(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(ROOTS / "roles", site)
    shutil.copytree(ROOTS / "basic" / "claims", site / "claims")
    index = site / "docs/index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace("{fc:event}`bridge-strike`", "{fc:event}`no-such`"), encoding="utf-8"
    )
    result = build(site)
    assert "no-such" in result.warnings


def test_sphinx_design_cards_render(built):
    soup = BeautifulSoup(built["roles"].html("index"), "html.parser")
    card = soup.select_one("div.sd-card")
    assert card is not None and "Every claim." in card.get_text()
    assert card.find("a", href="claims/index.html") is not None


def test_the_sites_own_words_title_its_lists(built):
    soup = BeautifulSoup(built["roles"].html("claims/index"), "html.parser")
    assert soup.select_one("div.fc-page-body h1").get_text().rstrip("¶") == "Every claim we checked"
    assert "Our own words for this list." in soup.get_text()


def test_objects_inventory_lists_every_record(built):
    from sphinx.util.inventory import InventoryFile

    with open(built["basic"].outdir / "objects.inv", "rb") as f:
        inv = InventoryFile.load(f, "https://example.org/", lambda base, uri: base + uri)
    claims = inv.get("fc:claim", {}) if isinstance(inv, dict) else inv.data.get("fc:claim", {})
    assert "bridge-12-dead" in claims
    entry = claims["bridge-12-dead"]
    uri = entry[2] if isinstance(entry, tuple) else entry.uri
    assert uri == "https://example.org/events/bridge-strike.html#claim-bridge-12-dead"
