"""Builds that agree with themselves: parallel = serial, and clean builds are byte-identical."""

from __future__ import annotations

import shutil

import pytest
from conftest import build


def tree(outdir):
    """Every output file's bytes, except Sphinx's own build-info (it records the build's hash)."""
    return {
        p.relative_to(outdir).as_posix(): p.read_bytes()
        for p in sorted(outdir.rglob("*"))
        if p.is_file() and p.name != ".buildinfo" and "_sphinx_design_static" not in p.parts
    }


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


def test_two_clean_builds_are_byte_identical_whatever_the_build_date(site_copy, monkeypatch):
    # Two builds a year apart: the site (ClaimReview dates, the corrections
    # feed) must not depend on when it was built, only on the records.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1732838400")  # 2024-11-29
    first = tree(build(site_copy("one")).outdir)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    second = tree(build(site_copy("two")).outdir)
    assert sorted(first) == sorted(second)
    assert [n for n in first if first[n] != second[n]] == []
    assert b'"datePublished": "2024-11-29"' not in first["events/dormitory-strike.html"]
    assert b'"datePublished": "2026-11-22"' in first["events/dormitory-strike.html"]
    assert "data/claims.json" in first and "data/figures.csv" in first and "corrections.atom" in first
