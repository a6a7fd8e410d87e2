"""Source pages in Chromium: what a reader copies is the capture's text, and the
download link gives the capture's exact bytes; the markers stay visible links."""

from __future__ import annotations

from pathlib import Path

import pytest

from tooling.sphinxext.domain import record_page

ROOT = Path(__file__).resolve().parents[2]
WIDTHS = [375, 1280]

# What copying uses: the selection's text (CSS generated content and
# user-select: none are left out of it, as they are out of a copy).
SELECT_LINES = """() => {
    const sel = getSelection(), out = {};
    for (const p of document.querySelectorAll('p.fc-line')) {
        const r = document.createRange();
        r.selectNodeContents(p);
        sel.removeAllRanges();
        sel.addRange(r);
        out[p.id] = sel.toString();
    }
    sel.removeAllRanges();
    return out;
}"""

SELECT_ALL_LINES = """() => {
    const lines = document.querySelectorAll('p.fc-line');
    const r = document.createRange();
    r.setStartBefore(lines[0]);
    r.setEndAfter(lines[lines.length - 1]);
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(r);
    const text = sel.toString();
    sel.removeAllRanges();
    return text;
}"""


def cited_sources(corpus) -> list:
    """The real sources whose pages carry cited passages (and so "[n]" markers)."""
    sources = [s for s in corpus.sources.values() if corpus.citations_by_source.get(s.id)]
    assert sources, "no source is cited: nothing to test"
    return sorted(sources, key=lambda s: s.id)


def capture_lines(source) -> dict[str, str]:
    return {f"L{n}": line for n, line in enumerate(source.text_path.read_bytes().decode("utf-8").split("\n"), 1)}


@pytest.mark.parametrize("width", WIDTHS)
def test_selecting_a_line_gives_the_captures_line(page, server, corpus, artifacts, width):
    page.set_viewport_size({"width": width, "height": 900})
    checked = 0
    for source in cited_sources(corpus):
        page.goto(f"{server}/{record_page('source', source.id)}.html")
        assert page.locator("p.fc-line sup.fc-cite-ref a").count() > 0  # markers are there to leave out
        copied = page.evaluate(SELECT_LINES)
        lines = capture_lines(source)
        assert copied, source.id
        for anchor, text in copied.items():
            assert text == lines[anchor], f"{source.id} {anchor}"
            checked += 1
        # Every non-empty line of the capture is on the page.
        assert set(copied) == {a for a, line in lines.items() if line.strip()}
        # Across lines, through the claim lists and furniture labels: the capture's words, in order.
        words = page.evaluate(SELECT_ALL_LINES).split()
        assert words == " ".join(lines.values()).split(), source.id
    assert checked > 0
    # The last page's text, where the first marked passage is, as a reader sees it.
    page.locator("p.fc-line:has(sup.fc-cite-ref)").first.evaluate(
        "p => p.scrollIntoView({block: 'center', behavior: 'instant'})"
    )
    page.screenshot(path=str(artifacts / "screenshots" / f"source-copy-{width}.png"))


@pytest.mark.parametrize("width", WIDTHS)
def test_markers_are_drawn_and_named(page, server, corpus, width):
    page.set_viewport_size({"width": width, "height": 900})
    source = cited_sources(corpus)[0]
    page.goto(f"{server}/{record_page('source', source.id)}.html")
    drawn = page.evaluate("""() => {
        const box = a => { const r = a.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
        const before = a => getComputedStyle(a, '::before').content;
        const num = document.querySelector('a.fc-lineno');
        const ref = document.querySelector('sup.fc-cite-ref a');
        return {num: [num.dataset.n, before(num), box(num), num.textContent],
                ref: [ref.dataset.n, before(ref), box(ref), ref.textContent]};
    }""")
    # The number is drawn from data-n (the computed content is the resolved string) and takes room.
    n, content, visible, own = drawn["num"]
    assert content == f'"{n}"' and visible and own == ""
    n, content, visible, own = drawn["ref"]
    assert content == f'"[{n}]"' and visible and own == ""
    # Screen readers hear them: the accessible names.
    first = next(iter(capture_lines(source)))
    assert page.get_by_role("link", name=f"Line {first[1:]}", exact=True).count() == 1
    title = page.locator(f"sup.fc-cite-ref a[data-n='{n}']").first.get_attribute("title")
    named = page.get_by_role("link", name=f"Claim {n}: {title}", exact=True)
    assert named.count() >= 1 and named.first.is_visible()


def test_markers_navigate_by_keyboard(page, server, corpus):
    source = cited_sources(corpus)[0]
    page.goto(f"{server}/{record_page('source', source.id)}.html")
    num = page.locator("p.fc-line a.fc-lineno").nth(1)
    anchor = num.get_attribute("href")
    num.focus()
    assert page.evaluate("document.activeElement.classList.contains('fc-lineno')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{anchor}")
    ref = page.locator("sup.fc-cite-ref a").first
    href = ref.get_attribute("href")
    ref.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{href.lstrip('./')}")
    claim = href.split("#", 1)[1]
    assert page.locator(f"#{claim}").is_visible()


def test_download_link_fetches_the_captures_bytes(page, server, corpus):
    for source in corpus.sources.values():
        page.goto(f"{server}/{record_page('source', source.id)}.html")
        link = page.locator("a.fc-download")
        assert link.count() == 1
        assert link.get_attribute("download") == source.text_name
        url = link.evaluate("a => a.href")
        response = page.request.get(url)
        assert response.ok, url
        assert response.body() == source.text_path.read_bytes(), source.id
        assert f"{len(response.body()):,} bytes" in link.locator("xpath=..").inner_text()
