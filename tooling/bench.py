"""``make bench``: how the build scales with the number of records.

For N = 100, 500 and 2,000 synthetic events (real schema) in a temporary
folder, measures in one run: validation time; full build time and time per
page; bytes of one event page; an incremental rebuild after one claim is
edited (time, pages re-read and re-written); a parallel build (-j 2); peak
memory; and the same content as plain hand-written MyST pages with the same
theme and bare Sphinx, for the tooling's overhead ratio, and bare Sphinx's rebuild
after one of those pages changed (the floor under any edit); Pagefind's indexing
time in each build.  Also the time to validate 20,000 claims.  For readers, at the
real size and at the largest N: first-visit bytes of every page (real size) or of
the largest page of each folder, and Lighthouse, axe and the Nu Html Checker on the
pages of ``budgets.AUDITED``; the reader budgets are judged in one table
(tooling/budgets.py).  Prints the tables and writes bench-results.json and
docs/_bench/results.md (included by docs/benchmarks.md).

Every build runs in its own process (``python -m sphinx``) so that times and
peak memory (``os.wait4``'s ru_maxrss) are that build's alone.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import audits, budgets, weight
from .sphinxext.domain import GENERATED_DIRS
from .sphinxext.search import SEARCH_DIRS
from .synthetic import write_corpus, write_plain_myst, write_site
from .translations import LOCALE
from .validate import check

ROOT = Path(__file__).resolve().parent.parent


def sphinx(site: Path, *extra: str, fresh: bool = False, out: str = "_build/html") -> dict:
    """Run one build; return seconds, peak RSS (MB), docs read and written."""
    args = [sys.executable, "-m", "sphinx", "-b", "html", "-c", ".", *extra, "docs", out]
    if fresh:
        args.insert(3, "-E")
    # As make runs builds: with Python's bytecode cache (the Makefile unexports
    # PYTHONDONTWRITEBYTECODE), so a rebuild does not compile the tooling again.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=site, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise RuntimeError(f"build failed in {site}:\n{out[-3000:]}")
    lines = re.split(r"[\r\n]+", out)
    read = [m.group(1) for line in lines if (m := re.search(r"reading sources\.\.\. \[\s*\d+%\] (\S+)", line))]
    written = [m.group(1) for line in lines if (m := re.search(r"writing output\.\.\. \[\s*\d+%\] (\S+)", line))]
    changed = re.search(r"updating environment: (?:\[.*?\] )?(\d+) added, (\d+) changed, (\d+) removed", out)
    return {
        "seconds": round(seconds, 2),
        "peak_mb": round(usage.ru_maxrss / 1024, 1),
        "read": len(read),
        "written": len(written),
        "read_docs": read[:20],
        "env": changed.groups() if changed else None,
        "pagefind_s": pagefind_seconds(out),
    }


def pagefind_seconds(build_output: str) -> float | None:
    """Pagefind's indexing time, as sphinxext/search.py logs it in every build (None: not logged)."""
    found = re.search(r"search index \(Pagefind\): ([\d.]+) s", build_output)
    return float(found.group(1)) if found else None


def built_pages(outdir: Path) -> list[str]:
    """Every HTML page a reader can open (not the theme's or Pagefind's files)."""
    return sorted(
        p.relative_to(outdir).as_posix()
        for p in outdir.rglob("*.html")
        if not any(part.startswith("_") or part in SEARCH_DIRS for part in p.relative_to(outdir).parts[:-1])
    )


def html_pages(site: Path) -> int:
    return len(built_pages(site / "_build/html"))


def largest_per_folder(outdir: Path) -> list[str]:
    """The largest page (gzipped) of each folder, and every top-level page (home, search...)."""
    best: dict[str, tuple[int, str]] = {}
    for page in built_pages(outdir):
        folder = page.split("/", 1)[0]  # a top-level page is a folder of its own
        size = weight.sent_bytes(outdir / page)
        if folder not in best or size > best[folder][0]:
            best[folder] = (size, page)
    return sorted(page for _, page in best.values())


def event_page_bytes(site: Path) -> int:
    return (site / "_build/html/events/event-00001.html").stat().st_size


