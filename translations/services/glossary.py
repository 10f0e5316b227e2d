"""Glossary terms protected from machine translation.

Before text goes to a machine translator every glossary term in it is
replaced by a numbered placeholder the engine leaves alone; afterwards each
placeholder becomes the term's fixed rendering for the target language, or
the term itself when it must not be translated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import GlossaryTerm

PLACEHOLDER = "[[G{}]]"
_PLACEHOLDER_RE = re.compile(r"\[\[\s*G\s*(\d+)\s*\]\]")


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    rendering: str


def glossary_for(*, language_code: str) -> list[GlossaryEntry]:
    """Entries that apply to `language_code`, longest term first. Two queries."""
    entries = []
    for term in GlossaryTerm.objects.prefetch_related("renderings"):
        renderings = {r.language_code: r.rendering for r in term.renderings.all()}
        if language_code in renderings:
            entries.append(GlossaryEntry(term.term, renderings[language_code]))
        elif term.do_not_translate:
            entries.append(GlossaryEntry(term.term, term.term))
    return sorted(entries, key=lambda entry: len(entry.term), reverse=True)


def _term_pattern(term: str) -> re.Pattern:
    # \b does not work for terms next to Indic letters; look around instead.
    return re.compile(r"(?<!\w)" + re.escape(term) + r"(?!\w)")


def protect(text: str, entries: list[GlossaryEntry]) -> tuple[str, list[str]]:
    """Replace glossary terms with placeholders; return the text and the
    rendering each placeholder stands for."""
    renderings: list[str] = []
    for entry in entries:

        def _swap(_match, entry=entry):
            renderings.append(entry.rendering)
            return PLACEHOLDER.format(len(renderings) - 1)

        text = _term_pattern(entry.term).sub(_swap, text)
    return text, renderings


def restore(text: str, renderings: list[str]) -> str:
    def _back(match):
        index = int(match.group(1))
        return renderings[index] if index < len(renderings) else match.group(0)

    return _PLACEHOLDER_RE.sub(_back, text)
