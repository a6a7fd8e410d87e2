"""Editors' schemas know today's ids: a mistyped claimant is underlined before make check."""

from __future__ import annotations

import json

import jsonschema
import yaml
from conftest import ROOT, edit
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tooling.editor_schemas import ids_schema, write
from tooling.validate import check

SCHEMAS = ROOT / "tooling" / "schema"


def validator(site, kind: str, tmp_path):
    corpus, _ = check(site / "claims", site)
    assert write(corpus, tmp_path) is True and write(corpus, tmp_path) is False  # written only when it changes
    resources = {
        name: json.loads((SCHEMAS / name).read_text()) for name in ("records.schema.json", f"{kind}.schema.json")
    }
    resources["ids.schema.json"] = json.loads((tmp_path / "ids.schema.json").read_text())
    registry = Registry().with_resources(
        (name, Resource.from_contents(s, default_specification=DRAFT202012)) for name, s in resources.items()
    )
    return jsonschema.Draft202012Validator({"$ref": f"{kind}.schema.json"}, registry=registry)


def errors(v, path):
    return [e.message for e in v.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))]


def test_the_editors_schema_accepts_todays_records_and_underlines_a_wrong_id(site, tmp_path):
    v = validator(site, "event", tmp_path)
    event = site / "claims/events/bridge-strike.yaml"
    assert errors(v, event) == []
    edit(site, "claims/events/bridge-strike.yaml", "claimant: monitor", "claimant: monitr")
    assert any("'monitr' is not one of" in m for m in errors(v, event))


def test_the_ids_follow_the_records(site):
    corpus, _ = check(site / "claims", site)
    defs = ids_schema(corpus)["$defs"]
    assert defs["claimant-id"]["enum"] == sorted(corpus.claimants)
    assert defs["source-id"]["enum"] == ["alpha", "beta"]
    assert set(defs["claim-id"]["enum"]) == set(corpus.claims)
    assert defs["claimant-id"]["markdownEnumDescriptions"][0] == corpus.claimants[sorted(corpus.claimants)[0]].name
