"""Characters an editor's text must not carry, and text that is not really there.

Invisible characters make a record say something other than what a reviewer
sees: a right-to-left override reorders the letters on screen (the
"Trojan Source" trick), a zero-width space splits a name so that searches and
the duplicate-id check miss it, a control character breaks the page or the
CSV.  They are refused in everything editors write; a **quote** is exempt,
because it must match its source text byte for byte and the capture carries
whatever the outlet published.

Zero-width joiners and non-joiners stay allowed where a script needs them:
Persian writes ZWNJ inside words (می‌خواهم), Indic scripts and emoji use ZWJ.
They are refused only between characters of scripts that never need them
(Latin, digits, punctuation), where they can only hide something.
"""

from __future__ import annotations

import re
import unicodedata

# Bidirectional embeddings, overrides and isolates: reorder text on screen.
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Invisible separators and markers with no place in a record.
INVISIBLE = {
    "\u200b": "zero-width space",
    "\u2060": "word joiner",
    "\ufeff": "byte-order mark (zero-width no-break space)",
    "\u00ad": "soft hyphen",
    "\u2028": "line separator",
    "\u2029": "paragraph separator",
}
JOINERS = {"\u200c": "zero-width non-joiner", "\u200d": "zero-width joiner"}
# Direction marks (LRM, RLM, ALM) are how Arabic and Hebrew text is written correctly: allowed.
DIRECTION_MARKS = set("\u200e\u200f\u061c")


def _needs_joiners(ch: str) -> bool:
    """A letter or symbol of a script that uses ZWJ/ZWNJ (anything beyond Latin, and emoji)."""
    if not ch:
        return False
    return ord(ch) > 0x024F and unicodedata.category(ch)[0] in "LMS"


def unsafe_characters(text: str) -> list[tuple[int, str]]:
    """[(index, what it is)] for each character of ``text`` that is refused."""
    # Every refused character is non-printable; str.isprintable() answers for
    # the common text at C speed (validating 20,000 claims reads millions of characters).
    if text.isprintable() or text.replace("\n", "").replace("\t", "").isprintable():
        return []
    found = []
    for i, ch in enumerate(text):
        if ch in ("\n", "\t") or ch in DIRECTION_MARKS:
            continue
        code = ord(ch)
        if ch in BIDI_CONTROLS:
            found.append((i, f"bidirectional control U+{code:04X} ({unicodedata.name(ch)})"))
        elif ch in INVISIBLE:
            found.append((i, f"invisible U+{code:04X} ({INVISIBLE[ch]})"))
        elif ch in JOINERS:
            before = text[i - 1] if i else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if not (_needs_joiners(before) or _needs_joiners(after)):
                found.append((i, f"invisible U+{code:04X} ({JOINERS[ch]}) between characters that never need it"))
        elif unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs", "Cn") and not ch.isprintable():
            name = unicodedata.name(ch, "unassigned or control character")
            found.append((i, f"control or invisible character U+{code:04X} ({name})"))
    return found


_CONFLICT = re.compile(r"^(?:<{7}|={7}|>{7}|\|{7})(?=[ \r]|$)", re.MULTILINE)


def conflict_marker_lines(text: str) -> list[int]:
    """1-based numbers of lines that begin with a merge-conflict marker (and nothing but a space after it)."""
    return [text.count("\n", 0, m.start()) + 1 for m in _CONFLICT.finditer(text)]
