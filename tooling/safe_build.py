"""``python -m tooling.safe_build``: build the site aside, then swap it in.

A build that fails (invalid records, a warning under -W, a crash), is killed,
or runs beside another one must never leave a half-written site where a good
one was:

- **One build at a time per output folder.**  An exclusive lock on
  ``OUT.lock`` (``flock``: the kernel releases it when the process dies, so a
  killed build never leaves a stale lock).  A second build waits for the
  first and says so; with ``FACTCHECK_BUILD_WAIT=0`` it stops at once instead.
  The lock also covers the doctree folder, which both builds would share.
- **Unique temporary folders.**  The previous site is copied to a fresh
  ``OUT.next-XXXX`` (mtimes kept, so Sphinx still writes only what changed);
  the build writes there.
- **An atomic swap.**  Only a successful build is exchanged with the published
  folder in one ``renameat2(RENAME_EXCHANGE)`` call (Linux), so there is no
  moment without a site; elsewhere, two renames.
- **Nothing left behind.**  Under the lock, the leftovers of a build that was
  killed (``OUT.next-*``, ``OUT.old-*``) are removed first, and a published
  folder that a kill left renamed aside is put back.  Sphinx runs as a child
  that the kernel stops when this process dies (``PR_SET_PDEATHSIG``), and a
  SIGTERM or Ctrl-C stops the child and removes the temporary folder.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

_RENAME_EXCHANGE = 2  # linux/fs.h
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _libc():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        return None


def exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step; False where the system cannot."""
    libc = _libc()
    fn = getattr(libc, "renameat2", None) if libc else None
    if fn is None:
        return False
    at_fdcwd = -100
    if fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    if ctypes.get_errno() in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False  # a file system without the exchange
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(a))


def _die_with_parent() -> None:
    """In the child, before exec: the kernel sends SIGTERM when the parent dies."""
    libc = _libc()
    if libc is not None and hasattr(libc, "prctl"):
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


@contextlib.contextmanager
def build_lock(out: Path):
    lock_path = out.with_name(out.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if os.environ.get("FACTCHECK_BUILD_WAIT", "1") == "0":
                raise SystemExit(
                    f"another build of {out} is running; wait for it to finish (or unset FACTCHECK_BUILD_WAIT)"
                ) from None
            print(f"another build of {out} is running; waiting for it to finish...", file=sys.stderr, flush=True)
            fcntl.flock(lock, fcntl.LOCK_EX)
        lock.write(f"{os.getpid()}\n")
        lock.flush()
        yield


def recover(out: Path) -> None:
    """Under the lock: undo what a killed build left (no other build can be using it)."""
    leftovers = sorted(out.parent.glob(out.name + ".old-*")) + sorted(out.parent.glob(out.name + ".next-*"))
    if not out.exists():
        # Killed between the two renames of a system without the exchange: the
        # published site is the one renamed aside.
        olds = [p for p in leftovers if p.name.startswith(out.name + ".old-") and p.is_dir()]
        if olds:
            os.rename(olds[-1], out)
            leftovers.remove(olds[-1])
    for path in leftovers:
        shutil.rmtree(path, ignore_errors=True)


def editions() -> list[str]:
    """The languages built besides English (tooling/translations.py); FACTCHECK_EDITIONS=en builds
    the English edition only (a quicker build while working on it)."""
    from .translations import EDITIONS

    wanted = os.environ.get("FACTCHECK_EDITIONS", "").split(",")
    return [code for code in EDITIONS if wanted == [""] or code in wanted]


def edition_args(args: list[str], code: str) -> list[str]:
    """The Sphinx arguments of one edition: its language, and a doctree folder of its own."""
    args = list(args)
    if "-d" in args:
        i = args.index("-d") + 1
        args[i] = f"{args[i].rstrip('/')}-{code}"
    return ["-D", f"language={code}", *args]


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) < 2:
        print(
            "usage: .venv/bin/python -m tooling.safe_build SPHINX-ARGS... SRCDIR OUTDIR (make html runs it)",
            file=sys.stderr,
        )
        return 2
    out = Path(argv[-1])
    with build_lock(out):
        recover(out)
        return _build(argv, out)


def _build(argv: list[str], out: Path) -> int:
    nxt = Path(tempfile.mkdtemp(prefix=out.name + ".next-", dir=out.parent))
    child: subprocess.Popen | None = None

    def stop(signum, frame):
        # Raised in the main thread, so the finally below cleans up.
        raise KeyboardInterrupt

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGHUP)}
    published = False
    aside: dict[str, Path] = {}
    try:
        if out.is_dir():
            nxt.rmdir()
            shutil.copytree(out, nxt, symlinks=True)  # copy2 keeps mtimes: incremental writes still work
        # Each other edition's folder is set aside while the English one builds, so the
        # English build (its search index, its removal of deleted pages) sees only its own
        # pages; each is then built in its folder and put back under OUT/<lang>/.
        for code in editions():
            aside[code] = Path(tempfile.mkdtemp(prefix=f"{out.name}.next-{code}-", dir=out.parent))
            if (nxt / code).is_dir():
                aside[code].rmdir()
                os.rename(nxt / code, aside[code])
        for code, args, target in [(None, argv[:-1], nxt)] + [
            (code, edition_args(argv[:-1], code), folder) for code, folder in aside.items()
        ]:
            child = subprocess.Popen([sys.executable, "-m", "sphinx", *args, str(target)], preexec_fn=_die_with_parent)
            returncode = child.wait()
            if returncode != 0:
                # The failed run may have saved an environment that believes pages
                # were written; forget it, so the next build re-reads everything.
                if "-d" in args:
                    (Path(args[args.index("-d") + 1]) / "environment.pickle").unlink(missing_ok=True)
                where = f"; the previous site in {out} is unchanged" if out.exists() else ""
                edition = f" (the {code} edition)" if code else ""
                print(f"build failed{edition} (exit {returncode}){where}", file=sys.stderr)
                return returncode
        for code, folder in aside.items():
            os.rename(folder, nxt / code)
        if out.exists() and exchange(nxt, out):
            published = True  # nxt now holds the previous site: removed below
        else:
            old = Path(tempfile.mkdtemp(prefix=out.name + ".old-", dir=out.parent))
            old.rmdir()
            if out.exists():
                os.rename(out, old)
            os.rename(nxt, out)
            published = True
            shutil.rmtree(old, ignore_errors=True)
        print(f"The new site replaced the previous one in {out}.")
        return 0
    except KeyboardInterrupt:
        where = f"; the previous site in {out} is unchanged" if out.exists() and not published else ""
        print(f"build stopped{where}", file=sys.stderr)
        return 130
    finally:
        if child is not None and child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
        for s, handler in previous.items():
            signal.signal(s, handler)
        shutil.rmtree(nxt, ignore_errors=True)
        for folder in aside.values():
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
