"""Source pages on a mini site: a line's text is the capture's line, and the
capture itself is published byte for byte behind a download link."""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
from pathlib import Path

import pytest
from conftest import add_source, build

from tooling.sphinxext.domain import CAPTURES_DIR, capture_file
from tooling.sphinxext.publish import contained

SOURCES = {"alpha": "alpha_0001.txt", "beta": "beta_0002.txt"}


@pytest.fixture
def built(site):
    result = build(site)
    assert result.warnings == "", result.warnings
    return result


def capture(site: Path, name: str) -> bytes:
    return (site / "claims/sources" / name).read_bytes()


@pytest.mark.parametrize("sid", sorted(SOURCES))
def test_download_link_fetches_the_captures_bytes(site, built, sid):
    name = SOURCES[sid]
    soup = built.soup(f"sources/{sid}")
    links = soup.select("a.fc-download")
    assert len(links) == 1
    a = links[0]
    assert a["download"] == name
    # The address, resolved from the page, is a file inside the output folder holding the capture's bytes.
    target = posixpath.normpath(posixpath.join("sources", a["href"]))
    assert target == capture_file(name)
    published = built.outdir / target
    assert published.read_bytes() == capture(site, name)
    # The size and digest beside it are the file's own.
    words = a.parent.get_text(" ", strip=True)
    assert f"({len(capture(site, name)):,} bytes" in words
    assert hashlib.sha256(published.read_bytes()).hexdigest() in words


@pytest.mark.parametrize("sid", sorted(SOURCES))
def test_each_line_holds_the_captures_characters_only(site, built, sid):
    """Line numbers and "[n]" are links without text (CSS draws them), so a line's text is the
    capture's line: no marker, no added space, no typographic quote or dash."""
    lines = capture(site, SOURCES[sid]).decode("utf-8").split("\n")
    shown = built.soup(f"sources/{sid}").select("p.fc-line")
    assert shown, "no lines rendered"
    for p in shown:
        n = int(p["id"][1:])
        assert p.get_text() == lines[n - 1], n
    assert {int(p["id"][1:]) for p in shown} == {i for i, line in enumerate(lines, 1) if line.strip()}


def test_straight_quotes_and_dashes_survive(site, built):
    """SmartQuotes would turn these into ’ “ – — …; the capture has them as typed."""
    line = capture(site, "beta_0002.txt").decode("utf-8").split("\n")[3]
    assert '"' in line and "'" in line and " -- " in line and "---" in line and "..." in line
    assert built.soup("sources/beta").find(id="L4").get_text() == line


def test_markers_are_named_links_without_text(built):
    soup = built.soup("sources/alpha")
    numbers = soup.select("p.fc-line > a.fc-lineno")
    assert numbers
    for a in numbers:
        n = a["data-n"]
        assert a.get_text() == "" and a["href"] == f"#L{n}" and a["aria-label"] == f"Line {n}"
    refs = soup.select("p.fc-line sup.fc-cite-ref > a")
    assert refs
    for a in refs:
        assert a.get_text() == ""
        assert re.fullmatch(r"\d+", a["data-n"])
        assert a["aria-label"] == f"Claim {a['data-n']}: {a['title']}"
        assert a["href"].startswith("../events/")
    # The claim lists after a line keep their numbers as text: they are not the capture.
    assert soup.select_one("ul.fc-backlinks .fc-cite-no").get_text() == "[1] "


def test_capture_is_rewritten_only_when_its_bytes_change(site, built):
    published = built.outdir / capture_file("alpha_0001.txt")
    os.utime(published, (1_000_000, 1_000_000))
    build(site)
    assert published.stat().st_mtime == 1_000_000
    published.write_bytes(b"tampered")
    build(site)
    assert published.read_bytes() == capture(site, "alpha_0001.txt")


def test_removed_source_leaves_no_capture(site):
    add_source(site, "gamma", "A third report.\n")
    first = build(site)
    assert (first.outdir / capture_file("gamma_0009.txt")).read_bytes() == b"A third report.\n"
    stray = first.outdir / CAPTURES_DIR / "stray.txt"
    stray.write_text("left by an older build")
    for name in ("gamma_0009.txt", "gamma_0009.yaml"):
        (site / "claims/sources" / name).unlink()
    second = build(site)
    assert second.warnings == "", second.warnings
    assert sorted(p.name for p in (second.outdir / CAPTURES_DIR).iterdir()) == sorted(SOURCES.values())
    assert not (second.outdir / "sources/gamma.html").exists()


@pytest.mark.parametrize("name", ["../escape.txt", "../../escape.txt", "sub/inner.txt", ".hidden.txt", "a\\b.txt"])
def test_a_capture_path_cannot_leave_its_folder(tmp_path, name):
    with pytest.raises(ValueError, match="refusing to publish"):
        contained(tmp_path, capture_file(name))
    assert contained(tmp_path, capture_file("plain_01.txt")) == tmp_path / CAPTURES_DIR / "plain_01.txt"
