"""The translations: catalogs made from the records, each text's status, what make check says of
them, and what the Arabic edition shows (tooling/translations.py, tooling/sphinxext/editions.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from conftest import ROOT, edit, touch_later

from tooling import i18n
from tooling.translations import (
    CURRENT,
    MISSING,
    OUTDATED,
    UNREVIEWED,
    numbers,
    read_catalog,
    status,
    translation_problems,
    update_records,
)

EVENT_PO = "locale/ar/records/events/bridge-strike.po"
CLAIM = "claims/bridge-12-dead/text"
CLAIM_EN = "The ministry says the bridge strike killed 12 people."
CLAIM_AR = "تقول الوزارة إن الضربة على الجسر قتلت 12 شخصا."


def translate(site: Path, rel: str, strings: dict[str, str], comments: dict[str, list[str]] | None = None) -> None:
    """Write translations into a catalog as a translator's editor would (msgctxt -> msgstr)."""
    path = site / rel
    with open(path, "rb") as f:
        catalog = read_po(f)
    for m in catalog:
        if m.id and m.context in strings:
            m.string = strings[m.context]
            m.user_comments = (comments or {}).get(m.context, m.user_comments)
    with open(path, "wb") as f:
        write_po(f, catalog, width=100, sort_output=False)


def entry(site: Path, rel: str, context: str):
    return read_catalog(site / rel)[context]


@pytest.fixture
def translated(site):
    """The test site with its catalogs made and the bridge event's title, summary and claim translated."""
    update_records(site, site / "claims", "ar")
    translate(
        site,
        EVENT_PO,
        {"title": "ضربة على الجسر", "summary": "ضربة أصابت الجسر؛ وتختلف الحصائل.", CLAIM: CLAIM_AR},
    )
    return site


