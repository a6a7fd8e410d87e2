"""``make bench``: how the build scales with the number of records.

For N = 100, 500 and 2,000 synthetic events (real schema) in a temporary
folder, measures in one run: validation time; full build time and time per
page; bytes of one event page; an incremental rebuild after one claim is
edited (time, pages re-read and re-written); a parallel build (-j 2); peak
memory; and the same content as plain hand-written MyST pages with the same
theme and bare Sphinx, for the tooling's overhead ratio, and bare Sphinx's rebuild
after one of those pages changed (the floor under any edit).  Also the time to
validate 20,000 claims.  Prints a table and writes bench-results.json and
docs/_bench/results.md (included by docs/benchmarks.md).

Every build runs in its own process (``python -m sphinx``) so that times and
peak memory (``os.wait4``'s ru_maxrss) are that build's alone.
"""

from __future__ import annotations

import argparse
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

from . import weight
from .sphinxext.domain import GENERATED_DIRS
from .synthetic import write_corpus, write_plain_myst, write_site
from .validate import check

ROOT = Path(__file__).resolve().parent.parent


def sphinx(site: Path, *extra: str, fresh: bool = False) -> dict:
    """Run one build; return seconds, peak RSS (MB), docs read and written."""
    args = [sys.executable, "-m", "sphinx", "-b", "html", "-c", ".", *extra, "docs", "_build/html"]
    if fresh:
        args.insert(3, "-E")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
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
    }


def html_pages(site: Path) -> int:
    return sum(1 for p in (site / "_build/html").rglob("*.html") if "_static" not in p.parts)


def event_page_bytes(site: Path) -> int:
    return (site / "_build/html/events/event-00001.html").stat().st_size


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


def run_size(n: int, work: Path, jobs: int) -> dict:
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
    reader = reader_weight(site / "_build/html", SYNTHETIC_PAGES, lighthouse=n >= 2000)
    noop = median([sphinx(site) for _ in range(REPEATS)])
    edits = []
    for k in range(1, REPEATS + 1):
        edit_one_claim(site, k)
        edits.append(sphinx(site))
    incremental = median(edits)
    shutil.rmtree(site / "_build")
    parallel = sphinx(site, "-j", str(jobs))
    # Baseline: the same content as plain MyST, bare Sphinx, same theme.
    plain = work / f"plain-{n}"
    plain.mkdir()
    write_site(plain, ROOT / "conf.py", extension=False)
    write_plain_myst(plain, corpus)
    baseline = sphinx(plain)
    baseline_pages = html_pages(plain)
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
        "baseline_s": baseline["seconds"],
        "baseline_pages": baseline_pages,
        "baseline_per_page_ms": round(1000 * baseline["seconds"] / baseline_pages, 2),
        "overhead": round(full["seconds"] / baseline["seconds"], 3),
        "baseline_edit_s": plain_edit["seconds"],
        "baseline_edit_ratio": round(plain_edit["seconds"] / full["seconds"], 3),
        "reader": reader,
    }


# The pages a reader lands on: home, an event, the claims index, the corrections log, a source.
SYNTHETIC_PAGES = {
    "home": "index.html",
    "event": "events/event-00001.html",
    "claims index": "claims/index.html",
    "corrections": "corrections/index.html",
    "source": "sources/src-00000.html",
}
REAL_PAGES = {
    "home": "index.html",
    "event": "events/dormitory-strike.html",
    "claims index": "claims/index.html",
    "corrections": "corrections/index.html",
    "source": "sources/src-003.html",
}
LIGHTHOUSE_PAGES = ("home", "event", "claims index")


def reader_weight(outdir: Path, pages: dict[str, str], lighthouse: bool) -> dict:
    """First-visit bytes of each page (headless Chromium), and Lighthouse mobile performance where asked."""
    if not weight.available():
        return {}
    visits = weight.first_visits(outdir, list(pages.values()))
    scores = weight.lighthouse(outdir, [pages[k] for k in LIGHTHOUSE_PAGES]) if lighthouse else {}
    return {
        name: {**visits[path], **({"lighthouse": scores[path]["score"]} if path in scores else {})}
        for name, path in pages.items()
    }


def run_real(work: Path) -> dict:
    """The project's own site, at its real size: build time and reader weight."""
    site = work / "real"
    site.mkdir()
    shutil.copy(ROOT / "conf.py", site / "conf.py")
    shutil.copytree(ROOT / "claims", site / "claims")
    shutil.copytree(
        ROOT / "docs",
        site / "docs",
        ignore=shutil.ignore_patterns("_build", *GENERATED_DIRS),
    )
    corpus, problems = check(site / "claims", site)
    assert not problems, problems.report()
    full = sphinx(site)
    return {
        "events": len(corpus.events),
        "claims": len(corpus.claims),
        "pages": html_pages(site),
        "full_s": full["seconds"],
        "peak_mb": full["peak_mb"],
        "reader": reader_weight(site / "_build/html", REAL_PAGES, lighthouse=True),
    }