BASELINE_MAX = 500  # bare Sphinx with furo is quadratic in pages: not run above this
REPEATS = 3  # rebuilds are short and this machine is noisy: the median of three


def edit_one_claim(site: Path, k: int = 1) -> None:
    """The k-th edit of one claim's text (each edit differs from the last)."""
    path = site / "claims/events/event-00001.yaml"
    text = path.read_text(encoding="utf-8")
    edited = re.sub(r"says claim 1 of event 1(, edited \d+)?\.", f"says claim 1 of event 1, edited {k}.", text, count=1)
    assert edited != text, "the synthetic claim to edit was not found"
    path.write_text(edited, encoding="utf-8")
    later = time.time() + 2
    os.utime(path, (later, later))


def edit_plain_page(site: Path, k: int) -> None:
    """The k-th edit of the first event's page of the bare-Sphinx baseline."""
    path = site / "docs/events/event-00001.md"
    text = re.sub(r"\n\nEdited \d+\.\n$", "\n", path.read_text(encoding="utf-8"))
    path.write_text(text + f"\n\nEdited {k}.\n", encoding="utf-8")
    later = time.time() + 2
    os.utime(path, (later, later))


def median(runs: list[dict]) -> dict:
    """The run with the median time."""
    return sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]


def arabic(site: Path, pages: dict[str, str], every_page: bool, audit: bool) -> dict:
    """The Arabic edition of a built site (make html puts it under ar/), built into a folder of
    its own so the English timings and search index stay the English edition's: its build time
    and what its readers get, measured as the English."""
    catalogs = ROOT / LOCALE / "ar"
    if not (site / LOCALE / "ar").exists():
        # A synthetic site has no catalogs of its records; the interface and pages are the project's.
        shutil.copytree(
            catalogs / "LC_MESSAGES", site / LOCALE / "ar" / "LC_MESSAGES", ignore=shutil.ignore_patterns("*.mo")
        )
    build = sphinx(site, "-D", "language=ar", "-d", "_build/doctrees-ar", out="_build/html-ar")
    return {
        "full_s": build["seconds"],
        "page_count": len(built_pages(site / "_build/html-ar")),  # not "pages": reader_results names its pages so
        **reader_results(site / "_build/html-ar", pages, every_page=every_page, audit=audit),
    }


def run_size(n: int, work: Path, jobs: int, audit: bool = False) -> dict:
    site = work / f"tooling-{n}"
    site.mkdir()
    counts = write_corpus(site, n)
    write_site(site, ROOT / "conf.py", extension=True)
    t = time.perf_counter()
    corpus, problems = check(site / "claims", site)
    validate_s = time.perf_counter() - t
    assert not problems, problems.report()
    full = sphinx(site)
    pages = html_pages(site)
    page_bytes = event_page_bytes(site)
    reader = reader_results(site / "_build/html", SYNTHETIC_PAGES, every_page=False, audit=audit)
    if audit:
        reader["ar"] = arabic(site, SYNTHETIC_PAGES, every_page=False, audit=True)
    noop = median([sphinx(site) for _ in range(REPEATS)])
    edits = []
    for k in range(1, REPEATS + 1):
        edit_one_claim(site, k)
        edits.append(sphinx(site))
    incremental = median(edits)
    # Pagefind re-indexes the whole site in every build: its share of each.
    pagefind = {"full": full["pagefind_s"], "noop": noop["pagefind_s"], "incremental": incremental["pagefind_s"]}
    shutil.rmtree(site / "_build")
    parallel = sphinx(site, "-j", str(jobs))
    # Baseline: the same content as plain MyST, bare Sphinx, same theme.  Bare
    # furo draws every page's whole toctree on every page, so its build grows with
    # the square of the pages (221 s at 500 events, about an hour at 2,000): it is
    # measured up to BASELINE_MAX events only.
    baseline = plain_edit = None
    if n <= BASELINE_MAX:
        plain = work / f"plain-{n}"
        plain.mkdir()
        write_site(plain, ROOT / "conf.py", extension=False)
        write_plain_myst(plain, corpus)
        baseline = sphinx(plain)
        baseline["pages"] = html_pages(plain)
        # The floor under any incremental build: bare Sphinx rebuilding after one
        # hand-written page changed (its start-up, environment, search index).
        plain_edits = []
        for k in range(1, REPEATS + 1):
            edit_plain_page(plain, k)
            plain_edits.append(sphinx(plain))
        plain_edit = median(plain_edits)
    return {
        "n_events": n,
        **counts,
        "pages": pages,
        "validate_s": round(validate_s, 3),
        "full_s": full["seconds"],
        "per_page_ms": round(1000 * full["seconds"] / pages, 2),
        "event_page_bytes": page_bytes,
        "peak_mb": full["peak_mb"],
        "noop_s": noop["seconds"],
        "noop_read": noop["read"],
        "incremental_s": incremental["seconds"],
        "incremental_read": incremental["read"],
        "incremental_written": incremental["written"],
        "incremental_docs": incremental["read_docs"],
        "incremental_ratio": round(incremental["seconds"] / full["seconds"], 3),
        "parallel_s": parallel["seconds"],
        "parallel_peak_mb": parallel["peak_mb"],
        "baseline_s": baseline and baseline["seconds"],
        "baseline_pages": baseline and baseline["pages"],
        "baseline_per_page_ms": baseline and round(1000 * baseline["seconds"] / baseline["pages"], 2),
        "overhead": baseline and round(full["seconds"] / baseline["seconds"], 3),
        "baseline_edit_s": plain_edit and plain_edit["seconds"],
        "baseline_edit_ratio": plain_edit and round(plain_edit["seconds"] / full["seconds"], 3),
        "pagefind_s": pagefind,
        "reader": reader,
    }


