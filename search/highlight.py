"""Safe highlighted snippets: find the words that match the query in the raw
text, escape every piece, and only then wrap matches in <mark>.

A "word" is a run of letters, digits and combining marks (Unicode L, N, M), so
an Indic word with vowel signs and viramas stays one word, as in the index.
"""

from __future__ import annotations

import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SNIPPET_CHARS = 240


def is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LNM"


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
    search itself does), compared case-insensitively and NFC-normalised."""
    folded = [unicodedata.normalize("NFC", term).casefold() for term in terms if term]
    return [
        (start, end)
        for start, end in word_spans(text)
        if any(unicodedata.normalize("NFC", text[start:end]).casefold().startswith(t) for t in folded)
    ]


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
