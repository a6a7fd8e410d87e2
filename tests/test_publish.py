"""ClaimReview JSON-LD, page metadata, exports and sitemap of the built site."""

from __future__ import annotations

import dataclasses
import json
import re
from urllib.parse import urljoin

import pytest
from conftest import EV, ROOT, build, edit

from tooling.exports import events_from_json, export_schema, figures_from_csv
from tooling.names import claimant_label
from tooling.ratings import BY_NAME
from tooling.records import SCHEMA_VERSION
from tooling.validate import check


@pytest.fixture(scope="module")
def corpus():
    corpus, problems = check(ROOT / "claims", ROOT)
    assert not problems
    return corpus


def json_ld(soup) -> list[dict]:
    out = []
    for script in soup.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        out.extend(data if isinstance(data, list) else [data])
    return out


def test_each_claim_is_reviewed_on_its_event_page_only(corpus, real_built):
    live = {i: c for i, c in corpus.claims.items() if c.retracted is None}  # retracted: no ClaimReview
    pages = {f"events/{e}": [c.id for c in ev.claims if c.id in live] for e, ev in corpus.events.items()}
    # The lists show ratings, not reviews: no ClaimReview repeated there.
    # A claimant has a page when some claim is theirs.
    lists = ["claims/index", "figures/index"] + [f"claimants/{who}" for who in {c.claimant for c in live.values()}]
    for page in lists:
        assert json_ld(real_built.soup(page)) == [], page
    for page, claim_ids in pages.items():
        reviews = json_ld(real_built.soup(page))
        assert sorted(r["@id"].rsplit("#claim-", 1)[1] for r in reviews) == sorted(claim_ids), page
        # No base URL in this build: addresses are relative to the page they are on.
        here = f"https://site.test/{page}.html"
        for r in reviews:
            claim = corpus.claims[r["@id"].rsplit("#claim-", 1)[1]]
            rating = BY_NAME[claim.rating]
            assert r["@type"] == "ClaimReview" and r["@context"] == "https://schema.org"
            assert r["url"] == r["@id"]
            assert urljoin(here, r["url"]) == f"https://site.test/events/{claim.event}.html#claim-{claim.id}"
            assert r["claimReviewed"] == claim.text
            # The dates are the record's, never the build's.
            assert r["datePublished"] == claim.published
            assert r.get("dateModified") == claim.updated
            assert r["author"]["@type"] == "Organization" and r["author"]["name"]
            assert r["reviewRating"] == {
                "@type": "Rating",
                "ratingValue": rating.value,
                "bestRating": 5,
                "worstRating": 1,
                "alternateName": rating.label,
            }
            item = r["itemReviewed"]
            assert item["@type"] == "Claim"
            assert item["author"]["name"] == claimant_label(corpus, claim)  # an outlet is named, not "the outlet"
            assert [urljoin(here, a["url"]) for a in item["appearance"]] == [
                f"https://site.test/sources/{cit.source}.html#cite-{claim.id}-{i + 1}"
                for i, cit in enumerate(claim.citations)
            ]


def test_pages_without_claims_carry_none(real_built):
    for page in ["index", "methodology", "sources/src-000", "events/index"]:
        assert json_ld(real_built.soup(page)) == []


def test_head_metadata_without_a_base_url(corpus, real_built):
    soup = real_built.soup("events/dormitory-strike")
    meta = {m.get("property") or m.get("name"): m["content"] for m in soup.find_all("meta") if m.get("content")}
    from tooling.prose import plain

    # the summary as readers read it: references shown as the records' names, no markup
    summary = " ".join(plain(corpus.events["dormitory-strike"].summary, corpus).split())
    assert "{" not in summary and "`" not in summary
    assert meta["description"] == (summary if len(summary) <= 300 else summary[:297] + "…")
    # Without FACTCHECK_BASE_URL there is no address to give: no Open Graph tags
    # (their og:url must be absolute), no canonical link.
    assert not [k for k in meta if k.startswith("og:")]
    assert soup.find("link", rel="canonical") is None


LOCAL = re.compile(rb"(127\.0\.0\.1|localhost|0\.0\.0\.0|file:/)")


