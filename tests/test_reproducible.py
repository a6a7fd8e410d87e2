"""Builds that agree with themselves: parallel = serial, and clean builds are byte-identical."""

from __future__ import annotations

import shutil

import pytest

from conftest import build


def tree(outdir):
    """Every output file's bytes, except Sphinx's own build-info (it records the build's hash)."""
    return {p.relative_to(outdir).as_posix(): p.read_bytes() for p in sorted(outdir.rglob("*"))
            if p.is_file() and p.name != ".buildinfo" and "_sphinx_design_static" not in p.parts}


@pytest.fixture
def site_copy(real_site, tmp_path):
    def make(name):
        dest = tmp_path / name
        shutil.copytree(real_site, dest, ignore=shutil.ignore_patterns("_build"))
        return dest
    return make


def test_parallel_build_gives_the_same_html_as_serial(site_copy, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1732838400")
    serial = build(site_copy("serial"))
    parallel = build(site_copy("parallel"), parallel=2)
    a, b = tree(serial.outdir), tree(parallel.outdir)
    assert sorted(a) == sorted(b)
    different = [name for name in a if a[name] != b[name]]
    assert different == []
    assert len([n for n in a if n.endswith(".html")]) > 40


def test_two_clean_builds_are_byte_identical(site_copy, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1732838400")
    first = tree(build(site_copy("one")).outdir)
    second = tree(build(site_copy("two")).outdir)
    assert sorted(first) == sorted(second)
    assert [n for n in first if first[n] != second[n]] == []
    # SOURCE_DATE_EPOCH is the ClaimReview date: 2024-11-29.
    assert b'"datePublished": "2024-11-29"' in first["events/dormitory-strike.html"]
    assert "data/claims.json" in first and "data/figures.csv" in first
