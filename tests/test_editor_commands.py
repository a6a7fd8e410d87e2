"""Editor commands: quote finds exact passages; new writes valid skeletons, never over a file."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

from tooling.validate import check


def run(site, *args):
    return subprocess.run(
        [sys.executable, "-m", "tooling", *args],
        cwd=site,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def test_quote_is_tolerant_in_and_exact_out(site):
    # Wrong case, straight quotes, a skipped word: still found, printed as the source writes it.
    r = run(site, "quote", "alpha", "AT LEAST 15 people died mostly civilians")
    assert r.returncode == 0, r.stderr
    quoted = json.loads(r.stdout.splitlines()[1].split("quote: ", 1)[1])
    assert quoted == "at least 15 people died, “mostly civilians"
    text = (site / "claims/sources/alpha_0001.txt").read_text(encoding="utf-8")
    assert quoted in text


def test_quote_reports_the_closest_passage_when_nothing_matches(site):
    r = run(site, "quote", "beta", "soldiers departed the village")
    assert r.returncode == 1
    # The nearest whole sentence, with its line, ready to read (not a fragment cut at the
    # query's length, as "Witnesses said soldiers left the t" once was).
    assert 'the nearest sentence, line 3:\n  "Witnesses said soldiers left the town on Friday."' in r.stderr
    r = run(site, "quote", "beta", "zebra quokka")
    assert r.returncode == 1 and "none of those words is in it" in r.stderr


def only_placeholders(problems) -> None:
    """A skeleton is valid but for the REPLACE: lines the editor must fill in (make check says which)."""
    assert problems and all("'REPLACE:' placeholder left in" in p.message for p in problems), problems.report()


def test_new_event_is_valid_and_never_overwritten(site):
    r = run(
        site,
        "new",
        "event",
        "bridge-closed",
        "--source",
        "beta",
        "--words",
        "army denied withdrawn",
        "--claimant",
        "army",
    )
    assert r.returncode == 0, r.stderr
    path = site / "claims/events/bridge-closed.yaml"
    first = path.read_bytes()
    _, problems = check(site / "claims", site)
    only_placeholders(problems)
    assert {p.line for p in problems} == {i + 1 for i, ln in enumerate(first.decode().splitlines()) if "REPLACE:" in ln}
    # Every choice only an editor can make is asked for, none is made silently (the skeleton
    # once wrote kind: statement and rating: unverified, and no period).
    asked = {p.message.split(" placeholder left in ")[1].split(";")[0] for p in problems}
    assert asked == {
        "title",
        "kind",
        "place",
        "summary",
        "period.phase",
        "period.basis",
        "claims.0.text",
        "claims.0.rating",
        "claims.0.rationale",
    }
    kind = next(p for p in problems if "left in kind;" in p.message)
    assert "choose one of the values it lists" in kind.message
    assert "one of offensive, capture, strike" in first.decode()
    again = run(
        site, "new", "event", "bridge-closed", "--source", "beta", "--words", "Witnesses said", "--claimant", "army"
    )
    assert again.returncode == 1 and "never overwrites" in again.stderr
    assert path.read_bytes() == first
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]  # no temporary left behind


def test_new_claim_prints_unless_asked_to_append(site):
    path = site / "claims/events/town-withdrawal.yaml"
    before = path.read_bytes()
    r = run(
        site,
        "new",
        "claim",
        "town-withdrawal",
        "army-said-more",
        "--source",
        "beta",
        "--words",
        "army denied",
        "--claimant",
        "army",
    )
    assert r.returncode == 0 and "- id: army-said-more" in r.stdout
    assert path.read_bytes() == before  # printed only
    r = run(
        site,
        "new",
        "claim",
        "town-withdrawal",
        "army-said-more",
        "--source",
        "beta",
        "--words",
        "army denied",
        "--claimant",
        "army",
        "--append",
    )
    assert r.returncode == 0, r.stderr
    assert path.read_bytes().startswith(before)
    _, problems = check(site / "claims", site)
    only_placeholders(problems)


def test_new_source_from_a_captured_text(site):
    text = site / "claims/sources/gamma_0003.txt"
    text.write_bytes(b"A third capture.\nWith lines that hold no claim.")
    r = run(site, "new", "source", "claims/sources/gamma_0003.txt", "--id", "gamma")
    assert r.returncode == 0, r.stderr
    _, problems = check(site / "claims", site)
    only_placeholders(problems)  # the label, for the editor to write
    assert "publisher: null" in (site / "claims/sources/gamma_0003.yaml").read_text()


def test_new_refuses_an_id_in_use_and_says_where(site):
    path = site / "claims/events/town-withdrawal.yaml"
    before = path.read_bytes()
    r = run(
        site,
        "new",
        "claim",
        "town-withdrawal",
        "army-denies-withdrawal",
        "--source",
        "beta",
        "--words",
        "army denied",
        "--claimant",
        "army",
        "--append",
    )
    assert r.returncode == 1
    assert "claim id 'army-denies-withdrawal' is already used in claims/events/town-withdrawal.yaml" in r.stderr
    assert path.read_bytes() == before
    r = run(
        site,
        "new",
        "event",
        "other",
        "--claim-id",
        "bridge-12-dead",
        "--source",
        "beta",
        "--words",
        "army denied",
        "--claimant",
        "army",
    )
    assert r.returncode == 1 and "already used in claims/events/bridge-strike.yaml" in r.stderr
    assert not (site / "claims/events/other.yaml").exists()


@pytest.mark.parametrize(
    ("old", "new", "hint"),
    [
        ("claimant: army", "claimant: Army", "Did you mean 'army'?"),  # an id written with a capital
        ("claimant: army", "claimant: the-army", "did you mean 'army'?"),  # an id that does not exist
        ("rating: contested\n    rationale: Witnesses", "rating: CONTESTED\n    rationale: Witnesses", "'contested'"),
    ],
    ids=["id-case", "unknown-id", "choice-case"],
)
def test_suggestions_ignore_case(site, old, new, hint):
    """'Article' for 'article' once got a generic message: every did-you-mean folds case."""
    from conftest import TW, edit

    edit(site, TW, old, new)
    _, problems = check(site / "claims", site)
    assert any(hint in p.message for p in problems), problems.report()
