"""Every editorial rule and rating condition: each one refuses what it should, at file:line.

The methodology page lists the rules and conditions from the same objects the
validator runs (tests at the end), so a rule written there is a rule applied.
"""

from __future__ import annotations

import pytest
from conftest import add_source, build, edit

from tooling.ratings import SCALE
from tooling.rules import RULES
from tooling.validate import check

EV = "claims/events/bridge-strike.yaml"
TW = "claims/events/town-withdrawal.yaml"


def problems(site):
    _, found = check(site / "claims", site)
    return found


def only(site, rel: str, line: int, words: str) -> None:
    """Exactly one problem in rel, at line, saying words."""
    found = [p for p in problems(site) if p.path == rel]
    assert len(found) == 1, "\n".join(map(str, found))
    p = found[0]
    assert (p.path, p.line) == (rel, line), str(p)
    assert words in p.message, p.message


def test_the_fixture_passes_every_rule(site):
    assert problems(site) == []


def test_corroborated_needs_two_origin_groups_not_two_mastheads(site):
    # beta's text is replaced by a rewrite of alpha under another masthead:
    # two publishers, one origin.
    alpha = (site / "claims/sources/alpha_0001.txt").read_text(encoding="utf-8")
    add_source(
        site,
        "gamma",
        alpha.replace("The ministry said", "The ministry stated") + "\nMore words here.",
        publisher="Gamma Wire",
    )
    edit(
        site,
        EV,
        '      - source: beta\n        quote: "Officials confirmed the strike on the bridge killed 12 people."',
        '      - source: gamma\n        quote: "12 people were killed in the strike on the bridge."',
    )
    only(site, EV, 19, "needs citations from at least two origin groups")


def test_corroborated_and_reported_need_a_named_claimant(site):
    edit(site, EV, "claimant: monitor", "claimant: witnesses")
    edit(site, EV, "text: A monitor says at least 15", "text: Witnesses say at least 15")
    only(site, EV, 35, "needs a named claimant")


def test_an_open_contradiction_cannot_be_corroborated_or_reported(site):
    edit(site, TW, "rating: contested\n    rationale: Witnesses say", "rating: reported\n    rationale: Witnesses say")
    only(site, TW, 22, "cannot go with an open contradiction (witnesses-soldiers-left)")


def test_contested_needs_a_contradiction(site):
    edit(site, EV, "rating: reported", "rating: contested")
    only(site, EV, 35, "needs 'contradicts'")


def test_contested_needs_the_dispute_to_be_open(site):
    # The witnesses' claim is settled as inaccurate: the army's is no longer contested.
    edit(
        site, TW, "rating: contested\n    rationale: The army denies it.", "rating: inaccurate\n    rationale: Settled."
    )
    found = [p for p in problems(site) if p.line == 22]
    assert len(found) == 1 and "every claim it contradicts is rated 'inaccurate'" in found[0].message, found


def test_inaccurate_needs_evidence_that_settles_it(site):
    edit(
        site, TW, "rating: contested\n    rationale: Witnesses say", "rating: inaccurate\n    rationale: Witnesses say"
    )
    found = problems(site)
    assert any(
        p.line == 22 and "needs at least one contradicting claim rated 'corroborated' or 'reported'" in p.message
        for p in found
    ), found


def test_unverified_cannot_hide_an_open_dispute(site):
    edit(
        site, TW, "rating: contested\n    rationale: The army denies it.", "rating: unverified\n    rationale: Unnamed."
    )
    only(site, TW, 32, "rating 'unverified' cannot go with an open contradiction")


def test_a_contradiction_is_recorded_on_both_claims(site):
    edit(
        site,
        TW,
        "    rationale: The army denies it.\n    contradicts: [army-denies-withdrawal]\n",
        "    rationale: The army denies it.\n",
    )
    found = problems(site)
    both_ways = [p for p in found if "a contradiction goes both ways" in p.message]
    # At the claim that lacks the link (it has no 'contradicts' field to point at).
    assert len(both_ways) == 1 and both_ways[0].line == 25, found


def test_a_partys_claim_must_say_whose_it_is(site):
    edit(
        site,
        EV,
        "text: The ministry says the bridge strike killed 12 people.",
        "text: The bridge strike killed 12 people.",
    )
    only(site, EV, 12, "the text states the claim as fact")


def test_the_outlets_own_narration_needs_no_attribution(site):
    edit(site, "claims/claimants.yaml", "    kind: government", "    kind: outlet")
    edit(
        site,
        EV,
        "text: The ministry says the bridge strike killed 12 people.",
        "text: The bridge strike killed 12 people.",
    )
    assert problems(site) == []