def run_check(site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tooling", "check"],
        cwd=site,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def test_update_writes_one_catalog_per_record_file_with_the_english_and_its_line(site):
    update_records(site, site / "claims", "ar")
    po = read_catalog(site / EVENT_PO)
    assert po["title"].english == "Strike on the bridge"
    assert po[CLAIM].english == CLAIM_EN
    assert po[CLAIM].translation == ""
    text = (site / EVENT_PO).read_text(encoding="utf-8")
    yaml_lines = (site / "claims/events/bridge-strike.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, s in enumerate(yaml_lines, 1) if s.strip() == f"text: {CLAIM_EN}")
    assert f"#: claims/events/bridge-strike.yaml:{line}\n" in text
    # a verbatim quote is offered for translation too, and says what it is
    quote = "claims/bridge-12-dead/citations/0/quote"
    assert po[quote].english == "The ministry said 12 people were killed in the strike on the bridge."
    assert "A verbatim quote" in text
    # a second run changes nothing
    assert update_records(site, site / "claims", "ar") == []


def test_update_keeps_a_translation_whose_english_changed_and_marks_it_outdated(translated):
    site = translated
    translate(site, EVENT_PO, {CLAIM: CLAIM_AR}, comments={CLAIM: ["reviewed-by: Rana"]})
    assert status(entry(site, EVENT_PO, CLAIM), CLAIM_EN) == CURRENT
    new = "The ministry says the strike on the bridge killed 12 people."
    edit(site, "claims/events/bridge-strike.yaml", CLAIM_EN, new)
    # before the update: the msgid is the old English, so the translation is already outdated
    assert status(entry(site, EVENT_PO, CLAIM), new) == OUTDATED
    assert update_records(site, site / "claims", "ar") == [site / EVENT_PO]
    after = entry(site, EVENT_PO, CLAIM)
    assert (after.english, after.translation, after.fuzzy, after.reviewer) == (new, CLAIM_AR, True, None)
    assert status(after, new) == OUTDATED
    # a second update keeps it as it is
    assert update_records(site, site / "claims", "ar") == []


def test_status_of_a_text():
    from tooling.translations import Entry

    def e(translation, english="a", fuzzy=False, reviewer=None):
        return Entry("c", english, translation, fuzzy, reviewer, 1)

    assert status(None, "a") == MISSING
    assert status(e(""), "a") == MISSING
    assert status(e("ب"), "a") == UNREVIEWED
    assert status(e("ب", reviewer="Rana"), "a") == CURRENT
    assert status(e("ب", reviewer="Rana"), "b") == OUTDATED
    assert status(e("ب", fuzzy=True), "a") == OUTDATED


def test_a_translation_states_the_english_numbers_and_references():
    assert translation_problems("killed 12 people", "قتل 12 شخصا") == []
    assert "numbers differ" in translation_problems("killed 12 people", "قتل 13 شخصا")[0]
    assert "Eastern Arabic digits" in translation_problems("killed 12 people", "قتل ١٢ شخصا")[0]
    assert numbers("1,000 and 2.5") == numbers("1000 و 2.5")
    assert numbers("the {sha256} of 2 files") == ["2"]  # a placeholder's name is no number
    ref = "as {source}`alpha` says"
    assert translation_problems(ref, "كما يقول {source}`alpha`") == []
    assert "references differ" in translation_problems(ref, "كما يقول {source}`beta`")[0]
    # an explicit label in the translation is the same reference
    assert translation_problems("its {term}`origin`", "{term}`أصله <origin>`") == []


def test_make_check_reports_an_outdated_translation_at_its_catalog_line_and_coverage(translated):
    site = translated
    ok = run_check(site)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "translations ar: event pages: " in ok.stdout
    assert "outdated" not in ok.stdout
    edit(site, "claims/events/bridge-strike.yaml", CLAIM_EN, "The ministry says 12 people died on the bridge.")
    out = run_check(site)
    assert out.returncode == 0, out.stdout + out.stderr  # the English is shown meanwhile: not an error
    line = entry(site, EVENT_PO, CLAIM).line
    assert f"{EVENT_PO}:{line}:1: note: translation outdated: the English of {CLAIM} changed" in out.stdout


def test_make_check_refuses_a_translation_with_other_numbers(translated):
    site = translated
    translate(site, EVENT_PO, {CLAIM: CLAIM_AR.replace("12", "21")})
    out = run_check(site)
    assert out.returncode == 1
    line = entry(site, EVENT_PO, CLAIM).line
    assert f"{EVENT_PO}:{line}:1: {CLAIM}: the numbers differ from the English" in out.stdout
    assert "Traceback" not in out.stderr


def test_the_arabic_edition_shows_translations_and_the_english_of_an_outdated_one_with_a_notice(translated, builder):
    site = translated
    first = builder(site, language="ar")
    assert first.warnings == ""
    page = first.soup("events/bridge-strike")
    claim = page.select_one("#claim-bridge-12-dead").find(["h2", "h3", "h4", "h5"])
    assert claim.get_text().startswith(CLAIM_AR)
    assert page.find(string=lambda s: "has not been reviewed yet" in s) is not None
    # the English of the claim changes; the catalog is not touched
    new = "The ministry says 12 people died on the bridge."
    edit(site, "claims/events/bridge-strike.yaml", CLAIM_EN, new)
    touch_later(site / "claims/events/bridge-strike.yaml")
    second = builder(site, language="ar")
    assert "events/bridge-strike" in second.read
    page = second.soup("events/bridge-strike")
    claim = page.select_one("#claim-bridge-12-dead").find(["h2", "h3", "h4", "h5"])
    assert claim.get_text().startswith(new)
    assert claim.get("lang") == "en"
    notice = claim.find_next("p", class_="fc-translation-notice")
    assert "the translation is out of date" in notice.get_text()
    assert CLAIM_AR not in second.html("events/bridge-strike")


def test_a_changed_catalog_alone_rewrites_the_page(translated, builder):
    site = translated
    builder(site, language="ar")
    translate(site, EVENT_PO, {"title": "الضربة على الجسر"})
    touch_later(site / EVENT_PO)
    again = builder(site, language="ar")
    assert "events/bridge-strike" in again.read
    assert "الضربة على الجسر" in again.html("events/bridge-strike")


def test_a_quote_is_shown_verbatim_with_its_translation_marked(translated, builder):
    site = translated
    quote = "claims/bridge-12-dead/citations/0/quote"
    translate(site, EVENT_PO, {quote: "قالت الوزارة إن 12 شخصا قتلوا في الضربة على الجسر."})
    page = builder(site, language="ar").soup("events/bridge-strike")
    block = page.select_one("blockquote.fc-quote")
    english = block.find("p", lang="en")
    assert english.get_text() == "“The ministry said 12 people were killed in the strike on the bridge.”"
    translation = block.select_one("p.fc-quote-translation")
    assert translation.select_one(".fc-translation-label") is not None
    assert "قالت الوزارة إن 12 شخصا" in translation.get_text()


def test_every_page_links_the_same_page_in_the_other_edition(translated, builder):
    site = translated
    en = builder(site).soup("events/bridge-strike")
    ar = builder(site, language="ar").soup("events/bridge-strike")
    assert en.select_one("link[rel=alternate][hreflang=ar]")["href"] == "../ar/events/bridge-strike.html"
    assert ar.select_one("link[rel=alternate][hreflang=en]")["href"] == "../../events/bridge-strike.html"
    assert en.select_one("nav.fc-lang a[hreflang=ar]")["href"] == "../ar/events/bridge-strike.html"
    assert ar.select_one("nav.fc-lang a[hreflang=en]")["href"] == "../../events/bridge-strike.html"


def test_claimreview_and_exports_say_their_language(translated, builder):
    import json

    site = translated
    builder(site, language="ar")
    page = (site / "_build/html/ar/events/bridge-strike.html").read_text(encoding="utf-8")
    reviews = json.loads(page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0])
    by_text = {r["claimReviewed"]: r["inLanguage"] for r in reviews}
    assert by_text[CLAIM_AR] == "ar"
    assert "en" in by_text.values()  # the untranslated claim is reviewed in English
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO((site / "_build/html/ar/data/claims.csv").read_text(encoding="utf-8"))))
    assert {r["claim_id"]: r["language"] for r in rows}["bridge-12-dead"] == "ar"
    assert {r["claim_id"]: r["language"] for r in rows}["bridge-15-dead"] == "en"


