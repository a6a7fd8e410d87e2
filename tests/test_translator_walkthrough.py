"""The contributing guide's translator walk-through, followed as written in a fresh checkout:
update the catalogs, translate an empty entry and revise an outdated one, check, build."""

from __future__ import annotations

import re

from babel.messages.pofile import read_po
from conftest import ROOT
from test_printed_commands import assert_runs, run_as_printed, workspace

GUIDE = ROOT / "docs/contributing.md"


def walkthrough_commands() -> list[str]:
    """The commands of the guide's "Translate the site" section, in order."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split("\n## Translate the site\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def coverage(output: str, page: str) -> tuple[int, int]:
    m = re.search(rf"^translations ar: page {page}: (\d+)/(\d+) translated", output, re.M)
    assert m, output
    return int(m.group(1)), int(m.group(2))


def set_msgstr(po, msgid_line: str, translation: str) -> None:
    """As a translator does in a text editor: the msgstr line after the entry's msgid."""
    lines = po.read_text(encoding="utf-8").splitlines(keepends=True)
    i = lines.index(msgid_line + "\n")
    assert lines[i + 1].startswith("msgstr ")
    lines[i + 1] = f'msgstr "{translation}"\n'
    po.write_text("".join(lines), encoding="utf-8")


def test_a_translator_follows_the_guide(tmp_path):
    update, check = walkthrough_commands()
    assert (update, check) == ("tooling/run translations update", "make check")
    site = workspace(tmp_path / "checkout")
    po = site / "locale/ar/LC_MESSAGES/contributing.po"

    # 1. Bring the catalogs in step with the English: on a checkout already in step, nothing changes.
    assert_runs(update, run_as_printed(update, site))
    before = run_as_printed(check, site)
    assert_runs(check, before)
    done, total = coverage(before.stdout, "contributing")

    # 2. Translate one empty entry (one with no number and no reference to keep).
    with open(po, "rb") as f:
        empty = next(m for m in read_po(f) if m.id and not m.string and re.fullmatch(r"[A-Za-z ,.']{8,60}", m.id))
    set_msgstr(po, f'msgid "{empty.id}"', "نص مترجم للاختبار")

    # An English heading changes: the update marks its translation outdated (fuzzy), make check says so.
    guide = site / "docs/contributing.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("## Translate the site", "## Translate this site"))
    assert_runs(update, run_as_printed(update, site))
    with open(po, "rb") as f:
        changed = next(m for m in read_po(f) if m.id == "Translate this site")
    assert changed.fuzzy and changed.string  # the old translation kept, for revising
    outdated = run_as_printed(check, site)
    assert_runs(check, outdated)
    assert re.search(r"locale/ar/LC_MESSAGES/contributing\.po:\d+:1: note: translation outdated", outdated.stdout)

    # Revised: the fuzzy flag line deleted, as the guide says.
    text = po.read_text(encoding="utf-8")
    entry = text.index('msgid "Translate this site"')
    flag = text.rindex("#, fuzzy\n", 0, entry)
    po.write_text(text[:flag] + text[flag + len("#, fuzzy\n") :], encoding="utf-8")

    # 3. Check: no problem, no outdated note, one more text translated.
    after = run_as_printed(check, site)
    assert_runs(check, after)
    assert "translation outdated" not in after.stdout
    assert coverage(after.stdout, "contributing") == (done + 1, total)

    # The Arabic page shows both translations.
    assert_runs("make html", run_as_printed("make html", site))
    page = (site / "_build/html/ar/contributing.html").read_text(encoding="utf-8")
    assert "نص مترجم للاختبار" in page and changed.string in page