def test_a_hedge_in_the_quote_stays_in_the_claim(site):
    add_source(site, "gamma", "Rebels reportedly took the town on Saturday, after two days of fighting.")
    (site / "claims/events/town-taken.yaml").write_text(
        "id: town-taken\ntitle: Town taken\nkind: statement\ndate:\n  reported: []\n  inferred: null\n"
        "place: The town\nsummary: One report.\nclaims:\n"
        '  - id: rebels-took-town\n    published: "2026-11-22"\n    text: Rebels took the town.\n'
        "    claimant: outlet-narration\n    citations:\n      - source: gamma\n"
        '        quote: "Rebels reportedly took the town on Saturday"\n'
        "    rating: reported\n    rationale: One source.\n",
        encoding="utf-8",
    )
    with open(site / "claims/claimants.yaml", "a", encoding="utf-8") as f:
        f.write(
            "  - id: outlet-narration\n    name: The outlet\n    kind: outlet\n    side: observers\n"
            "    description: The outlet in its own voice.\n"
        )
    only(site, "claims/events/town-taken.yaml", 12, "the quoted source hedges ('reportedly')")
    edit(site, "claims/events/town-taken.yaml", "text: Rebels took the town.", "text: Rebels reportedly took the town.")
    assert [p for p in problems(site) if p.path == "claims/events/town-taken.yaml"] == []


def test_a_war_that_claimed_lives_is_not_a_hedge():
    from tooling.rules import HEDGE

    assert not HEDGE.search("The war has claimed over 300,000 civilian lives")
    assert HEDGE.search("the rebels claimed responsibility") and HEDGE.search("It claimed to have entered")


CORRECTION = (
    '    corrections:\n      - date: "{date}"\n        changes:\n          - field: rating\n'
    "            old: {old}\n            new: {new}\n        reason: Re-read.\n"
)


def test_a_correction_cannot_predate_the_claim(site):
    edit(
        site,
        EV,
        "    rationale: One source, named monitor.\n",
        "    rationale: One source, named monitor.\n"
        + CORRECTION.format(date="2026-11-01", old="unverified", new="reported"),
    )
    only(site, EV, 38, "comes before 2026-11-22")


def test_a_correction_names_a_real_change(site):
    edit(
        site,
        EV,
        "    rationale: One source, named monitor.\n",
        "    rationale: One source, named monitor.\n"
        + CORRECTION.format(date="2026-12-01", old="reported", new="reported"),
    )
    only(site, EV, 40, "gives the same old and new value")


def test_retracted_claims_are_history_not_judged_again(site):
    edit(
        site,
        EV,
        "text: The ministry says the bridge strike killed 12 people.",
        "text: The bridge strike killed 12 people.",
    )
    assert problems(site)
    edit(
        site,
        EV,
        "    rationale: Two independent sources give 12.\n",
        '    rationale: Two independent sources give 12.\n    retracted:\n      date: "2026-12-01"\n'
        "      reason: The ministry never said it.\n",
    )
    assert problems(site) == []


def test_an_unidentified_outlets_own_reporting_is_unverified_not_reported(site):
    # the monitor's claim becomes alpha's own narration, and alpha's capture names no outlet
    edit(site, "claims/sources/alpha_0001.yaml", 'publisher: "Alpha Daily"', "publisher: null")
    edit(site, "claims/claimants.yaml", "    kind: monitor", "    kind: outlet")
    edit(site, EV, "text: A monitor says at least 15", "text: At least 15")
    only(site, EV, 35, "captures name no outlet")
    # ... so it is 'unverified'
    edit(
        site,
        EV,
        "    rating: reported\n    rationale: One source, named monitor.",
        "    rating: unverified\n    rationale: Who says it cannot be checked.",
    )
    assert not [p for p in problems(site) if "outlet" in p.message]


def test_a_rationale_counts_the_origins_it_cites(site):
    edit(site, EV, "rationale: One source, named monitor.", "rationale: One source; a third origin agrees.")
    only(site, EV, 36, "says 'third origin', but the claim cites 1 origin")


def test_a_rationale_that_counts_the_origins_it_cites_passes(site):
    edit(site, EV, "rationale: Two independent sources give 12.", "rationale: Two independent origins give 12.")
    assert problems(site) == []


def test_corroboration_cannot_rest_on_a_passage_rated_inaccurate(site):
    # beta's passage is also quoted by a claim the site rates inaccurate: it cannot be the second origin
    edit(
        site,
        EV,
        "  - id: bridge-15-dead\n",
        '  - id: beta-wrong\n    published: "2026-11-22"\n    text: Officials say the strike killed 12 people.\n'
        "    claimant: ministry\n    citations:\n      - source: beta\n"
        '        quote: "Officials confirmed the strike on the bridge killed 12 people."\n'
        "    rating: inaccurate\n    rationale: Settled by the count.\n    contradicts: [bridge-15-dead]\n"
        "  - id: bridge-15-dead\n",
    )
    edit(
        site,
        EV,
        "    rating: reported\n    rationale: One source, named monitor.",
        "    rating: reported\n    rationale: One source, named monitor.\n    contradicts: [beta-wrong]",
    )
    found = [p for p in problems(site) if "rates inaccurate" in p.message]
    assert len(found) == 1 and found[0].line == 19, [str(p) for p in problems(site)]


