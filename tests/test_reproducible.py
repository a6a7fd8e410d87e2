"""Builds that agree with themselves: parallel = serial, and clean builds are byte-identical."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, build

from tooling.translations import EDITIONS
from tooling.validate import check


def volatile(rel: str) -> bool:
    """Pagefind's filter index, the one part of the output that differs between two runs on
    the same pages: its filter chunks list a filter's values in hash-map order, and the meta
    index and the entry file name those chunks by their hashes (Pagefind issue 638: "other
    files will still change, such as the filter/metadata indexes").  The search filters need
    them; everything else, every page and data file included, is compared byte for byte."""
    name = rel.rsplit("/", 1)[-1]
    if rel.split("/", 1)[0] in EDITIONS:  # each edition's own index (ar/pagefind/)
        rel = rel.split("/", 1)[1]
    return rel.startswith(("pagefind/", "pagefind-delta/")) and (
        "/filter/" in rel or name.endswith(".pf_meta") or name == "pagefind-entry.json"
    )


def tree(outdir):
    """Every output file's bytes, except Sphinx's own build-info (it records the build's hash);
    Pagefind's filter index by what it holds (the sizes of its unpacked parts), not by name."""
    import gzip

    out, loose = {}, []
    for p in sorted(outdir.rglob("*")):
        rel = p.relative_to(outdir).as_posix()
        if not p.is_file() or p.name == ".buildinfo" or "_sphinx_design_static" in p.parts:
            continue
        if volatile(rel):
            data = p.read_bytes()
            loose.append(len(gzip.decompress(data)) if data[:2] == b"\x1f\x8b" else len(data))
        else:
            out[rel] = p.read_bytes()
    out["(pagefind filter index: unpacked sizes)"] = repr(sorted(loose)).encode()
    return out


@pytest.fixture
def site_copy(real_site, tmp_path):
    def make(name):
        dest = tmp_path / name
        shutil.copytree(real_site, dest, ignore=shutil.ignore_patterns("_build"))
        return dest

    return make


def test_parallel_build_gives_the_same_html_as_serial(site_copy, real_built):
    serial = tree(real_built.outdir)  # the session's build of the same site, serial
    # In its own process: a parallel build forks, and forking this test worker
    # (which may hold the browser tests' Playwright threads) can deadlock.
    site = site_copy("parallel")
    args = ["-q", "-j", "2", "-b", "html", "-c", ".", "-d", "_build/doctrees", "docs", "_build/html"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "sphinx", *args], cwd=site, env=env, capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    for code in EDITIONS:  # each other edition, as make html builds it
        edition = ["-D", f"language={code}", *args[:-4], "-d", f"_build/doctrees-{code}", "docs", f"_build/html/{code}"]
        done = subprocess.run(
            [sys.executable, "-m", "sphinx", *edition], cwd=site, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0 and done.stderr == "", done.stderr
    parallel = tree(site / "_build/html")
    assert sorted(serial) == sorted(parallel)
    different = [name for name in serial if serial[name] != parallel[name]]
    assert different == []
    assert len([n for n in serial if n.endswith(".html")]) > 40


def test_two_clean_builds_are_byte_identical_whatever_the_build_date(site_copy, real_built, monkeypatch):
    # Two builds years apart (the session's build ran today): the site
    # (ClaimReview dates, the corrections feed) must not depend on when it
    # was built, only on the records.
    first = tree(real_built.outdir)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1732838400")  # 2024-11-29
    then = site_copy("then")
    second_build = build(then)
    for code in EDITIONS:
        build(then, language=code)
    second = tree(second_build.outdir)
    assert sorted(first) == sorted(second)
    assert [n for n in first if first[n] != second[n]] == []
    corpus, _ = check(ROOT / "claims", ROOT)
    claim = next(c for c in corpus.claims.values() if not c.retracted)
    assert claim.published != "2024-11-29"  # the build date above is no claim's own date
    page = f"events/{claim.event}.html"
    assert b'"datePublished": "2024-11-29"' not in second[page]
    assert f'"datePublished": "{claim.published}"'.encode() in first[page]
    assert "data/claims.json" in first and "data/figures.csv" in first and "corrections.atom" in first