# The pages a reader lands on: home, an event, the claims index, the corrections log, a source.
SYNTHETIC_PAGES = {
    "home": "index.html",
    "event": "events/event-00001.html",
    "claims index": "claims/index.html",
    "corrections": "corrections/index.html",
    "source": "sources/src-00000.html",  # synthetic.py: source s is "src-{s:05d}"
}
REAL_PAGES = {
    "home": "index.html",
    "event": "events/dormitory-strike.html",
    "claims index": "claims/index.html",
    "corrections": "corrections/index.html",
    "source": "sources/src-003.html",
}
LIGHTHOUSE_PAGES = budgets.AUDITED  # Lighthouse, axe and the Nu Html Checker


def reader_results(outdir: Path, pages: dict[str, str], every_page: bool, audit: bool) -> dict:
    """What readers get: first-visit bytes of the named pages (headless Chromium) and of every
    page (every_page) or of the largest of each folder; with audit, Lighthouse mobile scores,
    axe violations and Nu Html Checker errors on LIGHTHOUSE_PAGES.  A tool that is missing
    leaves its key out (the budgets say "not measured")."""
    if not weight.available():
        return {}
    visits = weight.first_visits(outdir, list(pages.values()))
    out: dict = {"pages": {name: {"path": path, **visits[path]} for name, path in pages.items()}}
    wanted = built_pages(outdir) if every_page else sorted({*largest_per_folder(outdir), *pages.values()})
    started = time.perf_counter()
    every = weight.every_page(outdir, wanted)
    worst = max(sorted(every), key=lambda page: every[page]["total"])
    out["every"] = {
        "scope": "every page" if every_page else "largest page of each folder, and the named pages",
        "count": len(every),
        "browser_visits": len({v["visited"] for v in every.values()}),
        "seconds": round(time.perf_counter() - started, 1),
        "max": {"path": worst, **every[worst]},
        "visits": every,
    }
    if audit:
        audited = {pages[name]: name for name in LIGHTHOUSE_PAGES}
        for key, found in (
            ("lighthouse", weight.lighthouse(outdir, list(audited))),
            ("axe", audits.axe(outdir, list(audited))),
            ("vnu", audits.vnu(outdir, list(audited))),
        ):
            if found:
                out[key] = {audited.get(path, path): result for path, result in found.items()}
    return out


