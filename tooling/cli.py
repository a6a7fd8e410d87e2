"""``python -m tooling``: the editors' and maintainers' command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .validate import check


def _cmd_check(args) -> int:
    claims = Path(args.claims)
    corpus, problems = check(claims, Path.cwd())
    if problems:
        lines = [p.github() if args.format == "github" else str(p) for p in sorted(set(problems))]
        print("\n".join(lines))
        n = len(set(problems))
        print(f"{n} problem{'s' if n != 1 else ''} found; the site will not build until they are fixed.", file=sys.stderr)
        return 1
    n_claims = len(corpus.claims)
    print(f"ok: {len(corpus.sources)} sources, {len(corpus.events)} events, {n_claims} claims, "
          f"{sum(1 for c in corpus.claims.values() if c.figure)} figures")
    return 0


def _cmd_coverage(args) -> int:
    from .coverage import uncovered

    corpus, problems = check(Path(args.claims), Path.cwd())
    if problems:
        print(problems.report())
        return 1
    skip = {s.id: {t.casefold() for t in s.not_recorded} for s in corpus.sources.values()}
    missing = uncovered(corpus, skip)
    for term in missing:
        print(term)
    print(f"{len(missing)} number(s) and name(s) in the article texts are not covered by any record "
          "(cover them with a claim, or list them under the source's not_recorded with a reason)")
    return 1 if missing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tooling", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help="validate every record under claims/")
    p.add_argument("--claims", default="claims", help="the claims folder (default: claims)")
    p.add_argument("--format", choices=["text", "github"], default="text",
                   help="'github' prints workflow annotations for pull requests")
    p.set_defaults(func=_cmd_check)
    p = sub.add_parser("coverage", help="list numbers and names in the sources that no record covers")
    p.add_argument("--claims", default="claims")
    p.set_defaults(func=_cmd_coverage)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
