"""Synthetic corpora with the real schema, for the benchmark (and the same
content as plain hand-written MyST pages, for the baseline).

N events, each with a few claims quoting sentences of synthetic sources, one
figure per event, claimants and measures shared.  Every record validates.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

CLAIMS_PER_EVENT = 3
EVENTS_PER_SOURCE = 10
PLACES = ["Aleppo", "Idlib", "Hama", "Homs", "Raqqa", "Latakia", "Deir ez-Zor", "Tartus"]
WORDS = ["monitor", "ministry", "agency", "commander", "official", "spokesperson", "witness", "resident"]


# Each source writes in its own words (drawn from a vocabulary), as independent
# reports do: a shared sentence template would make every synthetic source one
# origin (see tooling/origins.py).
VOCABULARY = [
    f"{a}{b}"
    for a in ("al", "be", "ca", "do", "er", "fa", "ga", "hi", "in", "ju", "ka", "lo")
    for b in ("ran", "set", "tol", "mup", "vek", "zor", "qin", "wad", "pex", "lum", "nib", "dor")
]


def _letters(n: int) -> str:
    """A number written as letters ("ba"), so that only figures carry digits."""
    out = ""
    while True:
        n, r = divmod(n, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[r] + out
        if n == 0:
            return out


def sentence(source: int, k: int, numbers: bool = True) -> str:
    """Sentence k of a source.  Only sentences that a claim with a figure quotes
    carry numbers: every number in an article must be recorded (make check)."""
    rnd = random.Random(source * 100_003 + k)
    place = PLACES[(source + k) % len(PLACES)]
    word = WORDS[(source * 7 + k) % len(WORDS)]
    words = [rnd.choice(VOCABULARY) for _ in range(12)]
    count = f" {10 + (k * 7 + source) % 90}" if numbers else ""
    day = f" {k % 30 + 1}" if numbers else ""
    return (
        f"Report {_letters(k)} of source {_letters(source)}: {' '.join(words[:4])} {word}{count} "
        f"{' '.join(words[4:8])} {place}{day} {' '.join(words[8:])}."
    )


def write_corpus(root: Path, n_events: int, claims_per_event: int = CLAIMS_PER_EVENT, seed: int = 1) -> dict:
    """Write conf.py, docs/index.md and claims/ for n_events under root; return counts."""
    rnd = random.Random(seed)
    claims_dir = root / "claims"
    (claims_dir / "sources").mkdir(parents=True, exist_ok=True)
    (claims_dir / "events").mkdir(parents=True, exist_ok=True)
    n_sources = max(2, n_events // EVENTS_PER_SOURCE)
    per_source = EVENTS_PER_SOURCE * claims_per_event + 5
    texts = {}
    for s in range(n_sources):
        quoted = EVENTS_PER_SOURCE * claims_per_event
        lines = [f"Synthetic source {s}", ""] + [
            sentence(s, k, numbers=k < quoted and k % claims_per_event == 0) for k in range(per_source)
        ]
        text = "\n".join(lines)
        texts[s] = lines
        name = f"s{s:05d}.txt"
        (claims_dir / "sources" / name).write_text(text, encoding="utf-8")
        digest = hashlib.sha256(text.encode()).hexdigest()
        publisher = f'"Publisher {s % 7}"' if s % 3 else "null"
        (claims_dir / "sources" / f"s{s:05d}.yaml").write_text(
            f"id: src-{s:05d}\nlabel: Synthetic report {_letters(s)}\ntitle: null\npublisher: {publisher}\nurl: null\n"
            f"published: null\nretrieved: null\nlanguage: en\ntext: {name}\nsha256: {digest}\n"
            "furniture:\n  - lines: [1, 1]\n    kind: navigation\n",
            encoding="utf-8",
        )
    claimants = [f"claimant-{i}" for i in range(max(5, n_events // 20))]
    (claims_dir / "claimants.yaml").write_text(
        "sides:\n  - id: monitors\n    name: Monitors\n    about: Synthetic monitors.\n"
        "claimants:\n"
        + "".join(
            f"  - id: {c}\n    name: Claimant {c[9:]}\n    kind: monitor\n    side: monitors\n"
            f"    description: Synthetic claimant {c[9:]}.\n"
            for c in claimants
        ),
        encoding="utf-8",
    )
    measures = [f"measure-{i}" for i in range(max(3, n_events // 10))]
    (claims_dir / "measures.yaml").write_text(
        "measures:\n"
        + "".join(
            f"  - id: {m}\n    label: Deaths counted as measure {m[8:]}\n    counts: people killed\n    note: Synthetic.\n"
            for m in measures
        ),
        encoding="utf-8",
    )
    n_claims = 0
    for e in range(n_events):
        s = e // EVENTS_PER_SOURCE % n_sources
        s2 = (s + 1) % n_sources
        lines = [
            f"id: event-{e:05d}",
            f"title: Synthetic event {e}",
            "kind: strike",
            "date:",
            "  reported: []",
            "  inferred:",
            f"    start: 2024-11-{e % 28 + 1:02d}",
            f"    end: 2024-11-{e % 28 + 1:02d}",
            "    basis: Synthetic.",
            f"place: {PLACES[e % len(PLACES)]}",
            f"summary: Synthetic event {e} for the benchmark.",
            "claims:",
        ]
        for c in range(claims_per_event):
            k = (e % EVENTS_PER_SOURCE) * claims_per_event + c
            quote = texts[s][2 + k]
            cid = f"e{e:05d}-c{c}"
            lines += [
                f"  - id: {cid}",
                '    published: "2026-11-22"',
                f"    text: A monitor says claim {c} of event {e}.",
                f"    claimant: {rnd.choice(claimants)}",
                "    citations:",
                f"      - source: src-{s:05d}",
                f"        quote: {json.dumps(quote)}",
            ]
            if c == 0 and s2 != s:
                lines += [f"      - source: src-{s2:05d}", f"        quote: {json.dumps(texts[s2][2 + k])}"]
            lines += ["    rating: reported", "    rationale: Synthetic."]
            if e % 10 == 0 and c == 1:  # a corrections log on one claim in thirty, as after a re-rating pass
                lines += [
                    "    corrections:",
                    '      - date: "2026-12-01"',
                    "        changes:",
                    "          - field: rating",
                    "            old: unverified",
                    "            new: reported",
                    "        reason: Synthetic re-rating.",
                ]
            if c == 0:
                lines += [
                    "    figure:",
                    f"      measure: {measures[e % len(measures)]}",
                    f"      value: {10 + (k * 7 + s) % 90}",
                    "      qualifier: exact",
                    "      unit: people",
                    f"      scope: near {PLACES[(s + k) % len(PLACES)]}",
                    "      as_of: null",
                ]
            n_claims += 1
        (claims_dir / "events" / f"event-{e:05d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"events": n_events, "claims": n_claims, "sources": n_sources, "claimants": len(claimants)}


def write_site(root: Path, conf_src: Path, extension: bool = True) -> None:
    """conf.py (the project's, optionally without the tooling extension) and a home page."""
    conf = conf_src.read_text(encoding="utf-8")
    if not extension:
        conf = conf.replace('    "tooling.sphinxext",\n', "")
    (root / "conf.py").write_text(conf, encoding="utf-8")
    docs = root / "docs"
    (docs / "_static").mkdir(parents=True, exist_ok=True)
    static = conf_src.parent / "docs" / "_static"
    for f in static.iterdir():
        (docs / "_static" / f.name).write_bytes(f.read_bytes())
    if extension:
        (docs / "index.md").write_text(
            "# Benchmark\n\n```{toctree}\n:hidden:\n\nevents/index\nclaims/index\nfigures/index\n"
            "claimants/index\nsources/index\ncorrections/index\n```\n",
            encoding="utf-8",
        )


def write_plain_myst(root: Path, corpus) -> None:
    """The same content as hand-written MyST pages: the baseline of bare Sphinx."""
    docs = root / "docs"
    for sub in ("events", "sources"):
        (docs / sub).mkdir(parents=True, exist_ok=True)
    events = corpus.events_in_order()
    for e in events:
        out = [
            f"# {e.title}\n",
            f"- When: {e.inferred_date.display()} (inferred)",
            f"- Where: {e.place}\n",
            e.summary + "\n",
            f"## Claims ({len(e.claims)})\n",
        ]
        for c in e.claims:
            out.append(f"### {c.text}\n\n{c.rating.capitalize()}. Claimed by {corpus.claimants[c.claimant].name}.\n")
            if c.figure:
                out.append(f"**Figure:** {c.figure.display()} — {c.figure.scope}\n")
            for cit in c.citations:
                out.append(f"> “{cit.quote}”\n>\n> — [{cit.source}, line {cit.line}](../sources/{cit.source}.md)\n")
            out.append(f"**Why this rating:** {c.rationale}\n")
        (docs / "events" / f"{e.id}.md").write_text("\n".join(out), encoding="utf-8")
    (docs / "events" / "index.md").write_text(
        "# Events\n\n"
        + "".join(f"- [{e.title}]({e.id}.md)\n" for e in events)
        + "\n```{toctree}\n:hidden:\n\n"
        + "".join(f"{e.id}\n" for e in events)
        + "```\n",
        encoding="utf-8",
    )
    for s in corpus.sources.values():
        body = "\n\n".join(line for line in s.text.split("\n") if line.strip())
        (docs / "sources" / f"{s.id}.md").write_text(f"# {s.label}\n\n{body}\n", encoding="utf-8")
    (docs / "sources" / "index.md").write_text(
        "# Sources\n\n```{toctree}\n:hidden:\n\n" + "".join(f"{s}\n" for s in sorted(corpus.sources)) + "```\n",
        encoding="utf-8",
    )
    # The aggregate pages too: all claims, figures by measure, one page per claimant.
    for sub in ("claims", "figures", "claimants"):
        (docs / sub).mkdir(parents=True, exist_ok=True)
    claims = [c for e in events for c in e.claims]
    rows = "".join(
        f"| [{c.text}](../events/{c.event}.md) | {c.rating} | {corpus.claimants[c.claimant].name} |\n" for c in claims
    )
    (docs / "claims" / "index.md").write_text(
        "# All claims\n\n| Claim | Rating | Claimant |\n|---|---|---|\n" + rows, encoding="utf-8"
    )
    fig = ["# Contested figures\n"]
    for m, cs in sorted(corpus.figures_by_measure().items()):
        fig.append(f"## {corpus.measures[m].label}\n\n| Value | Claimant | Claim |\n|---|---|---|")
        fig += [
            f"| {c.figure.display()} | {corpus.claimants[c.claimant].name} | [{c.text}](../events/{c.event}.md) |"
            for c in cs
        ]
        fig.append("")
    (docs / "figures" / "index.md").write_text("\n".join(fig), encoding="utf-8")
    used = sorted({c.claimant for c in claims})
    for who in used:
        mine = "".join(f"- [{c.text}](../events/{c.event}.md)\n" for c in claims if c.claimant == who)
        (docs / "claimants" / f"{who}.md").write_text(f"# {corpus.claimants[who].name}\n\n{mine}", encoding="utf-8")
    (docs / "claimants" / "index.md").write_text(
        "# Claimants\n\n```{toctree}\n:hidden:\n\n" + "".join(f"{w}\n" for w in used) + "```\n", encoding="utf-8"
    )
    (docs / "index.md").write_text(
        "# Benchmark\n\n```{toctree}\n:hidden:\n\nevents/index\nclaims/index\nfigures/index\nclaimants/index\n"
        "sources/index\n```\n",
        encoding="utf-8",
    )
