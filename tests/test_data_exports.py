"""The data for researchers: claims.csv and its codebook, the filtered downloads, and the
change list (data/changes.json), on a test site built for each case."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest
from conftest import EV, edit

from tooling.exports import CLAIM_COLUMNS, CODEBOOKS, claims_from_csv

CORRECTION = """    corrections:
      - date: "2026-11-28"
        changes:
          - field: rating
            old: reported
            new: unverified
        reason: The monitor is not named in the second report.
"""
RETRACTION = """    retracted:
      date: "2026-11-30"
      reason: The ministry's toll was withdrawn by the outlet.
"""


@pytest.fixture
def built(site, builder):
    """The test site with one correction and one retraction, as editors record them."""
    edit(site, EV, "    rating: reported\n    rationale: One source, named monitor.\n",
         "    rating: unverified\n    rationale: One source, named monitor.\n" + CORRECTION)  # fmt: skip
    edit(site, EV, "    rationale: Two independent sources give 12.\n",
         "    rationale: Two independent sources give 12.\n" + RETRACTION)  # fmt: skip
    result = builder(site)
    assert result.warnings == "", result.warnings
    return result


def test_claims_csv_has_a_row_per_claim_and_every_column_in_the_codebook(built):
    data = built.outdir / "data"
    rows = list(csv.DictReader(io.StringIO((data / "claims.csv").read_text(encoding="utf-8"))))
    assert [r["claim_id"] for r in rows] == sorted(r["claim_id"] for r in rows) and len(rows) == 4
    assert list(rows[0]) == CLAIM_COLUMNS
    by_id = {r["claim_id"]: r for r in rows}
    assert by_id["bridge-12-dead"]["retracted"] == "2026-11-30"  # retracted, still listed
    assert by_id["bridge-15-dead"]["updated"] == "2026-11-28" and by_id["bridge-15-dead"]["rating"] == "unverified"
    assert by_id["bridge-12-dead"]["sources"] == "alpha; beta" and by_id["bridge-12-dead"]["origins"] == "2"
    assert by_id["bridge-12-dead"]["source_names"] == "Alpha report; Beta report"
    assert by_id["bridge-12-dead"]["address"] == "events/bridge-strike.html#claim-bridge-12-dead"
    # The codebook page: every column of every CSV, once, with its allowed values from the schema.
    page = built.soup("data")
    for name, columns in CODEBOOKS.items():
        book = page.find(id=f"codebook-{name.replace('.', '-')}")
        header = next(csv.reader(io.StringIO((data / name).read_text(encoding="utf-8"))))
        listed = [c.get_text() for c in book.select("td[data-label=Column] code")]
        assert listed == header == [c.name for c in columns], name
    rating = page.find(id="codebook-claims-csv").find("code", string="rating").find_parent("tr")
    assert [c.get_text() for c in rating.select("td[data-label='Allowed values'] code")][:2] == [
        "corroborated",
        "reported",
    ]


def test_claims_csv_is_spreadsheet_safe_and_reads_back_exactly(site, builder):
    formula = '=HYPERLINK("http://example.com","x") says the ministry.'
    edit(site, EV, "text: The ministry says the bridge strike killed 12 people.", f"text: {json.dumps(formula)}")
    built = builder(site)
    text = (built.outdir / "data/claims.csv").read_text(encoding="utf-8")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    assert "'" + formula in cells
    back = {r["claim_id"]: r for r in claims_from_csv(text)}
    assert back["bridge-12-dead"]["text"] == formula


def test_each_filter_page_links_exactly_its_claims(built):
    data = built.outdir / "data/claims"
    for page, name in [("claims/contested", "contested"), ("claims/index", "all"), ("claimants/army", "claimant-army")]:
        soup = built.soup(page)
        links = {a.get_text(): a["href"] for a in soup.select(".fc-downloads a[download]")}
        assert links == {"CSV": f"../data/claims/{name}.csv", "JSON": f"../data/claims/{name}.json"}, page
        on_page = {a["href"].split("#claim-")[1] for a in soup.select("a[href*='#claim-']")}
        in_csv = {r["claim_id"] for r in csv.DictReader(io.StringIO((data / f"{name}.csv").read_text()))}
        in_json = {r["claim_id"] for r in json.loads((data / f"{name}.json").read_text())}
        assert on_page == in_csv == in_json, page


def test_changes_json_lists_publications_corrections_and_retractions_newest_first(built):
    data = built.outdir / "data"
    changes = json.loads((data / "changes.json").read_text(encoding="utf-8"))
    jsonschema.validate(changes, json.loads((data / "changes.schema.json").read_text(encoding="utf-8")))
    entries = changes["changes"]
    dates = [e["date"] for e in entries]
    assert dates == sorted(dates, reverse=True)
    assert len({e["id"] for e in entries}) == len(entries)  # every entry has its own id, to sync by
    kinds = {(e["kind"], e["claim_id"]): e for e in entries}
    corrected = kinds[("corrected", "bridge-15-dead")]
    assert corrected["id"] == "bridge-15-dead/corrected/1" and corrected["date"] == "2026-11-28"
    assert corrected["changes"] == [{"field": "rating", "old": "reported", "new": "unverified"}]
    assert corrected["reason"] == "The monitor is not named in the second report."
    retracted = kinds[("retracted", "bridge-12-dead")]
    assert retracted["date"] == "2026-11-30" and "withdrawn" in retracted["reason"]
    assert sum(1 for e in entries if e["kind"] == "published") == 4
    assert entries[0] == retracted  # the newest change first
    # A bad entry is refused by the schema: it could fail.
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(
            {**changes, "changes": [{**entries[0], "kind": "edited"}]},
            json.loads((data / "changes.schema.json").read_text(encoding="utf-8")),
        )