def weight_table(real: dict, results: list[dict]) -> list[str]:
    rows = [("real site", real)] + [(f"N = {r['n_events']:,}", r) for r in results]
    if not any(r.get("reader") for _, r in rows):
        return [
            "Reader weight not measured: it needs Chromium (/usr/bin/chromium) and Playwright (requirements-test.txt)."
        ]
    names = list(SYNTHETIC_PAGES)
    head = "| site | " + " | ".join(names) + " |"
    sep = "|" + "---|" * (len(names) + 1)
    body = []
    for label, r in rows:
        cells = []
        for name in names:
            w = r.get("reader", {}).get(name)
            if not w:
                cells.append("–")
                continue
            lh = f", Lighthouse {w['lighthouse']}" if "lighthouse" in w else ""
            cells.append(f"{w['total'] / 1024:.0f} KiB (page {w['page'] / 1024:.1f} KiB){lh}")
        body.append(f"| {label} | " + " | ".join(cells) + " |")
    return [
        "Reader weight: what a first visit downloads (the page and every file it loads in headless "
        "Chromium, text gzipped as a host sends it), and Lighthouse 13 mobile performance where measured.",
        "",
        head,
        sep,
        *body,
        "",
    ]


def validate_20k(work: Path) -> dict:
    site = work / "validate-20k"
    site.mkdir()
    counts = write_corpus(site, 4000, claims_per_event=5)
    t = time.perf_counter()
    corpus, problems = check(site / "claims", site)
    seconds = time.perf_counter() - t
    assert not problems
    return {"claims": len(corpus.claims), "events": counts["events"], "seconds": round(seconds, 2)}


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


def table(results: list[dict], v20k: dict, info: dict, command: str, real: dict) -> str:
    head = (
        "| N events | pages | validate | full build | per page | event page | peak RSS | no-op rebuild (median of 3) | "
        "one-claim edit (median of 3): time (share of full), re-read / written | parallel -j2 | bare Sphinx, same content | overhead |"
    )
    sep = "|" + "---|" * 12
    rows = [
        f"| {r['n_events']:,} | {r['pages']:,} | {r['validate_s']:.2f} s | {r['full_s']:.1f} s | "
        f"{r['per_page_ms']:.0f} ms | {r['event_page_bytes'] / 1024:.1f} KB | {r['peak_mb']:.0f} MB | "
        f"{r['noop_s']:.1f} s ({r['noop_read']} read) | {r['incremental_s']:.1f} s ({100 * r['incremental_ratio']:.0f}%), "
        f"{r['incremental_read']} / {r['incremental_written']} | {r['parallel_s']:.1f} s | "
        f"{r['baseline_s']:.1f} s ({r['baseline_pages']:,} pages) | {r['overhead']:.2f}× |"
        for r in results
    ]
    first, last = results[0], results[-1]
    growth = last["per_page_ms"] / first["per_page_ms"]
    mid = next((r for r in results if r["n_events"] == 500), last)
    targets = [
        f"- Per-page cost at N = {last['n_events']:,} vs N = {first['n_events']:,}: {growth:.2f}× (target ≤ 1.25×).",
        "- Full-build overhead vs bare Sphinx on the same content: "
        + ", ".join(f"{r['overhead']:.2f}× at N = {r['n_events']:,}" for r in results)
        + " (target ≤ 1.15×).",
        f"- One-claim edit at N = {mid['n_events']:,}: {mid['incremental_read']} pages re-read "
        f"({', '.join(mid['incremental_docs'][:12])}), {100 * mid['incremental_ratio']:.0f}% of the full build "
        "(target ≤ 10%); bare Sphinx's own rebuild after one page of the baseline changed takes "
        f"{mid['baseline_edit_s']:.1f} s, {100 * mid['baseline_edit_ratio']:.0f}% of the same full build.",
        f"- Validating {v20k['claims']:,} claims in {v20k['events']:,} files: {v20k['seconds']:.2f} s (target ≤ 2 s).",
    ]
    return "\n".join(
        [
            f"Measured {time.strftime('%Y-%m-%d')} on {info['cpu']}, {info['cores']} cores, {info['system']}, "
            f"Python {info['python']}, Sphinx {info['sphinx']}. Command: `{command}`.",
            "",
            f"The real site: {real['events']} events, {real['claims']} claims, {real['pages']} pages, full build "
            f"{real['full_s']:.1f} s, peak {real['peak_mb']:.0f} MB.",
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
    parser = argparse.ArgumentParser(prog="python -m tooling.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,500,2000")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", help="results as JSON (default: bench-results.json, for the default sizes)")
    parser.add_argument("--doc", help="results as Markdown (default: docs/_bench/results.md, for the default sizes)")
    args = parser.parse_args(argv)
    if args.sizes == "100,500,2000":  # only a full run replaces the published results
        args.out = args.out or str(ROOT / "bench-results.json")
        args.doc = args.doc or str(ROOT / "docs/_bench/results.md")
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        work = Path(tmp)
        print("the real site: building...", flush=True)
        real = run_real(work)
        print(json.dumps(real), flush=True)
        results = []
        for n in sizes:
            print(f"N = {n}: building...", flush=True)
            results.append(run_size(n, work, args.jobs))
            print(json.dumps({k: v for k, v in results[-1].items() if k != "incremental_docs"}), flush=True)
        print("validating 20,000 claims...", flush=True)
        v20k = validate_20k(work)
    info = machine()
    command = "make bench" if args.sizes == "100,500,2000" else f"python -m tooling.bench --sizes {args.sizes}"
    text = table(results, v20k, info, command, real)
    print(text)
    if args.out:
        Path(args.out).write_text(
            json.dumps({"machine": info, "real": real, "sizes": results, "validate_20k": v20k}, indent=1) + "\n"
        )
    if args.doc:
        Path(args.doc).parent.mkdir(parents=True, exist_ok=True)
        Path(args.doc).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
