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


def _cmd_quote(args) -> int:
    from .quotefinder import find_passages

    corpus, problems = check(Path(args.claims), Path.cwd())
    source = corpus.sources.get(args.source)
    if source is None:
        known = ", ".join(sorted(corpus.sources)) or "none (fix the problems 'check' reports)"
        print(f"unknown source '{args.source}'; sources: {known}", file=sys.stderr)
        return 1
    passages = find_passages(source, args.words)
    if not passages:
        closest = source.folded.closest(args.words)
        print(f"no passage of {args.source} has those words in that order; the closest is:\n{closest}",
              file=sys.stderr)
        return 1
    for line, passage, sentence in passages:
        print(f"{args.source} line {line}:")
        print(f"  quote: {_yaml_string(passage)}")
        if sentence != passage:
            print(f"  whole sentence: {_yaml_string(sentence)}")
    return 0


def _yaml_string(value: str) -> str:
    """The text as a YAML double-quoted scalar, ready to paste."""
    import json

    return json.dumps(value, ensure_ascii=False)


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
    p = sub.add_parser("quote", help="find the exact passage of a source to quote")
    p.add_argument("source", help="source id, e.g. src-003")
    p.add_argument("words", help="some words of the passage, in order")
    p.add_argument("--claims", default="claims")
    p.set_defaults(func=_cmd_quote)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
