"""Safe highlighted snippets: find the words that match the query in the raw
text, escape every piece, and only then wrap matches in <mark>.

A "word" is a run of letters, digits and combining marks (Unicode L, N, M),
zero-width joiners and non-joiners included, so an Indic word with vowel signs,
viramas and joiners stays one word, as in the index. A word and a query term
are compared in their search form (``normalize.fold``), and a term in Latin
letters also by romanized key, so what is marked is what the index matched,
at its place in the original text.
"""

from __future__ import annotations

import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .normalize import fold, is_latin, romanized_match

SNIPPET_CHARS = 240
JOINERS = "\u200c\u200d"


def is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LNM" or char in JOINERS


def word_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], None
    for index, char in enumerate(text):
        if is_word_char(char):
            if start is None:
                start = index
        elif start is not None:
            spans.append((start, index))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


def matching_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Spans of the words that start with one of `terms` (prefix match, as the
    search itself does), compared case-insensitively in their search form, or
    by romanized key for a term in Latin letters."""
    folded = [fold(term).casefold() for term in terms if term]
    latin = [term for term in folded if term and is_latin(term)]

    def matches(word: str) -> bool:
        form = fold(word).casefold()
        if any(term and form.startswith(term) for term in folded):
            return True
        return bool(latin) and not word.isascii() and any(romanized_match(word, term) for term in latin)

    return [(start, end) for start, end in word_spans(text) if matches(text[start:end])]


def _window(text: str, spans: list[tuple[int, int]], size: int) -> tuple[int, int]:
    """[start, end) of at most `size` characters around the first match, cut
    between words where a word boundary is in reach, else mid-word (a word
    longer than the window)."""
    if len(text) <= size:
        return 0, len(text)
    first = spans[0][0] if spans else 0
    start = max(0, first - size // 3)
    end = min(len(text), start + size)
    start = max(0, end - size)
    cut_start, cut_end = start, end
    # Do not cut a word in half at either end, if that leaves something.
    while 0 < cut_start < end and is_word_char(text[cut_start - 1]):
        cut_start += 1
    while cut_start < cut_end < len(text) and is_word_char(text[cut_end]):
        cut_end -= 1
    if cut_start >= cut_end:
        return start, end
    return cut_start, cut_end


def highlight(text: str, terms: list[str], *, size: int = SNIPPET_CHARS) -> SafeString:
    """An escaped snippet of `text` around the first match, matches in <mark>
    (clipped to the window when the window cuts a matching word)."""
    text = text or ""
    spans = matching_spans(text, terms)
    start, end = _window(text, spans, size)
    pieces = ["…"] if start > 0 else []
    cursor = start
    for span_start, span_end in spans:
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start >= span_end:
            continue
        pieces.append(escape(text[cursor:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece escaped above