def test_a_title_that_reports_an_act_says_who_says_it(site):
    # town-withdrawal has no corroborated claim: a title stating the act as fact is refused
    edit(site, TW, "title: Did the army leave the town?", "title: The army withdrew from the town")
    only(site, TW, 2, "the title states it as fact")
    for fine in (
        "Witnesses say the army withdrew",
        "The army reportedly withdrew",
        "Army: we never withdrew",
        "Withdraw",
    ):
        edit(site, TW, site.joinpath(TW).read_text().split("\n")[1], f'title: "{fine}"')
        assert problems(site) == [], fine
    # a topic is not an assertion; a corroborated claim may be stated as a title
    edit(site, EV, "title: Strike on the bridge", "title: A strike hit the bridge")
    assert problems(site) == []


def test_the_corroboration_report_prompts_for_an_uncited_independent_passage(site, monkeypatch, capsys):
    from tooling.cli import main

    add_source(site, "gamma", "The monitor counted at least 15 people who died in the bridge strike, mostly civilians.")
    monkeypatch.chdir(site)
    assert main(["corroboration"]) == 0
    out = capsys.readouterr().out
    assert "bridge-15-dead (reported): " in out and "(gamma), line 1 shares" in out
    assert "A prompt, not an error." in out


def test_every_rule_has_a_test_here():
    import sys

    tests = " ".join(name for name in dir(sys.modules[__name__]) if name.startswith("test_"))
    words = {
        "rating-conditions": "corroborated",
        "contradictions-both-ways": "both_claims",
        "attribution-in-headline": "whose_it_is",
        "hedges-kept": "hedge",
        "corrections-dated": "predate",
        "corrections-real": "real_change",
        "figure-in-quote": "number_its_quote_gives",
        "everything-recorded": "unrecorded_number",
        "origin-count": "counts_the_origins",
        "corroboration-not-on-inaccurate": "rest_on_a_passage_rated_inaccurate",
        "titles-attribute": "title_that_reports_an_act",
    }
    assert set(words) == {r.name for r in RULES}
    assert all(words[r.name] in tests for r in RULES)


@pytest.fixture
def methodology(site):
    (site / "docs/methodology.md").write_text(
        "# Methodology\n\n```{fc-rating-scale}\n```\n\n```{fc-rules} integrity\n```\n\n```{fc-rules}\n```\n",
        encoding="utf-8",
    )
    edit(site, "docs/index.md", "corrections/index", "corrections/index\nmethodology")
    result = build(site)
    assert result.warnings == "", result.warnings
    return result.soup("methodology").get_text(" ")


def test_the_methodology_page_lists_every_rule_and_condition(methodology):
    # SmartQuotes types the prose's quotes and apostrophes; the rules' words are the same.
    page = " ".join(methodology.split()).translate(str.maketrans("‘’“”", "''\"\""))
    from tooling.integrity import CHECKS

    for rule in RULES + CHECKS:
        assert " ".join(rule.says.split()) in page, rule.name
    for rating in SCALE:
        for condition in rating.conditions:
            assert condition.says in page, (rating.name, condition.says)


def test_a_broken_claim_does_not_hide_another_claims_rule(site):
    # A schema error in one file, a rule broken in another: both in one run.
    edit(site, TW, "rating: contested\n    rationale: Witnesses say", "rating: contestd\n    rationale: Witnesses say")
    edit(
        site,
        EV,
        "text: The ministry says the bridge strike killed 12 people.",
        "text: The bridge strike killed 12 people.",
    )
    found = problems(site)
    assert any(p.path == TW and "'contestd' is not allowed" in p.message for p in found), found
    assert any(p.path == EV and p.line == 12 and "states the claim as fact" in p.message for p in found), found
    # ...and no cascade: the witnesses' claim, whose counterpart is broken, is not judged.
    assert not any(p.path == TW and "needs 'contradicts'" in p.message for p in found), found


def test_a_figure_must_be_a_number_its_quote_gives(site):
    # 12 typed as 21: the quotes say 12.
    edit(site, EV, "value: 12", "value: 21")
    only(site, EV, 23, "the figure's number (21) is in none of the claim's quotes, which give 12")


def test_a_figure_in_words_counts(site):
    from tooling.rules import numbers_in

    assert numbers_in("at least four individuals, over a decade, more than 14,000, its tenth year") >= {
        4.0,
        10.0,
        14000.0,
    }


def test_an_unrecorded_number_is_refused_until_recorded(site):
    # Drop the figure of the claim quoting "at least 15": the number is then unrecorded.
    path = site / EV
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.rindex("    figure:")], encoding="utf-8")
    only(
        site,
        "claims/sources/alpha_0001.txt",  # at the number in the text, not at the YAML's first line
        3,
        "'15' is a number no claim records (every number and name of an article is recorded)",
    )
    with open(site / "claims/sources/alpha_0001.yaml", "a", encoding="utf-8") as f:
        f.write('not_recorded:\n  - term: "15"\n    reason: A count of the monitor\'s, not checked here.\n')
    assert problems(site) == []


def test_a_left_over_placeholder_is_refused(site):
    edit(site, EV, "rationale: One source, named monitor.", 'rationale: "REPLACE: why this rating."')
    only(site, EV, 36, "'REPLACE:' placeholder left in claims.1.rationale")
