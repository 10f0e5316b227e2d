"""StreamField blocks of a story, and the formats each of them renders itself in.

- ``body``: the blocks (``StoryBodyBlock`` and its children, ``SubheadlineBlock``).
  Each body block names one template per format in its ``Meta``.
- ``formats``: the formats (web, print, ninjs, text), the ``RendersFormats``
  mixin, ``render_stream`` for the callers and ``missing_formats`` for the test
  that walks every block in every format.
- ``text``: plain text without entities, for the text format.

The module became a package when the formats arrived. Migrations still name
the blocks ``stories.blocks.X`` (``body.DECONSTRUCT_ALIASES``).
"""

from .body import (
    PARAGRAPH_FEATURES,
    BulletListBlock,
    CaptionedImageBlock,
    HeadingBlock,
    KeyFigureBlock,
    KeyFiguresBlock,
    ParagraphBlock,
    QuoteBlock,
    StoryBodyBlock,
    SubheadlineBlock,
)
from .formats import Format, MissingFormat, RendersFormats, missing_formats, render_stream
from .text import html_to_text, plain_text

__all__ = [
    "PARAGRAPH_FEATURES",
    "BulletListBlock",
    "CaptionedImageBlock",
    "Format",
    "HeadingBlock",
    "KeyFigureBlock",
    "KeyFiguresBlock",
    "MissingFormat",
    "ParagraphBlock",
    "QuoteBlock",
    "RendersFormats",
    "StoryBodyBlock",
    "SubheadlineBlock",
    "html_to_text",
    "missing_formats",
    "plain_text",
    "render_stream",
]