def run_real(work: Path) -> dict:
    """The project's own site, at its real size: build time and reader weight."""
    site = work / "real"
    site.mkdir()
    shutil.copy(ROOT / "conf.py", site / "conf.py")
    shutil.copytree(ROOT / "claims", site / "claims")
    shutil.copytree(ROOT / LOCALE, site / LOCALE, ignore=shutil.ignore_patterns("*.mo"))
    shutil.copytree(
        ROOT / "docs",
        site / "docs",
        ignore=shutil.ignore_patterns("_build", *GENERATED_DIRS),
    )
    corpus, problems = check(site / "claims", site)
    assert not problems, problems.report()
    full = sphinx(site)
    reader = reader_results(site / "_build/html", REAL_PAGES, every_page=True, audit=True)
    reader["ar"] = arabic(site, REAL_PAGES, every_page=True, audit=True)
    return {
        "events": len(corpus.events),
        "claims": len(corpus.claims),
        "pages": html_pages(site),
        "full_s": full["seconds"],
        "peak_mb": full["peak_mb"],
        "pagefind_s": full["pagefind_s"],
        "reader": reader,
    }


def _kib(n: int) -> str:
    return f"{n / 1024:.1f} KiB"


def weight_table(real: dict, results: list[dict]) -> list[str]:
    rows = [("real site", real)] + [(f"N = {r['n_events']:,}", r) for r in results]
    if not any(r.get("reader") for _, r in rows):
        return [
            "Reader weight not measured: it needs Chromium (/usr/bin/chromium) and Playwright (requirements-test.txt)."
        ]
    names = list(SYNTHETIC_PAGES)
    body, every, audited = [], [], []
    for label, r in rows:
        reader = r.get("reader", {})
        cells = [
            f"{_kib(w['total'])} (page {_kib(w['page'])})" if (w := reader.get("pages", {}).get(name)) else "–"
            for name in names
        ]
        body.append(f"| {label} | " + " | ".join(cells) + " |")
        if e := reader.get("every"):
            m = e["max"]
            every.append(
                f"- {label}: {e['scope']}, {e['count']:,} pages ({e['browser_visits']} browser visit{'s' if e['browser_visits'] != 1 else ''}, "
                f"{e['seconds']:.1f} s): heaviest first visit {_kib(m['total'])}, `{m['path']}` (page {_kib(m['page'])})."
            )
        if any(k in reader for k in ("lighthouse", "axe", "vnu")):
            for name in LIGHTHOUSE_PAGES:
                lh = reader.get("lighthouse", {}).get(name, {})
                axe = reader.get("axe", {}).get(name)
                vnu = reader.get("vnu", {}).get(name)
                audited.append(
                    f"| {label} | {name} | {lh.get('performance', '–')} | {lh.get('accessibility', '–')} | "
                    + (
                        f"{axe['violations']} ({', '.join(axe['ids'])})"
                        if axe and axe["ids"]
                        else str(axe["violations"])
                        if axe
                        else "–"
                    )
                    + f" | {vnu['errors'] if vnu else '–'} |"
                )
    return [
        "Reader weight: what a first visit downloads (the page and every file it loads in headless "
        "Chromium, text gzipped as a host sends it).",
        "",
        "| site | " + " | ".join(names) + " |",
        "|" + "---|" * (len(names) + 1),
        *body,
        "",
        "Every page's first visit (its own HTML plus the files a page with the same stylesheets and scripts "
        "loaded in the browser):",
        "",
        *every,
        "",
        "Audits: Lighthouse 13 mobile (default throttling, served gzipped), axe-core violations of any impact, "
        "Nu Html Checker errors (– where not measured).",
        "",
        "| site | page | Lighthouse performance | Lighthouse accessibility | axe violations | Nu Html Checker errors |",
        "|---|---|---|---|---|---|",
        *audited,
        "",
    ]


def large_size(results: list[dict]) -> tuple[dict | None, str, str]:
    """The size the "about 2,000 events" budgets are judged at: the largest N, if large enough."""
    if results and results[-1]["n_events"] >= budgets.LARGE_N:
        return results[-1], f"N = {results[-1]['n_events']:,}", ""
    largest = f"N = {results[-1]['n_events']:,}" if results else "none"
    return None, f"N ≥ {budgets.LARGE_N:,}", f"not run (largest size here: {largest})"


