"""Plain text: whitespace normalised, and never an HTML entity in it."""

from __future__ import annotations

import html
import re

from django.utils.html import strip_tags

# Closing tags that end a paragraph of text; each becomes a blank line.
BLOCK_END_TAGS = re.compile(r"</(p|h[1-6]|li|ol|ul|blockquote|figcaption|figure)>", re.I)
LINE_BREAK = re.compile(r"<br\s*/?>", re.I)
SPACES = re.compile(r"[^\S\n]+")  # any whitespace but a newline, the no-break space included
BLANK_LINES = re.compile(r"\n\s*\n+")


def plain_text(text: str) -> str:
    """Spaces collapsed and trimmed on each line; paragraphs separated by one blank line."""
    lines = (SPACES.sub(" ", line).strip() for line in text.splitlines())
    return BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def html_to_text(markup: str) -> str:
    """The text of an HTML fragment (rich text): paragraphs and list items on
    their own, tags dropped and entities decoded (``&amp;`` is ``&``)."""
    markup = BLOCK_END_TAGS.sub(lambda match: match.group(0) + "\n\n", markup)
    markup = LINE_BREAK.sub("\n", markup)
    return plain_text(html.unescape(strip_tags(markup)))
