"""A filter page's download, as a reader gets it: click CSV, open the file, find the page's claims."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import ROOT

from tooling.sphinxext.claims_index import facets
from tooling.sphinxext.domain import CLAIMS_PAGE_SIZE
from tooling.validate import check


def shown_claims(page) -> set[str]:
    hrefs = page.locator("table.fc-claims-table a[href*='#claim-']").evaluate_all(
        "els => els.map(a => a.getAttribute('href'))"
    )
    return {h.split("#claim-", 1)[1] for h in hrefs}


def test_the_csv_and_json_of_a_filter_page_hold_exactly_its_claims(page, server):
    corpus, problems = check(ROOT / "claims", ROOT)
    assert not problems
    one_page = {n: c for n, c in facets(corpus).items() if n != "all" and len(c) <= CLAIMS_PAGE_SIZE}
    if not one_page:
        pytest.skip("every rating's claims fill more than one page")
    name = min(one_page, key=lambda n: len(one_page[n]))  # the smallest: every claim is on the page
    page.goto(f"{server}/claims/{name}.html")
    shown = shown_claims(page)
    assert shown == {c.id for c in one_page[name]}
    files = {}
    for kind in ("CSV", "JSON"):
        with page.expect_download() as download:
            page.locator(".fc-downloads a", has_text=kind).click()
        files[kind] = Path(download.value.path()).read_text(encoding="utf-8")
    assert {r["claim_id"] for r in csv.DictReader(io.StringIO(files["CSV"]))} == shown
    assert {r["claim_id"] for r in json.loads(files["JSON"])} == shown
    # The codebook the line links to is there, and explains the file's columns.
    page.locator(".fc-downloads a", has_text="what each column means").click()
    page.wait_for_url("**/data.html#codebook")
    header = next(csv.reader(io.StringIO(files["CSV"])))
    listed = page.locator("#codebook-claims-csv td[data-label=Column] code").all_inner_texts()
    assert listed == header