def validate_20k(work: Path) -> dict:
    site = work / "validate-20k"
    site.mkdir()
    counts = write_corpus(site, 4000, claims_per_event=5)
    t = time.perf_counter()
    corpus, problems = check(site / "claims", site)
    seconds = time.perf_counter() - t
    assert not problems
    return {"claims": len(corpus.claims), "events": counts["events"], "seconds": round(seconds, 2)}


REFERENCE_LOOP = 5_000_000


def cpu_reference(runs: int = 5) -> float:
    """Seconds for a fixed pure-Python loop, the best of ``runs``: how fast this machine is
    right now.  The same machine runs a build a third slower on a busy day; comparing two
    tables means comparing their builds in units of this figure, not their seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        total = 0
        for i in range(REFERENCE_LOOP):
            total += i
        best = min(best, time.perf_counter() - start)
    return round(best, 3)


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import sphinx as sphinx_mod

    return {
        "python": platform.python_version(),
        "sphinx": sphinx_mod.__version__,
        "cpu": cpu,
        "cores": os.cpu_count(),
        "system": f"{platform.system()} {platform.release()}",
    }


def _seconds(value) -> str:
    return "–" if value is None else f"{value:.1f} s"


def arabic_lines(real: dict, results: list[dict]) -> list[str]:
    """The Arabic edition's builds (make html builds it after the English one: their sum is its time)."""
    parts = []
    if (real.get("reader") or {}).get("ar"):
        ar = real["reader"]["ar"]
        parts.append(f"the real site {ar['full_s']:.1f} s ({ar['page_count']} pages)")
    for r in results:
        if (r.get("reader") or {}).get("ar"):
            ar = r["reader"]["ar"]
            parts.append(f"N = {r['n_events']:,} {ar['full_s']:.1f} s ({ar['page_count']:,} pages)")
    if not parts:
        return []
    return [
        "",
        "The Arabic edition, a second Sphinx build after the English one (its full build): "
        + "; ".join(parts)
        + ". Its reader budgets are the English ones (rows marked Arabic below).",
    ]


