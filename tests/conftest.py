"""Shared fixtures: a copy of a test site, and a way to build it in-process."""

from __future__ import annotations

import contextlib
import fcntl
import io
import json
import multiprocessing
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tooling.sphinxext.domain import GENERATED_DIRS

# sphinx-sitemap starts a multiprocessing Manager in every build for the published
# address.  Forked from a test process that already runs the browser tests, that
# server would inherit the pipe to Playwright's driver, which then never sees its
# end: the session hung at exit.  From a fork server, the Manager inherits nothing.
# (Sphinx's own parallel build asks for "fork" itself and is not affected.)
multiprocessing.set_start_method("forkserver", force=True)

ROOT = Path(__file__).resolve().parent.parent
ROOTS = Path(__file__).resolve().parent / "roots"
# Files of tests/roots/basic that tests edit.
EV = "claims/events/bridge-strike.yaml"
TW = "claims/events/town-withdrawal.yaml"
SRC = "claims/sources/alpha_0001.yaml"
SPHINX_EXTRA_PAGES = {"genindex", "search"}  # pages Sphinx writes in every build


REAL_FIXTURES = {"real_site", "real_built", "server"}


def pytest_collection_modifyitems(config, items):
    """The 'records' marker on every test that reads the project's own records (the real site
    or claims/): the tests a new source or event meets.  tests/test_new_source.py runs them
    over a checkout with a source and an event added by the documented commands, so a rule
    they hold that make check does not shows up there, not in an editor's pull request."""
    reads_records: dict[Path, bool] = {}
    for item in items:
        path = Path(item.fspath)
        if path not in reads_records:
            text = path.read_text(encoding="utf-8")
            reads_records[path] = 'ROOT / "claims"' in text
        if reads_records[path] or REAL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.records)


@pytest.fixture
def site(tmp_path) -> Path:
    """A private copy of tests/roots/basic (conf.py, docs/, claims/)."""
    dest = tmp_path / "site"
    shutil.copytree(ROOTS / "basic", dest)
    return dest


@dataclass
class BuildResult:
    outdir: Path
    read: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    warnings: str = ""
    status: str = ""

    def html(self, docname: str) -> str:
        return (self.outdir / f"{docname}.html").read_text(encoding="utf-8")

    def soup(self, docname: str):
        from bs4 import BeautifulSoup

        return BeautifulSoup(self.html(docname), "html.parser")


def build(
    site: Path, parallel: int = 0, outdir: Path | None = None, freshenv: bool = False, language: str | None = None
) -> BuildResult:
    """Build a site with Sphinx in this process, recording what was read and written.

    With ``language`` (``"ar"``), that edition, as ``make html`` builds it: into ``_build/html/ar``
    with doctrees of its own (tooling/safe_build.py)."""
    from sphinx.application import Sphinx

    status, warning = io.StringIO(), io.StringIO()
    result = BuildResult(outdir or site / "_build" / "html" / (language or ""))
    try:
        # Inside the try: invalid records stop the build in Sphinx() itself
        # (builder-inited), and the clean-up below must still run.
        app = Sphinx(
            srcdir=site / "docs",
            confdir=site,
            outdir=result.outdir,
            doctreedir=site / "_build" / ("doctrees" + (f"-{language}" if language else "")),
            buildername="html",
            confoverrides={"language": language} if language else None,
            status=status,
            warning=warning,
            freshenv=freshenv,
            parallel=parallel,
        )
        app.connect("env-before-read-docs", lambda app, env, docnames: result.read.extend(sorted(docnames)))
        app.connect("html-page-context", lambda app, pagename, *a: result.written.append(pagename))
        app.build()
    finally:
        # Sphinx registers nodes and directives in docutils' globals; clear
        # them so the next in-process build starts as clean as a new process.
        from sphinx.testing.util import _clean_up_global_state

        from tooling import i18n

        _clean_up_global_state()
        i18n.activate("en")  # a build in another language leaves its interface strings active
    result.warnings = warning.getvalue()
    result.status = status.getvalue()
    return result


@pytest.fixture
def builder():
    return build


@contextlib.contextmanager
def _once_per_run(tmp_path_factory, name: str):
    """A folder shared by every xdist worker of this run, and a lock on it: the first
    worker to take the lock makes its contents, the others find them made."""
    base = tmp_path_factory.getbasetemp()
    # xdist gives each local worker a folder (popen-gw0, popen-gw1...) inside the run's
    # own, which the controller empties at the start of every run.  Anything else
    # (no xdist, remote workers) shares nothing.
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    shared = base.parent if worker and base.name == f"popen-{worker}" else base
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        yield shared / name


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """A copy of the project's site: conf.py, docs/ (hand-written pages), claims/.

    Never built in (``real_built`` builds a copy of its own) and never written by a
    test (they copy it to change it), so one copy serves every worker."""
    with _once_per_run(tmp_path_factory, "real") as folder:
        dest = folder / "site"
        if not (folder / "whole").is_file():
            shutil.rmtree(folder, ignore_errors=True)  # a worker stopped half-way
            dest.mkdir(parents=True)
            shutil.copy(ROOT / "conf.py", dest / "conf.py")
            shutil.copytree(ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns(*GENERATED_DIRS))
            shutil.copytree(ROOT / "claims", dest / "claims")
            shutil.copytree(ROOT / "locale", dest / "locale", ignore=shutil.ignore_patterns("*.mo"))
            (folder / "whole").touch()
    return dest


@pytest.fixture(scope="session")
def real_built(real_site, tmp_path_factory) -> BuildResult:
    """The real site, built once per test run with no warning: the first worker that
    needs it builds it (4-5 s), the others read what that build recorded.

    Built in a copy of ``real_site``: a build writes generated pages into the source
    folder, and other workers copy ``real_site`` while it runs."""
    with _once_per_run(tmp_path_factory, "real-built") as folder:
        site, record = folder / "site", folder / "result.json"
        if record.is_file():
            result = BuildResult(**{**json.loads(record.read_text(encoding="utf-8")), "outdir": site / "_build/html"})
        else:
            # A worker stopped half-way left no record: build afresh, not on its leftovers.
            shutil.rmtree(folder, ignore_errors=True)
            shutil.copytree(real_site, site)
            result = build(site)
            # The Arabic edition under ar/, as make html builds it.
            result.warnings += build(site, language="ar").warnings
            fields = {k: v for k, v in vars(result).items() if k != "outdir"}
            record.write_text(json.dumps(fields), encoding="utf-8")
    assert result.warnings == "", result.warnings
    return result


def touch_later(path: Path) -> None:
    """Make sure an edit is newer than the last read, whatever the clock's grain."""
    later = time.time() + 5
    os.utime(path, (later, later))


def edit(site: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    """Replace fixture text in one file of a test site; fail loudly if the fixture changed."""
    path = site / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {rel}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def add_source(site: Path, sid: str, text: str, publisher: str = "Gamma Wire") -> None:
    """A new source (text and metadata) in a test site."""
    import hashlib

    name = f"{sid}_0009.txt"
    (site / "claims/sources" / name).write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    (site / "claims/sources" / f"{sid}_0009.yaml").write_text(
        f'id: {sid}\nlabel: {sid.title()} report\ntitle: null\npublisher: "{publisher}"\nurl: null\n'
        f"published: null\nretrieved: null\nlanguage: en\ntext: {name}\nsha256: {digest}\n",
        encoding="utf-8",
    )
