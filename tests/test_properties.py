"""Property-based tests: no input makes the loader or the validator crash or hang.

Settings (the same in CI and locally): derandomized, 200 examples per
property, a 2-second deadline per example (a hang fails the example).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from conftest import ROOTS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tooling.problems import Problems
from tooling.validate import check
from tooling.yamlfile import load_yaml

SETTINGS = settings(max_examples=200, deadline=2000, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

FIELDS = [
    "id",
    "title",
    "kind",
    "date",
    "reported",
    "inferred",
    "start",
    "end",
    "basis",
    "place",
    "summary",
    "claims",
    "text",
    "claimant",
    "citations",
    "source",
    "quote",
    "rating",
    "rationale",
    "figure",
    "measure",
    "value",
    "min",
    "max",
    "qualifier",
    "unit",
    "scope",
    "as_of",
    "contradicts",
    "note",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.sampled_from(["alpha", "beta", "reported", "at-least", "2024-11-29", "bridge-12-dead", "ministry"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), inner, max_size=6)
    ),
    max_leaves=30,
)


def _load(content: bytes):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.yaml"
        path.write_bytes(content)
        problems = Problems()
        doc = load_yaml(path, "f.yaml", problems)
        # Either data or at least one located problem, never both missing.
        assert (doc is not None) or (problems and all(p.line >= 1 and p.col >= 1 for p in problems))


@SETTINGS
@given(st.binary(max_size=3000))
def test_loader_survives_any_bytes(content):
    _load(content)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#%@`?,\n\t \ufeff\u00e9\u0430")), max_size=300))
def test_loader_survives_yaml_punctuation(text):
    _load(text.encode("utf-8"))


@SETTINGS
@given(values)
def test_validator_survives_any_event_structure(data):
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(ROOTS / "basic" / "claims", site / "claims")
        (site / "claims/events/bridge-strike.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
        )
        corpus, problems = check(site / "claims", site)
        assert all(p.path and p.line >= 1 and p.col >= 1 and p.message for p in problems)
        if not problems:
            assert "bridge-strike" in corpus.events


@SETTINGS
@given(st.text(max_size=300))
def test_any_quote_is_either_found_verbatim_or_reported(quote):
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(ROOTS / "basic" / "claims", site / "claims")
        path = site / "claims/events/town-withdrawal.yaml"
        text = path.read_text(encoding="utf-8")
        text = text.replace(
            'quote: "The army denied that it had withdrawn from the town."',
            "quote: " + yaml.safe_dump(quote, allow_unicode=True, width=10**6).strip().split("\n...")[0],
        )
        path.write_text(text, encoding="utf-8")
        corpus, problems = check(site / "claims", site)
        claim = corpus.claims.get("army-denies-withdrawal")
        if not problems and claim is not None:
            src = corpus.sources["beta"]
            cit = claim.citations[0]
            assert " ".join(src.text[cit.start : cit.end].split()) == " ".join(quote.split())
