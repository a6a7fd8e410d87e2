"""The interface strings: the words the tooling itself puts on pages.

Every English string a reader sees that is not a record's text is marked in
the code with ``_("…")`` (or ``N_("…")`` where it is defined, and ``_()``
where it is shown), and with ``ngettext`` where it counts.  ``tooling/run
translations update`` extracts them (Babel) into ``locale/<lang>/LC_MESSAGES/factcheck.po``,
a gettext catalog translators edit like any other.

The catalog is read from the ``.po`` file itself, not a compiled ``.mo``: a
build never uses a stale compiled copy, and the entries keep their gettext
state.  A fuzzy entry (its English changed after it was translated) is not
used: the reader gets the English, never the stale translation.

The active language is process-wide: a Sphinx build activates its language
at ``builder-inited`` (English: every string is itself), before parallel
readers fork.
"""

from __future__ import annotations

import gettext as _gettext
from pathlib import Path

_messages: dict[str, str | tuple[str, ...]] = {}
_plural = staticmethod(lambda n: int(n != 1))
_language = "en"

# The catalog's name, the file under locale/<lang>/LC_MESSAGES/.
DOMAIN = "factcheck"


def N_(message: str) -> str:  # noqa: N802 - gettext's name for a marker
    """Marks a string for extraction where it is defined; ``_()`` translates it where it is shown."""
    return message


def gettext(message: str) -> str:
    got = _messages.get(message)
    return got if isinstance(got, str) and got else message


_ = gettext


def ngettext(singular: str, plural: str, n: int) -> str:
    forms = _messages.get(singular)
    if isinstance(forms, tuple):
        index = _plural(n)
        if 0 <= index < len(forms) and forms[index]:
            return forms[index]
    return singular if n == 1 else plural


def language() -> str:
    return _language


def activate(language: str, locale_dir: Path | None = None) -> None:
    """Use ``language``'s interface catalog from now on (English: none)."""
    global _messages, _plural, _language
    _messages, _plural, _language = {}, (lambda n: int(n != 1)), language
    if language == "en" or locale_dir is None:
        return
    path = Path(locale_dir) / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.exists():
        return
    _messages, _plural = read_catalog(path)


def read_catalog(path: Path) -> tuple[dict, object]:
    """The usable entries of a ``.po`` file (translated, not fuzzy) and its plural rule."""
    from babel.messages.pofile import read_po

    with open(path, "rb") as f:
        catalog = read_po(f)
    messages: dict[str, str | tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            if all(message.string):
                messages[message.id[0]] = tuple(message.string)
        elif message.string:
            messages[message.id] = message.string
    plural = _gettext.c2py(catalog.plural_expr) if catalog.plural_expr else (lambda n: int(n != 1))
    return messages, plural
