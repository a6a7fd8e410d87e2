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
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from .chromium import ARGS, CHROMIUM, PLAYWRIGHT_ARGS

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
    """page -> {'performance', 'accessibility': Lighthouse 13 mobile scores (0-100), from one run
    with its default throttling, the site served gzipped; 'bytes': its total byte weight}.
    A page whose run failed is absent; {} when Lighthouse is not installed
    (npm install --no-save lighthouse@13)."""
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
                        "--only-categories=performance,accessibility",
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
                try:
                    data = json.loads(Path(report.name).read_text(encoding="utf-8"))
                except ValueError:
                    continue
            scores = {name: data["categories"][name]["score"] for name in ("performance", "accessibility")}
            if None in scores.values():  # Lighthouse gives null when a category could not be scored
                continue
            out[page] = {
                **{name: round(100 * score) for name, score in scores.items()},
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
            browser = p.chromium.launch(executable_path=CHROMIUM, args=PLAYWRIGHT_ARGS)
            for page_name in pages:
                context = browser.new_context()  # an empty cache: a first visit
                page = context.new_page()
                urls: list[str] = []
                page.on("request", lambda r, seen=urls: seen.append(r.url))
                _visit(page, f"{origin}/{page_name}")
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


def _visit(page, url: str) -> None:
    """Open url and wait until it has loaded all it will: the load event, the fonts its
    text uses, and no request in flight.  Playwright's "networkidle" waits a fixed
    500 ms more per page, which made every page of the real site take over a minute."""
    pending: set = set()
    page.on("request", lambda r: pending.add(r))
    page.on("requestfinished", lambda r: pending.discard(r))
    page.on("requestfailed", lambda r: pending.discard(r))
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => null)")
    for _ in range(100):  # at most 5 s of late requests (a script's fetch, a lazy font)
        if not pending:
            page.wait_for_timeout(50)  # one more turn: a finished request may start another
            if not pending:
                return
        page.wait_for_timeout(50)


_ASSET_TAGS = {"link": "href", "script": "src", "img": "src", "source": "srcset", "video": "poster", "iframe": "src"}
_LINK_RELS = {"stylesheet", "preload", "modulepreload", "icon"}


class _Assets(HTMLParser):
    """The files a page's HTML asks the browser to fetch as it loads."""

    def __init__(self):
        super().__init__()
        self.found: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and not _LINK_RELS & set((attrs.get("rel") or "").split()):
            return  # a <link rel="next"> or "canonical" is not fetched
        value = attrs.get(_ASSET_TAGS.get(tag, ""))
        if value:
            self.found.add(value)


def asset_set(root: Path, page: str) -> frozenset[str]:
    """The page's own fetches, as absolute paths on the site (so pages in different folders compare)."""
    parser = _Assets()
    parser.feed((root / page).read_text(encoding="utf-8", errors="replace"))
    base = "/" + page
    return frozenset(urljoin(base, url) for url in parser.found)


def every_page(root: Path, pages: list[str]) -> dict[str, dict]:
    """page -> {'page', 'total', 'files', 'visited'} for many pages, from one browser visit per
    distinct set of assets: a page's first visit is its own HTML plus what a page with the same
    assets loaded.  Pages share the theme's files, so the real site (dozens of pages) needs a
    handful of visits instead of a minute of them.  Fonts and images a stylesheet pulls in are
    counted as the visited page of the group loaded them (the theme ships none today)."""
    root = Path(root).resolve()
    groups: dict[frozenset[str], list[str]] = {}
    for page in pages:
        groups.setdefault(asset_set(root, page), []).append(page)
    visits = first_visits(root, [members[0] for members in groups.values()])
    out = {}
    for members in groups.values():
        visited = visits[members[0]]
        shared = visited["total"] - visited["page"]
        for page in members:
            own = sent_bytes(root / page)
            out[page] = {"page": own, "total": own + shared, "files": visited["files"], "visited": members[0]}
    return out