def table(results: list[dict], v20k: dict, info: dict, command: str, real: dict, verdicts: list) -> str:
    head = (
        "| N events | pages | validate | full build | per page | event page | peak RSS | no-op rebuild (median of 3) | "
        "one-claim edit (median of 3): time (share of full), re-read / written | parallel -j2 | bare Sphinx, same content | overhead | "
        "Pagefind in the full / no-op / edit build |"
    )
    sep = "|" + "---|" * 13
    rows = [
        f"| {r['n_events']:,} | {r['pages']:,} | {r['validate_s']:.2f} s | {r['full_s']:.1f} s | "
        f"{r['per_page_ms']:.0f} ms | {r['event_page_bytes'] / 1024:.1f} KB | {r['peak_mb']:.0f} MB | "
        f"{r['noop_s']:.1f} s ({r['noop_read']} read) | {r['incremental_s']:.1f} s ({100 * r['incremental_ratio']:.0f}%), "
        f"{r['incremental_read']} / {r['incremental_written']} | {r['parallel_s']:.1f} s | "
        + (
            f"{r['baseline_s']:.1f} s ({r['baseline_pages']:,} pages) | {r['overhead']:.2f}× | "
            if r["baseline_s"] is not None
            else f"not run (above {BASELINE_MAX:,} events) | – | "
        )
        + f"{' / '.join(_seconds(r['pagefind_s'][k]) for k in ('full', 'noop', 'incremental'))} |"
        for r in results
    ]
    first, last = results[0], results[-1]
    growth = last["per_page_ms"] / first["per_page_ms"]
    mid = next((r for r in results if r["n_events"] == 500), last)
    targets = [
        f"- Per-page cost at N = {last['n_events']:,} vs N = {first['n_events']:,}: {growth:.2f}× (target ≤ 1.25×).",
        "- Full-build overhead vs bare Sphinx on the same content: "
        + ", ".join(f"{r['overhead']:.2f}× at N = {r['n_events']:,}" for r in results if r["overhead"] is not None)
        + " (target ≤ 1.15×).",
        f"- One-claim edit at N = {mid['n_events']:,}: {mid['incremental_read']} pages re-read "
        f"({', '.join(mid['incremental_docs'][:12])}), {100 * mid['incremental_ratio']:.0f}% of the full build "
        "(target ≤ 10%); "
        + (
            f"bare Sphinx's own rebuild after one page of the baseline changed takes "
            f"{mid['baseline_edit_s']:.1f} s, {100 * mid['baseline_edit_ratio']:.0f}% of the same full build; "
            if mid["baseline_edit_s"] is not None
            else ""
        )
        + f"Pagefind's re-index is {_seconds(mid['pagefind_s']['incremental'])} of the edit.",
        f"- Validating {v20k['claims']:,} claims in {v20k['events']:,} files: {v20k['seconds']:.2f} s (target ≤ 2 s).",
    ]
    return "\n".join(
        [
            f"Measured {time.strftime('%Y-%m-%d')} on {info['cpu']}, {info['cores']} cores, {info['system']}, "
            f"Python {info['python']}, Sphinx {info['sphinx']}. Command: `{command}`.",
            *(
                [
                    "",
                    f"Machine speed: a fixed pure-Python loop ({REFERENCE_LOOP:,} additions, best of 5) took "
                    f"{info['cpu_reference_s'][0]:.3f} s before the run and {info['cpu_reference_s'][1]:.3f} s "
                    "after it. Build times from two runs compare in units of this figure: the same machine "
                    "is slower on a busy day.",
                ]
                if info.get("cpu_reference_s")
                else []
            ),
            "",
            f"The real site: {real['events']} events, {real['claims']} claims, {real['pages']} pages, full build "
            f"{real['full_s']:.1f} s (of which Pagefind {_seconds(real['pagefind_s'])}), peak {real['peak_mb']:.0f} MB.",
            *arabic_lines(real, results),
            "",
            "Reader budgets (the bench reports them; it does not fail on a missed one):",
            "",
            *budgets.table(verdicts),
            "",
            head,
            sep,
            *rows,
            "",
            *targets,
            "",
            *weight_table(real, results),
        ]
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog=".venv/bin/python -m tooling.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,500,2000")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", help="results as JSON (default: bench-results.json, for the default sizes)")
    parser.add_argument("--doc", help="results as Markdown (default: docs/_bench/results.md, for the default sizes)")
    args = parser.parse_args(argv)
    if args.sizes == "100,500,2000":  # only a full run replaces the published results
        args.out = args.out or str(ROOT / "bench-results.json")
        args.doc = args.doc or str(ROOT / "docs/_bench/results.md")
    sizes = [int(s) for s in args.sizes.split(",")]
    reference_before = cpu_reference()
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        work = Path(tmp)
        print("the real site: building...", flush=True)
        real = run_real(work)
        print(json.dumps(real), flush=True)
        results = []
        for n in sizes:
            print(f"N = {n}: building...", flush=True)
            results.append(run_size(n, work, args.jobs, audit=n == max(sizes)))
            print(json.dumps({k: v for k, v in results[-1].items() if k != "incremental_docs"}), flush=True)
        print("validating 20,000 claims...", flush=True)
        v20k = validate_20k(work)
    info = {**machine(), "cpu_reference_s": [reference_before, cpu_reference()]}
    command = "make bench" if args.sizes == "100,500,2000" else f"make bench BENCH_ARGS='--sizes {args.sizes}'"
    large, large_label, why_no_large = large_size(results)
    verdicts = budgets.judge_all(real.get("reader"), (large or {}).get("reader"), large_label, why_no_large)
    text = table(results, v20k, info, command, real, verdicts)
    print(text)
    if args.out:
        Path(args.out).write_text(
            json.dumps(
                {
                    "machine": info,
                    "budgets": [dataclasses.asdict(v) for v in verdicts],
                    "real": real,
                    "sizes": results,
                    "validate_20k": v20k,
                },
                indent=1,
            )
            + "\n"
        )
    if args.doc:
        Path(args.doc).parent.mkdir(parents=True, exist_ok=True)
        Path(args.doc).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
