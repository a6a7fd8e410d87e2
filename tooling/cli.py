"""``tooling/run`` (``python -m tooling`` in the project's environment): the editors' and maintainers' command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .records import count
from .validate import check


def _base(claims: Path):
    """The published records when FACTCHECK_BASE names a git ref, else None."""
    import os

    from .corrections import BaseError, load_base

    ref = os.environ.get("FACTCHECK_BASE", "").strip()
    if not ref:
        return None
    try:
        return load_base(ref, claims)
    except BaseError as exc:
        raise SystemExit(f"error: {exc}") from None


def _notes(corpus) -> list[str]:
    """What an editor should see but that is not an error: recorded origins the measure disputes."""
    from .origins import disagreements

    declared = {sid: s.declared_origin for sid, s in corpus.sources.items()}
    return [
        f"{display(corpus.sources[sid].yaml_path)}: note: {text}"
        for sid, text in disagreements(corpus.origins, declared)
    ] + schema_line_notes(corpus)


def schema_line_notes(corpus) -> list[str]:
    """Record files whose first line does not name their schema: a note, not an error (the line
    only gives editors completion and errors as they type), with the line to paste."""
    import os

    schema_dir = Path(__file__).parent / "schema"
    files = [(e.yaml_path, "event") for e in corpus.events.values()]
    files += [(s.yaml_path, "source") for s in corpus.sources.values()]
    if corpus.sources:
        top = next(iter(corpus.sources.values())).yaml_path.parent.parent
        files += [(top / f"{n}.yaml", n) for n in ("claimants", "measures", "places", "corrections", "style")]
    out = []
    for path, kind in files:
        if not path.is_file():
            continue
        with path.open(encoding="utf-8") as f:
            first = f.readline()
        if not first.startswith("# yaml-language-server: $schema="):
            rel = Path(os.path.relpath(schema_dir / f"{kind}.schema.json", path.parent)).as_posix()
            out.append(
                f"{display(path)}:1:1: note: no schema line; paste "
                f"'# yaml-language-server: $schema={rel}' as the first line for completion in your editor"
            )
    return out


def display(path: Path) -> str:
    from .problems import display_path

    return display_path(path, Path.cwd())


def _cmd_check(args) -> int:
    claims = Path(args.claims)
    base = _base(claims)
    corpus, problems = check(claims, Path.cwd(), base)
    if not problems:
        for line in _notes(corpus):
            print(line)
    if problems:
        ordered = problems.ordered()
        if args.format == "github":
            import os

            from .problems import github_annotations, github_summary

            print("\n".join(github_annotations(ordered)))
            summary = os.environ.get("GITHUB_STEP_SUMMARY")
            if summary:
                with open(summary, "a", encoding="utf-8") as f:
                    f.write(github_summary(ordered))
        else:
            print("\n".join(str(p) for p in ordered))
        n = len(ordered)
        print(f"{count(n, 'problem')} found; the site will not build until they are fixed.", file=sys.stderr)
        return 1
    translated = _translations_report(claims)
    if translated:
        return translated
    n_claims = len(corpus.claims)
    print(
        f"ok: {len(corpus.sources)} sources, {len(corpus.events)} events, {n_claims} claims, "
        f"{sum(1 for c in corpus.claims.values() if c.figure)} figures, "
        f"{count(len(corpus.origins.groups), 'origin group')}"
        + (f"; every change since {_base_ref()} is in a corrections log" if base is not None else "")
    )
    return 0


def _translations_report(claims: Path) -> int:
    """The translations' problems (a number or reference unlike the English's: an error), their
    outdated entries (notes: the page shows the English meanwhile) and coverage per page type."""
    from .catalogs import interface_missing
    from .i18n import DOMAIN
    from .translations import EDITIONS, LOCALE, MISSING, STATUSES, coverage_lines, report

    result = report(Path.cwd(), claims)
    for lang in EDITIONS:
        # Strings of the code not yet in the catalog are missing too (shown in English).
        missing = interface_missing(Path.cwd(), lang) if (Path.cwd() / "tooling").is_dir() else []
        if missing:
            result.coverage.setdefault(f"{lang}: interface", dict.fromkeys(STATUSES, 0))[MISSING] += len(missing)
            result.notes.append(
                f"{LOCALE}/{lang}/LC_MESSAGES/{DOMAIN}.po:1:1: note: {len(missing)} interface string(s) of the code are "
                f"not in the catalog yet (readers get the English), such as {missing[0]!r}: run "
                "'tooling/run translations update', then translate them"
            )
    for line in result.notes + coverage_lines(result.coverage):
        print(line)
    if result.problems:
        print("\n".join(str(p) for p in result.problems.ordered()))
        n = len(result.problems)
        print(f"{count(n, 'problem')} found in the translations; fix them before publishing.", file=sys.stderr)
        return 1
    return 0


def _cmd_translations(args) -> int:
    from .catalogs import update_all

    for line in update_all(Path.cwd(), Path(args.claims), pages=not args.records_only):
        print(line)
    print("Next: translate the empty and fuzzy entries, then run 'make check'.")
    return 0


def _base_ref() -> str:
    import os

    return os.environ.get("FACTCHECK_BASE", "")


def _cmd_origins(args) -> int:
    from .origins import THRESHOLD, describe

    corpus, problems = check(Path(args.claims), Path.cwd())
    if not corpus.sources:
        print(problems.report() or "no sources found")
        return 1
    for line in describe(corpus.origins):
        print(line)
    for line in _notes(corpus):
        print(line)
    print(
        f"{len(corpus.origins.groups)} origin group(s) among {len(corpus.sources)} source(s); texts are one origin "
        f"when their 5-word shingle containment is >= {THRESHOLD} (tooling/run origins --help says why)"
    )
    return 0


def _cmd_editor_schemas(args) -> int:
    from .editor_schemas import write

    corpus, problems = check(Path(args.claims), Path.cwd())
    if write(corpus):
        print("updated tooling/schema/ids.schema.json: editors' completion knows today's ids")
    return 0


def _cmd_corrections(args) -> int:
    """The corrections entries that the changes since FACTCHECK_BASE still need: printed
    where they go (after which line of which file, indented for it), or written there."""
    import datetime
    import shlex

    import yaml

    from .corrections import draft
    from .yamledit import EditError, append_item, replace_file, where_item_goes

    claims = Path(args.claims)
    base = _base(claims)
    if base is None:
        print(
            "error: set FACTCHECK_BASE to the published state, e.g. FACTCHECK_BASE=origin/main tooling/run corrections",
            file=sys.stderr,
        )
        return 2
    corpus, problems = check(claims, Path.cwd())
    unread = sorted(cid for cid in base if cid not in corpus.claims)
    if problems and unread:
        # A published claim the validator could not read has no changes to draft: say so, not nothing.
        shown = ", ".join(unread[:5]) + (f" and {len(unread) - 5} more" if len(unread) > 5 else "")
        print(
            f"{len(problems)} problem(s) in the records (make check lists them) leave published claims "
            f"unread ({shown}), so their changes cannot be drafted; fix them, then run this again",
            file=sys.stderr,
        )
        return 1
    gone = [cid for cid in unread if base[cid].retracted is None]
    if gone:
        print(
            f"published claims are gone ({', '.join(gone)}): published claims are never deleted; "
            "restore each and mark it 'retracted' with a date and reason",
            file=sys.stderr,
        )
        return 1
    date = args.date or datetime.date.today().isoformat()
    entries = draft(base, corpus, date)
    by_file: dict[Path, list[tuple[int, str, str]]] = {}
    for cid, changes in entries.items():
        path = corpus.events[corpus.claims[cid].event].yaml_path
        claim_ids = [c.get("id") for c in yaml.safe_load(path.read_text(encoding="utf-8"))["claims"]]
        item = yaml.safe_dump(
            {"date": date, "changes": changes, "reason": "REPLACE: what changed and why, for readers"},
            allow_unicode=True,
            sort_keys=False,
            width=100,
        )
        by_file.setdefault(path, []).append((claim_ids.index(cid), cid, item))
    failed = 0
    for path, items in by_file.items():
        text = path.read_text(encoding="utf-8")
        # Bottom-up, so that each printed line number is still right after pasting the ones below it.
        for index, cid, item in sorted(items, reverse=True):
            try:
                at, added, _ = where_item_goes(text, ("claims", index), "corrections", item)
            except EditError as exc:
                print(f"{display(path)}: claim {cid}: {exc}", file=sys.stderr)
                failed += 1
                continue
            if args.write:
                text = append_item(text, ("claims", index), "corrections", item)
                continue
            print(f"# {display(path)}, claim {cid}: paste after line {text.count(chr(10), 0, at)}:")
            print(added, end="")
        if args.write:
            replace_file(path, text)
            print(f"wrote {len(items)} corrections entr{'y' if len(items) == 1 else 'ies'} into {display(path)}")
    n = len(entries)
    if n and not args.write:
        ref = shlex.quote(getattr(base, "ref", "origin/main"))
        print(
            f"{n} claim(s) need a corrections entry; FACTCHECK_BASE={ref} tooling/run corrections --write "
            "adds them, then replace each REPLACE: reason",
            file=sys.stderr,
        )
    elif n:
        print(
            f"{n} claim(s) given a corrections entry: replace each REPLACE: reason, then run make check",
            file=sys.stderr,
        )
    return 1 if (n and not args.write) or failed else 0


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
    print(
        f"{len(missing)} number(s) and name(s) in the article texts are not covered by any record "
        "(cover them with a claim, or list them under the source's not_recorded with a reason)"
    )
    return 1 if missing else 0


def _cmd_style(args) -> int:
    """The readability report: words per sentence and reading ease, per page type."""
    import yaml

    from .prose import readability

    corpus, problems = check(Path(args.claims), Path.cwd())
    if problems:
        print(problems.report())
        return 1
    folder = Path(args.claims)
    files = sorted(folder.glob("events/*.yaml")) + sorted(folder.glob("sources/*.yaml"))
    files += [folder / n for n in ("claimants.yaml", "measures.yaml", "places.yaml", "corrections.yaml")]
    docs = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in files if f.is_file()]
    rows = readability(corpus, docs)
    head = f"{'Page type':42} {'texts':>5} {'sent.':>5} {'words/sentence: mean':>21} {'median':>6} {'max':>4} {'>25':>4} {'ease':>5}"
    print(head)
    for r in rows:
        ease = f"{r['ease']:.0f}" if r["ease"] is not None else "-"
        print(
            f"{r['kind']:42} {r['texts']:>5} {r['sentences']:>5} {r['mean']:>21.1f} {r['median']:>6} "
            f"{r['max']:>4} {r['over_25']:>4} {ease:>5}"
        )
    print("Reading ease is Flesch's (60-70 plain English; lower is harder). Limits: claims/style.yaml.")
    return 0


def _cmd_corroboration(args) -> int:
    """Passages of independent origins a claim does not cite that share its key words: a prompt."""
    from .corroboration import candidates

    corpus, problems = check(Path(args.claims), Path.cwd())
    if problems:  # a prompt: still useful while other problems are being fixed
        print(f"({len(problems)} problem(s) in the records: 'make check' lists them)", file=sys.stderr)
    found = candidates(corpus)
    for c in found:
        source = corpus.sources[c.source]
        print(
            f"{c.claim.id} ({c.claim.rating}): {source.label} ({c.source}), line {c.line} shares "
            f"{', '.join(c.shared)} ({c.share:.0%} of its key words)\n    “{c.sentence}”"
        )
    print(
        f"{len(found)} passage(s) of independent origins share a claim's key words. For each: if it "
        "carries the claim, cite it (and rate it again); if not, keep the claim to what its own "
        "origin says. A prompt, not an error."
    )
    return 0


def _cmd_quote(args) -> int:
    from .quotefinder import find_passages, nearest_sentence

    corpus, problems = check(Path(args.claims), Path.cwd())
    source = corpus.sources.get(args.source)
    if source is None:
        known = ", ".join(sorted(corpus.sources)) or "none (fix the problems 'check' reports)"
        print(f"unknown source '{args.source}'; sources: {known}", file=sys.stderr)
        return 1
    passages = find_passages(source, args.words)
    if not passages:
        near = nearest_sentence(source, args.words)
        said = (
            f"; the nearest sentence, line {near[0]}:\n  {_yaml_string(near[1])}"
            if near
            else ": none of those words is in its article (page furniture is not quoted)"
        )
        print(f"no passage of {args.source} has those words in that order{said}", file=sys.stderr)
        return 1
    for line, passage, sentence in passages:
        print(f"{args.source} line {line}:")
        print(f"  quote: {_yaml_string(passage)}")
        if sentence != passage:
            print(f"  whole sentence: {_yaml_string(sentence)}")
    return 0


def _cmd_new(args) -> int:
    from .problems import closest
    from .skeleton import (
        SkeletonError,
        append_claim,
        check_id,
        check_text_name,
        claim_block,
        claim_item,
        event_text,
        exact_quote,
        places_with,
        source_text,
        write_new,
    )
    from .yamledit import replace_file

    claims = Path(args.claims)
    try:
        check_id(args.id, {"event": "event", "claim": "claim", "source": "source"}[args.kind])
        if args.kind == "event" and args.claim_id:
            check_id(args.claim_id, "claim")
        corpus, problems = check(claims, Path.cwd())
        if args.kind == "source":
            text = Path(args.text)
            if text.parent.resolve() != (claims / "sources").resolve() or not text.is_file():
                raise SkeletonError(
                    f"put the captured text in {claims / 'sources'}/ first, byte for byte, "
                    "keeping its file name; then pass its path"
                )
            check_text_name(text.name)
            if args.id in corpus.sources:
                raise SkeletonError(
                    f"source id '{args.id}' is already used by {display(corpus.sources[args.id].yaml_path)}; "
                    "choose another id"
                )
            target = text.with_suffix(".yaml")
            write_new(target, source_text(text, args.id))
            print(f"wrote {target}")
            return 0
        _refuse_taken_ids(corpus, args)
        if args.claimant not in corpus.claimants:
            near = closest(args.claimant, corpus.claimants)
            hint = f"did you mean '{near}'? " if near else ""
            raise SkeletonError(
                f"unknown claimant '{args.claimant}'; {hint}use an id of claims/claimants.yaml, "
                "or add the claimant there first"
            )
        quote = exact_quote(corpus, args.source, args.words)
        if args.kind == "event":
            target = claims / "events" / f"{args.id}.yaml"
            places = claims / "places.yaml"
            new_places = places_with(places, args.id)  # before anything is written: may refuse
            write_new(
                target, event_text(args.id, args.claim_id or f"{args.id}-claim", args.source, quote, args.claimant)
            )
            print(f"wrote {target}")
            if new_places is not None:
                replace_file(places, new_places)
                print(f"listed '{args.id}' in {places} under unmapped, with a reason to replace")
            print("next: replace every REPLACE: value (make check lists them), then run make check")
            return 0
        if not args.append:
            print(claim_block(args.id, args.source, quote, args.claimant), end="")
            return 0
        event_path = claims / "events" / f"{args.event}.yaml"
        if not event_path.is_file():
            raise SkeletonError(f"no event file {event_path}")
        append_claim(event_path, claim_item(args.id, args.source, quote, args.claimant))
        print(f"appended claim '{args.id}' to {event_path}")
        return 0
    except SkeletonError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _refuse_taken_ids(corpus, args) -> None:
    """A skeleton must not reuse an id: say where the id is already defined."""
    from .skeleton import SkeletonError

    if args.kind == "event" and args.id in corpus.events:
        raise SkeletonError(
            f"event id '{args.id}' is already used by {display(corpus.events[args.id].yaml_path)}; "
            "the new command never overwrites a file: choose another id"
        )
    wanted = [args.id] if args.kind == "claim" else [args.claim_id or f"{args.id}-claim"]
    for cid in wanted:
        if cid in corpus.claims:
            taken = corpus.claims[cid]
            where = display(corpus.events[taken.event].yaml_path) if taken.event in corpus.events else taken.event
            raise SkeletonError(
                f"claim id '{cid}' is already used in {where} (event '{taken.event}'); choose another id"
            )


def _yaml_string(value: str) -> str:
    """The text as a YAML double-quoted scalar, ready to paste."""
    import json

    return json.dumps(value, ensure_ascii=False)


def _cmd_clean_pages(args) -> int:
    from .sphinxext.pages import remove_generated

    for path in remove_generated(Path(args.docs)):
        print(f"{path}: not a generated page; left in place")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tooling/run", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("check", help="validate every record under claims/")
    p.add_argument("--claims", default="claims", help="the claims folder (default: claims)")
    p.add_argument(
        "--format",
        choices=["text", "github"],
        default="text",
        help="'github' prints workflow annotations for pull requests",
    )
    p.set_defaults(func=_cmd_check)

    def command(name: str, help: str, func):
        """A subcommand that reads the records (every one takes --claims)."""
        q = sub.add_parser(name, help=help)
        q.add_argument("--claims", default="claims", help="the claims folder (default: claims)")
        q.set_defaults(func=func)
        return q

    o = command("origins", "group the sources by origin (shared wording) and show the evidence", _cmd_origins)
    from . import origins as _origins

    o.description = _origins.__doc__.split("\n\nPairs are found")[0]
    o.formatter_class = argparse.RawDescriptionHelpFormatter
    q = command("corrections", "print the corrections entries your changes since FACTCHECK_BASE need", _cmd_corrections)
    q.add_argument("--date", help="the correction date (default: today)")
    q.add_argument("--write", action="store_true", help="add the entries to the event files, ready for their reason")
    command(
        "editor-schemas", "write the ids editors' YAML language servers complete (make check does)", _cmd_editor_schemas
    )
    command("coverage", "list numbers and names in the sources that no record covers", _cmd_coverage)
    command("corroboration", "passages of independent origins that may carry a claim (a prompt)", _cmd_corroboration)
    command("style", "the readability report: words per sentence and reading ease, per page type", _cmd_style)
    t = sub.add_parser("translations", help="translation catalogs: 'update' brings them in step with the English")
    t.add_argument("action", choices=["update"], help="update: extract the English and merge it into locale/")
    t.add_argument("--claims", default="claims")
    t.add_argument("--records-only", action="store_true", help="only the records' catalogs (no Sphinx run)")
    t.set_defaults(func=_cmd_translations)
    p = sub.add_parser("quote", help="find the exact passage of a source to quote")
    p.add_argument("source", help="source id, e.g. src-003")
    p.add_argument("words", help="some words of the passage, in order")
    p.add_argument("--claims", default="claims")
    p.set_defaults(func=_cmd_quote)
    p = sub.add_parser("clean-pages", help="delete the generated pages under docs/ (make clean does)")
    p.add_argument("docs", nargs="?", default="docs")
    p.set_defaults(func=_cmd_clean_pages)
    p = sub.add_parser("new", help="write a valid skeleton: new event|claim|source")
    kinds = p.add_subparsers(dest="kind", required=True)
    e = kinds.add_parser("event", help="a new event file with one claim")
    e.add_argument("id", help="event id (the file name and page address)")
    e.add_argument("--source", required=True, help="source id of the first claim's quote")
    e.add_argument("--words", required=True, help="some words of the passage to quote, in order")
    e.add_argument("--claimant", required=True, help="claimant id: who asserts it (claims/claimants.yaml)")
    e.add_argument("--claim-id", help="id of the first claim (default: EVENT-claim)")
    c = kinds.add_parser("claim", help="a claim block for an event (printed; --append adds it)")
    c.add_argument("event", help="event id")
    c.add_argument("id", help="claim id")
    c.add_argument("--source", required=True)
    c.add_argument("--words", required=True)
    c.add_argument("--claimant", required=True, help="claimant id: who asserts it (claims/claimants.yaml)")
    c.add_argument("--append", action="store_true", help="add it to claims/events/EVENT.yaml (atomically)")
    s_ = kinds.add_parser("source", help="the metadata file for a captured text already in claims/sources/")
    s_.add_argument("text", help="path of the captured .txt in claims/sources/")
    s_.add_argument("--id", required=True, help="source id, e.g. src-005")
    for q in (e, c, s_):
        q.add_argument("--claims", default="claims")
    p.set_defaults(func=_cmd_new)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