def test_a_build_without_a_base_url_publishes_no_local_address(real_built):
    found = []
    for path in real_built.outdir.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".atom", ".csv", ".txt", ".js"):
            if "_static" in path.parts:
                continue
            for m in LOCAL.finditer(path.read_bytes()):
                found.append(f"{path.relative_to(real_built.outdir)}: {m.group(0).decode()}")
    assert found == []
    assert not (real_built.outdir / "sitemap.xml").exists()
    assert "no sitemap.xml and no Open Graph tags were written" in real_built.status


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The small test site built as a host would build it, with its base URL known."""
    import shutil

    from conftest import ROOTS

    site = tmp_path_factory.mktemp("published") / "site"
    shutil.copytree(ROOTS / "basic", site)
    with open(site / "conf.py", "a", encoding="utf-8") as conf:
        conf.write('\nhtml_baseurl = "https://example.org/fc/"\n')
    result = build(site)
    assert result.warnings == "", result.warnings
    return result


def test_with_a_base_url_addresses_are_absolute(published):
    soup = published.soup("events/bridge-strike")
    meta = {m.get("property"): m["content"] for m in soup.find_all("meta") if m.get("property")}
    # Written by sphinxext-opengraph, with the page's description from the records.
    assert meta["og:url"] == "https://example.org/fc/events/bridge-strike.html"
    assert meta["og:title"] == "Strike on the bridge"
    assert meta["og:description"] == "A strike hit the bridge; tolls differ."
    assert meta["og:type"] == "article"
    for r in json_ld(soup):
        assert r["url"].startswith("https://example.org/fc/events/bridge-strike.html#claim-")
        assert all(a["url"].startswith("https://example.org/fc/sources/") for a in r["itemReviewed"]["appearance"])


def test_sitemap_lists_every_page(published):
    xml = (published.outdir / "sitemap.xml").read_text()
    locs = re.findall(r"<loc>([^<]+)</loc>", xml)
    # Every content page; Sphinx's own search and index pages are not content.
    pages = {
        p.relative_to(published.outdir).as_posix() for p in published.outdir.rglob("*.html") if "_static" not in p.parts
    } - {"search.html", "genindex.html"}
    assert len(locs) == len(set(locs))
    assert {u.removeprefix("https://example.org/fc/") for u in locs} == pages


def test_an_incremental_build_keeps_every_page_in_the_sitemap(tmp_path):
    import shutil

    from conftest import ROOTS

    site = tmp_path / "site"
    shutil.copytree(ROOTS / "basic", site)
    with open(site / "conf.py", "a", encoding="utf-8") as conf:
        conf.write('\nhtml_baseurl = "https://example.org/fc/"\n')
    first = build(site)
    full = set(re.findall(r"<loc>([^<]+)</loc>", (first.outdir / "sitemap.xml").read_text()))
    edit(site, EV, "summary: A strike hit the bridge; tolls differ.", "summary: A strike hit the bridge.")
    again = build(site)
    assert len(again.written) < len(first.written)  # incremental: most pages not rewritten
    assert set(re.findall(r"<loc>([^<]+)</loc>", (again.outdir / "sitemap.xml").read_text())) == full


def _comparable(event):
    d = dataclasses.asdict(event)
    d["yaml_path"] = None
    for c in d["claims"]:
        for x in c["citations"]:
            x["start"] = x["end"] = -1
        for x in c["corrections"]:
            x["editors_note"] = None  # the editors' own note is not published
    for x in d["reported_dates"]:
        x["start"] = x["end"] = -1
    return d


def test_claims_json_round_trips(corpus, real_built):
    text = (real_built.outdir / "data/claims.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["schema_version"] == SCHEMA_VERSION
    assert {s["id"]: s["text"] for s in data["sources"]} == {s.id: s.text for s in corpus.sources.values()}
    events = {e.id: e for e in events_from_json(text)}
    assert set(events) == set(corpus.events)
    for eid, event in corpus.events.items():
        assert _comparable(events[eid]) == _comparable(event), eid


def test_claims_json_validates_against_the_schema_the_site_publishes(real_built):
    import jsonschema

    published = json.loads((real_built.outdir / "data/claims.schema.json").read_text(encoding="utf-8"))
    assert published == export_schema()
    data = json.loads((real_built.outdir / "data/claims.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(published).check_schema(published)
    jsonschema.validate(data, published)


@pytest.mark.parametrize(
    "spoil",
    [
        lambda d: d["events"][0]["claims"][0].pop("rating"),
        lambda d: d["events"][0].update(title=12),
        lambda d: d["sources"][0].update(unexpected="field"),
        lambda d: d.update(schema_version="0.9"),
        lambda d: d["events"][0]["claims"][0]["citations"][0].update(line="twelve"),
    ],
    ids=["missing-field", "wrong-type", "unknown-field", "wrong-version", "nested-wrong-type"],
)
def test_a_spoiled_claims_json_does_not_validate(real_built, spoil):
    import jsonschema

    published = json.loads((real_built.outdir / "data/claims.schema.json").read_text(encoding="utf-8"))
    data = json.loads((real_built.outdir / "data/claims.json").read_text(encoding="utf-8"))
    spoil(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, published)


def test_figures_csv_round_trips(corpus, real_built):
    rows = figures_from_csv((real_built.outdir / "data/figures.csv").read_text(encoding="utf-8"))
    expected = sorted(
        (c.id, cit.source, dataclasses.astuple(c.figure))
        for c in corpus.claims.values()
        if c.figure
        for cit in c.citations
    )
    assert sorted((cid, sid, dataclasses.astuple(f)) for cid, sid, f in rows) == expected


def test_exports_are_linked_from_the_site(real_built):
    hrefs = {a["href"] for a in real_built.soup("data").find_all("a", href=True)}
    exports = {p.relative_to(real_built.outdir).as_posix() for p in (real_built.outdir / "data").glob("[!.]*.*")}
    assert exports and exports <= hrefs  # every file of data/ (the filtered ones aside) is linked
    assert "data.html" in {a["href"] for a in real_built.soup("methodology").find_all("a", href=True)}


def test_json_ld_cannot_be_closed_by_editor_text(site):
    edit(
        site,
        EV,
        "text: The ministry says the bridge strike killed 12 people.",
        'text: "</script><script>alert(1)</script> & more, the ministry says"',
    )
    result = build(site)
    html = result.html("events/bridge-strike")
    script = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script and "\\u003c/script\\u003e" in script
    data = json.loads(script)
    assert data[0]["claimReviewed"] == "</script><script>alert(1)</script> & more, the ministry says"