def test_interface_strings_use_the_catalog_but_never_a_fuzzy_entry(tmp_path):
    po = tmp_path / "ar/LC_MESSAGES/factcheck.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: ar\\n"\n'
        '"Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : '
        'n%100>=11 ? 4 : 5);\\n"\n\n'
        'msgid "Sources"\nmsgstr "المصادر"\n\n'
        '#, fuzzy\nmsgid "Kind"\nmsgstr "نوع قديم"\n\n'
        'msgid "{n} claim"\nmsgid_plural "{n} claims"\n' + "".join(f'msgstr[{i}] "form{i} {{n}}"\n' for i in range(6)),
        encoding="utf-8",
    )
    try:
        i18n.activate("ar", tmp_path)
        assert i18n.gettext("Sources") == "المصادر"
        assert i18n.gettext("Kind") == "Kind"
        assert [i18n.ngettext("{n} claim", "{n} claims", n) for n in (0, 1, 2, 5, 11, 100)] == [
            "form0 {n}",
            "form1 {n}",
            "form2 {n}",
            "form3 {n}",
            "form4 {n}",
            "form5 {n}",
        ]
    finally:
        i18n.activate("en")
    assert i18n.gettext("Sources") == "Sources"


def test_make_check_counts_interface_strings_not_yet_in_the_catalog(tmp_path):
    from tooling.catalogs import interface_missing

    (tmp_path / "tooling").mkdir()
    (tmp_path / "tooling/page.py").write_text('from .i18n import _\nWORDS = _("Brand new words")\n_("Sources")\n')
    (tmp_path / "conf.py").write_text("")
    po = tmp_path / "locale/ar/LC_MESSAGES/factcheck.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n\nmsgid "Sources"\nmsgstr "المصادر"\n', encoding="utf-8")
    assert interface_missing(tmp_path, "ar") == ["Brand new words"]
