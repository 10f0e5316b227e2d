"""Checks on the interface catalogs in ``locale/<code>/LC_MESSAGES/django.po``.

One place for what "a complete catalog" means, used by ``scripts/untranslated.py``
(for whoever merges new strings) and by the catalog tests: every entry has a
translation, none is fuzzy, and each translation carries exactly the
placeholders of its source (``%(name)s``, ``%s``, ``%d``, ``{name}``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import polib

from languages.registry import ALL_CODES

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

_PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[A-Za-z_0-9]*\}")


@dataclass(frozen=True)
class Problem:
    code: str
    line: int
    msgid: str
    reason: str

    def __str__(self) -> str:
        return f"{self.code}:{self.line}: {self.reason}: {self.msgid!r}"


def catalog_path(code: str, *, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / code / "LC_MESSAGES" / "django.po"


def placeholders(text: str) -> list[str]:
    return sorted(set(_PLACEHOLDER.findall(text)))


def _translations(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def entry_problems(code: str, entry: polib.POEntry) -> list[str]:
    """Why one entry is not ready: untranslated, fuzzy, or placeholders that differ."""
    if code == "en":  # the source language: an empty msgstr means "use the msgid"
        return []
    reasons = []
    if "fuzzy" in entry.flags:
        reasons.append("fuzzy")
    texts = _translations(entry)
    if not texts or any(not text for text in texts):
        reasons.append("untranslated")
        return reasons
    expected = placeholders(entry.msgid_plural or entry.msgid)
    singular = placeholders(entry.msgid)
    for text in texts:
        # A singular form may drop the count ("one story"), never add or rename one.
        if placeholders(text) not in (expected, singular):
            reasons.append(f"placeholders {placeholders(text)} differ from {expected}")
            break
    return reasons


def catalog_problems(code: str, *, locale_dir: Path = LOCALE_DIR) -> list[Problem]:
    catalog = polib.pofile(str(catalog_path(code, locale_dir=locale_dir)))
    return [
        Problem(code, entry.linenum, entry.msgid, reason)
        for entry in catalog
        if not entry.obsolete
        for reason in entry_problems(code, entry)
    ]


def all_problems(codes: tuple[str, ...] = ALL_CODES, *, locale_dir: Path = LOCALE_DIR) -> list[Problem]:
    return [problem for code in codes for problem in catalog_problems(code, locale_dir=locale_dir)]
