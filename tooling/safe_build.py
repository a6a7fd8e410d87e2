"""``python -m tooling.safe_build``: build the site aside, then swap it in.

A build that fails (invalid records, a warning under -W, a crash) must never
leave a half-written site where a good one was.  The previous site is copied
to ``OUT.next`` (mtimes kept, so Sphinx still writes only what changed), the
build writes there, and only a successful build is renamed into place; a
failed one is removed and the old site stays as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) < 2:
        print("usage: python -m tooling.safe_build SPHINX-ARGS... SRCDIR OUTDIR", file=sys.stderr)
        return 2
    out = Path(argv[-1])
    nxt = out.with_name(out.name + ".next")
    old = out.with_name(out.name + ".old")
    for leftover in (nxt, old):
        if leftover.exists():
            shutil.rmtree(leftover)
    if out.is_dir():
        shutil.copytree(out, nxt, symlinks=True)  # copy2 keeps mtimes: incremental writes still work
    result = subprocess.run([sys.executable, "-m", "sphinx", *argv[:-1], str(nxt)])
    if result.returncode != 0:
        shutil.rmtree(nxt, ignore_errors=True)
        # The failed run may have saved an environment that believes pages
        # were written; forget it, so the next build re-reads everything.
        if "-d" in argv:
            pickle = Path(argv[argv.index("-d") + 1]) / "environment.pickle"
            pickle.unlink(missing_ok=True)
        where = f"; the previous site in {out} is unchanged" if out.exists() else ""
        print(f"build failed (exit {result.returncode}){where}", file=sys.stderr)
        return result.returncode
    if out.exists():
        os.rename(out, old)
    os.rename(nxt, out)
    shutil.rmtree(old, ignore_errors=True)
    print(f"The new site replaced the previous one in {out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
