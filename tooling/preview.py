"""``make preview``: a live-reloading local server while editing records or pages.

Runs sphinx-autobuild on 127.0.0.1 (port from ``PORT``, default 8000): it
rebuilds when any record under ``claims/``, any hand-written page under
``docs/``, the configuration or the tooling changes, and reloads the browser.
The preview builds into ``_build/preview``, never into the published
``_build/html``.  The pages the extension writes from the records
(``docs/events`` and the like) are not watched: they change because a record
did, and watching them would rebuild twice.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .sphinxext.pages import GENERATED_DIRS


def command(port: str) -> list[str]:
    ignores = [arg for d in GENERATED_DIRS for arg in ("--re-ignore", rf"(^|/)docs/{d}/")]
    # The records, the configuration and the tooling's own code (wherever it is installed).
    watched = [p for p in (Path("claims"), Path("conf.py"), Path(__file__).resolve().parent) if p.exists()]
    watch = [arg for p in watched for arg in ("--watch", str(p))]
    return [
        sys.executable,
        "-m",
        "sphinx_autobuild",
        "-c",
        ".",
        "--host",
        "127.0.0.1",
        "--port",
        port,
        *watch,
        *ignores,
        "--re-ignore",
        r"(^|/)(_build|\.venv|node_modules|__pycache__)/",
        "-d",
        "_build/preview-doctrees",
        "docs",
        "_build/preview",
    ]


def main() -> int:
    port = os.environ.get("PORT", "8000")
    print(
        f"Preview on http://127.0.0.1:{port}/ : it rebuilds and reloads when you save a record or a page "
        "(Ctrl+C stops it).",
        flush=True,
    )
    os.execv(sys.executable, command(port))


if __name__ == "__main__":
    sys.exit(main())
