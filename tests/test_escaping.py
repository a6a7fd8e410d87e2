"""Markup written into every text field an editor can fill is shown as text and runs nothing."""

from __future__ import annotations

import json
import re

from conftest import build


def payload(i: int) -> str:
    # HTML, a script, Markdown emphasis, a MyST role, an rST substitution and
    # role, a javascript: link and an entity, within the 120-character limits.
    return (
        f'<img src=x onerror=a({i}) id="inj{i}"><script>a({i})</script>**b{i}**'
        f"{{eval-rst}}`x`|s{i}|:ref:`r`[l](javascript:a({i}))&amp;"
    )


def short(i: int) -> str:  # for fields limited to 40 characters
    return f'<i id="inj{i}">**s{i}**'


# (file, YAML text to find, replacement template with {p}) — one per editor-written field
FIELDS = [
    ("claims/sources/alpha_0001.yaml", "label: Alpha report", "label: {s}"),
    ("claims/sources/alpha_0001.yaml", 'title: "Bridge strike"', "title: {p}"),
    ("claims/sources/alpha_0001.yaml", 'publisher: "Alpha Daily"', "publisher: {p}\npublisher_basis: {p2}"),
    ("claims/sources/alpha_0001.yaml", "    note: Unrelated article.", "    note: {p}"),
    ("claims/sources/beta_0002.yaml", "sha256:", "note: {p}\nsha256:"),
    ("claims/events/bridge-strike.yaml", "title: Strike on the bridge", "title: {p}"),
    ("claims/events/bridge-strike.yaml", "place: The bridge", "place: {p}"),
    ("claims/events/bridge-strike.yaml", "summary: A strike hit the bridge; tolls differ.", "summary: {p}\nnote: {p2}"),
    ("claims/events/bridge-strike.yaml", "text: The ministry says the bridge strike killed 12 people.", "text: {pt}"),
    (
        "claims/events/bridge-strike.yaml",
        "rationale: Two independent sources give 12.",
        "rationale: {p}\n    note: {p2}",
    ),
    (
        "claims/events/bridge-strike.yaml",
        "unit: people\n      scope: the bridge strike\n      as_of: null\n  - id",
        "unit: {s}\n      scope: {p}\n      as_of: {p2}\n  - id",
    ),
    ("claims/events/town-withdrawal.yaml", "basis: Friday of the week in question.", "basis: {p}"),
    ("claims/claimants.yaml", "name: The Ministry", "name: {p}\n    note: {p2}"),
    ("claims/measures.yaml", "label: Deaths in the bridge strike", "label: {p}"),
    ("claims/measures.yaml", "counts: people killed in the strike on the bridge", "counts: {p}"),
    ("claims/measures.yaml", "note: The ministry and officials say 12; the monitor says at least 15.", "note: {p}"),
]


def test_markup_in_every_field_is_text(site):
    n = 0
    texts = {}
    for rel, old, template in FIELDS:
        path = site / rel
        body = path.read_text(encoding="utf-8")
        assert old in body, (rel, old)
        # A claim's text says who claims it (the validator's attribution rule).
        values = {"p": payload(n), "p2": payload(n + 1), "s": short(n + 2), "pt": "says " + payload(n)}
        new = template.format(**{k: json.dumps(v) for k, v in values.items()})
        for key in values:
            if "{" + key + "}" in template:
                texts[n if key in ("p", "pt") else n + (1 if key == "p2" else 2)] = values[key]
        path.write_text(body.replace(old, new, 1), encoding="utf-8")
        n += 3
    from tooling.validate import check

    _, problems = check(site / "claims", site)
    assert not problems, problems.report()  # markup is valid text: it must be accepted, then escaped
    result = build(site)
    assert result.warnings == "", result.warnings
    pages = {
        p.relative_to(result.outdir).as_posix(): p.read_text(encoding="utf-8") for p in result.outdir.rglob("*.html")
    }
    pages.update(
        {
            p.relative_to(result.outdir).as_posix(): p.read_text(encoding="utf-8")
            for p in (result.outdir / "data").rglob("*")
            if p.is_file()
        }
    )
    everything = "\n".join(pages.values())
    from bs4 import BeautifulSoup

    for name, html in pages.items():
        if not name.endswith(".html"):
            continue
        soup = BeautifulSoup(html, "html.parser")
        # No injected element exists, no script carries a payload, no link goes to javascript:.
        assert not soup.find(id=re.compile(r"^inj\d+$")), name
        assert not soup.find("img", src="x"), name
        assert not [a for a in soup.find_all(href=True) if a["href"].strip().lower().startswith("javascript")], name
        for script in soup.find_all("script"):
            if script.get("type") != "application/ld+json":  # JSON-LD holds the text, escaped (test_publish)
                assert not re.search(r"\ba\(\d+\)", script.string or ""), name
        for tag in soup.find_all(True):
            assert not any(attr.startswith("on") for attr in tag.attrs), (name, tag.name)
    # Each payload reaches the reader as the literal text the editor typed.
    shown = 0
    for i, value in texts.items():
        for html in pages.values():
            text = BeautifulSoup(html, "html.parser").get_text() if html.lstrip().startswith("<") else html
            if value in text or json.dumps(value)[1:-1] in text:
                shown += 1
                break
        else:
            raise AssertionError(f"field payload {i} is not shown anywhere as text: {value}")
    assert shown == len(texts) >= 20
    assert "&lt;script&gt;a(" in everything
