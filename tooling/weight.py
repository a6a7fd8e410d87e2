"""Reader weight: the bytes a first visit to a page downloads, as a host sends them.

The page is opened in headless Chromium (Debian's /usr/bin/chromium, driven
by Playwright) from a local server, with an empty cache; every file it
requests is counted once, text gzipped at level 6 as a static host
compresses it, fonts and images as they are.  So the figure is what a
reader's browser fetches (only the fonts a page uses, say), not what the
HTML merely mentions.  Used by ``make bench`` at the real size and at about
2,000 events.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
COMPRESSED = {".woff2", ".woff", ".png", ".jpg", ".jpeg", ".gif", ".webp"}


def available() -> bool:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return Path(CHROMIUM).exists()


def sent_bytes(path: Path) -> int:
    data = path.read_bytes()
    return len(data) if path.suffix in COMPRESSED else len(gzip.compress(data, 6, mtime=0))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Gzip(_Quiet):
    """Sends text gzipped, as a static host does (Lighthouse scores what is sent)."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        import io

        data = path.read_bytes()
        compress = path.suffix not in COMPRESSED
        if compress:
            data = gzip.compress(data, 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)


def _serve(root: Path, handler) -> tuple[http.server.ThreadingHTTPServer, str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


LIGHTHOUSE = Path(__file__).resolve().parent.parent / "node_modules" / ".bin" / "lighthouse"


def lighthouse(root: Path, pages: list[str]) -> dict[str, dict]:
    """page -> {'score': Lighthouse 13 mobile performance (0-100), 'bytes': its total byte weight};
    {} when Lighthouse is not installed (npm install --no-save lighthouse@13)."""
    import json
    import subprocess
    import tempfile

    if not LIGHTHOUSE.exists() or not Path(CHROMIUM).exists():
        return {}
    httpd, origin = _serve(Path(root).resolve(), _Gzip)
    out = {}
    try:
        for page in pages:
            with tempfile.NamedTemporaryFile(suffix=".json") as report:
                proc = subprocess.run(
                    [
                        str(LIGHTHOUSE),
                        f"{origin}/{page}",
                        "--only-categories=performance",
                        "--quiet",
                        "--output=json",
                        f"--output-path={report.name}",
                        f"--chrome-flags=--headless=new {' '.join(ARGS)}",
                    ],
                    env={**os.environ, "CHROME_PATH": CHROMIUM},
                    capture_output=True,
                    timeout=180,
                )
                if proc.returncode != 0:
                    continue
                data = json.loads(Path(report.name).read_text(encoding="utf-8"))
            out[page] = {
                "score": round(100 * data["categories"]["performance"]["score"]),
                "bytes": int(data["audits"]["total-byte-weight"]["numericValue"]),
            }
    finally:
        httpd.shutdown()
    return out


def first_visits(root: Path, pages: list[str]) -> dict[str, dict]:
    """page -> {'page': gzipped bytes of its HTML, 'total': with all it loads, 'files': requests,
    'third_party': requests to other hosts (a static site should make none)}."""
    from playwright.sync_api import sync_playwright

    root = Path(root).resolve()
    httpd, origin = _serve(root, _Quiet)
    out = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for page_name in pages:
                context = browser.new_context()  # an empty cache: a first visit
                page = context.new_page()
                urls: list[str] = []
                page.on("request", lambda r, seen=urls: seen.append(r.url))
                page.goto(f"{origin}/{page_name}", wait_until="networkidle")
                files, third = {}, 0
                for url in urls:
                    if not url.startswith(origin):
                        third += 0 if url.startswith("data:") else 1
                        continue
                    path = root / unquote(urlparse(url).path).lstrip("/")
                    if path.is_dir():
                        path = path / "index.html"
                    if path.is_file():
                        files[path] = sent_bytes(path)
                context.close()
                out[page_name] = {
                    "page": sent_bytes(root / page_name),
                    "total": sum(files.values()),
                    "files": len(files),
                    "third_party": third,
                }
            browser.close()
    finally:
        httpd.shutdown()
    return out
