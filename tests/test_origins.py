"""Origin detection: texts that share wording are one origin, whatever their mastheads."""

from __future__ import annotations

import random

from conftest import add_source, edit

from tooling.cli import main
from tooling.origins import MIN_SHARED, THRESHOLD, Declared, disagreements, group, measure

REPORT = (
    "Rebel fighters entered the northern city on Friday after a surprise offensive that began on Wednesday, "
    "residents said, as government troops pulled back from several western districts. The coalition said "
    "its forces had captured a research centre on the outskirts after heavy clashes, and videos showed "
    "fighters removing a flag from a statue in a central square. A rescue group said at least fifteen "
    "civilians were killed in strikes on villages to the west, among them children and women."
)
# The same story, told independently: same facts and names, different words.
INDEPENDENT = (
    "Government forces withdrew from parts of the northern city on Friday, according to people living there, "
    "two days into an offensive by armed opposition groups. Opposition commanders claimed the capture of a "
    "military research facility near the city. Rescuers counted fifteen dead in air raids west of the city; "
    "children were among them. Footage posted online appeared to show a flag being torn down."
)


def rewrite_lightly(text: str, seed: int = 1) -> str:
    """What a rewrite desk does: a word changed here and there, a sentence dropped."""
    rnd = random.Random(seed)
    words = text.split()
    swaps = {"said": "stated", "fighters": "gunmen", "killed": "left dead", "heavy": "fierce", "several": "some"}
    out = [swaps.get(w, w) if rnd.random() < 0.5 else w for w in words]
    del out[40:52]  # a dropped clause
    return " ".join(out)


def test_identical_texts_are_one_origin():
    reuse = measure({"a": REPORT, "b": REPORT})
    r = reuse[("a", "b")]
    assert r.containment == 1.0 and r.above
    assert group(["a", "b"], reuse).groups == [("a", "b")]
    assert r.passages[0].text == " ".join(REPORT.split()).rstrip(".")  # whole words, first to last


def test_a_light_rewrite_is_one_origin_and_the_shared_passage_is_shown():
    copy = rewrite_lightly(REPORT)
    assert copy != REPORT
    r = measure({"a": REPORT, "b": copy})[("a", "b")]
    assert r.above, r
    longest = r.passages[0]
    assert longest.words >= 8 and longest.text in " ".join(REPORT.split())


def test_independent_reports_of_the_same_events_are_separate_origins():
    reuse = measure({"a": REPORT, "b": INDEPENDENT})
    r = reuse.get(("a", "b"))
    assert r is None or not r.above
    assert group(["a", "b"], reuse).groups == [("a",), ("b",)]


def test_unrelated_texts_share_nothing():
    other = "Heavy monsoon rain flooded the coastal city, closing schools and cutting power to thousands of homes."
    assert measure({"a": REPORT, "b": other}) == {}


def test_groups_are_joined_through_a_shared_member():
    # a ~ b and b ~ c: one origin, although a and c share less.
    half = len(REPORT) // 2
    a, c = REPORT[:half], REPORT[half:]
    b = REPORT
    origins = group(["a", "b", "c"], measure({"a": a, "b": b, "c": c}))
    assert origins.groups == [("a", "b", "c")]
    assert origins.group_count(["a", "c"]) == 1


def test_a_few_shared_runs_in_short_texts_are_not_enough():
    # Two short texts sharing one five-word run: containment is high, evidence is not.
    a = "The strike on the bridge killed twelve."
    b = "Officials confirmed the strike on the bridge."
    r = measure({"a": a, "b": b})[("a", "b")]
    assert r.containment >= THRESHOLD and r.shared < MIN_SHARED and not r.above


def test_an_editors_record_decides_and_disagreements_are_listed():
    reuse = measure({"a": REPORT, "b": REPORT, "c": INDEPENDENT})
    declared = {
        "b": Declared(independent_of=("a",), basis="both quote one statement"),
        "c": Declared(same_as=("a",), basis="the same wire story"),
    }
    origins = group(["a", "b", "c"], reuse, declared)
    assert origins.groups == [("a", "c"), ("b",)]
    notes = dict(disagreements(origins, declared))
    assert "share" in notes["b"] and "little" in notes["c"]


def test_pairs_come_from_an_index_not_from_every_pair():
    # 400 unrelated texts and one copied pair: found at once.
    rnd = random.Random(7)
    vocab = [f"w{i}" for i in range(5000)]
    texts = {f"s{i:03d}": " ".join(rnd.choice(vocab) for _ in range(300)) for i in range(400)}
    texts["copy"] = texts["s123"]
    reuse = measure(texts)
    above = [k for k, r in reuse.items() if r.above]
    assert above == [("copy", "s123")]


def test_origins_command_prints_one_group_per_line_for_any_corpus(site, monkeypatch, capsys):
    alpha = (site / "claims/sources/alpha_0001.txt").read_text(encoding="utf-8")
    add_source(site, "gamma", alpha.replace("The ministry said", "The ministry stated"))
    monkeypatch.chdir(site)
    assert main(["origins"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("alpha gamma  one origin; alpha~gamma: containment ")
    assert 'longest shared: "' in out[0]
    assert out[1].startswith("beta  independent")
    assert out[-1].startswith("2 origin group(s) among 3 source(s)")


def test_a_recorded_origin_must_name_a_real_source(site, monkeypatch, capsys):
    edit(
        site, "claims/sources/beta_0002.yaml", "sha256:", "origin:\n  same_as: [alpah]\n  basis: A wire story.\nsha256:"
    )
    monkeypatch.chdir(site)
    assert main(["check"]) == 1
    assert "unknown source 'alpah'; did you mean 'alpha'?" in capsys.readouterr().out


def test_check_notes_where_a_record_and_the_measure_disagree(site, monkeypatch, capsys):
    # alpha's wording without its numbers and names (nothing in it left to record)
    add_source(
        site,
        "gamma",
        "the ministry said people were killed in the strike on the bridge. a monitor said "
        "at least a few people died, mostly civilians, in the strike on the bridge",
    )
    edit(
        site,
        "claims/sources/gamma_0009.yaml",
        "sha256:",
        "origin:\n  independent_of: [alpha]\n  basis: Both print the ministry's statement in full.\nsha256:",
    )
    monkeypatch.chdir(site)
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "claims/sources/gamma_0009.yaml: note: recorded as independent of alpha, but their texts share" in out
    assert out.strip().splitlines()[-1].endswith("3 origin groups")  # the record decides
