"""Give every line of text in our PDFs an /ActualText in logical order.

WeasyPrint 70 maps each glyph to Unicode once per font (ToUnicode CMap),
from the first cluster the glyph appeared in. Indic scripts reuse a glyph in
several clusters (Tamil split vowels, Bengali and Devanagari conjuncts and
reph) and Nastaliq draws right to left, so the text a desk copies out of the
PDF (pdftotext, pypdf, Acrobat) came out misspelt or reversed. Wrapping each
laid-out line in a marked-content span with /ActualText set to the line's
text, as PDF 1.4+ allows, makes extraction return exactly the story's text
while the glyphs stay as HarfBuzz shaped them.

The patch wraps `weasyprint.draw.text.draw_first_line` (called once per
line fragment, inside BT/ET). It is installed once, only in processes that
render, and checks the function it wraps still has the expected shape.
"""

from __future__ import annotations

import inspect
import logging

import pydyf

logger = logging.getLogger(__name__)

_EXPECTED_PARAMS = ["stream", "textbox", "text_overflow", "block_ellipsis", "matrix"]
_installed = False


def install() -> bool:
    global _installed
    if _installed:
        return True
    from weasyprint.draw import text as weasy_text

    original = weasy_text.draw_first_line
    if list(inspect.signature(original).parameters) != _EXPECTED_PARAMS:
        logger.error(
            "WeasyPrint's draw_first_line changed; PDF text extraction may be wrong for Indic scripts"
        )
        return False

    def draw_first_line_with_actual_text(stream, textbox, text_overflow, block_ellipsis, matrix):
        text = textbox.pango_layout.text or textbox.text or ""
        if not text.strip():
            return original(stream, textbox, text_overflow, block_ellipsis, matrix)
        stream.begin_marked_content("Span", pydyf.Dictionary({"ActualText": pydyf.String(text)}))
        try:
            return original(stream, textbox, text_overflow, block_ellipsis, matrix)
        finally:
            stream.end_marked_content()

    weasy_text.draw_first_line = draw_first_line_with_actual_text
    _installed = True
    return True
