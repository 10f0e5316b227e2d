"""Render a story to PDF with WeasyPrint: the news box and the A4 release.

`render_newsbox` lays the story out once on a tall page, measures the laid-out
box and sets the page height to it before writing, so the box shrinks to its
content with a single layout pass.
"""

from __future__ import annotations

import logging
import math
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from django.template.loader import render_to_string
from django.utils import timezone, translation

from .. import conf
from .content import PrintStory, print_story
from .finishing import finish_pdf
from .photos import PhotoError, PhotoMode, PrintPhoto, prepare_photo
from .qr import qr_data_uri

logger = logging.getLogger(__name__)

PX_PER_MM = 96 / 25.4
# Scripts whose tall ascenders and descenders need more leading.
LOOSE_SCRIPTS = {"Aran": 2.1, "Arab": 1.8}
# Ink stays this far inside the news box's trim on every side: the 1 mm a
# newspaper's layout keeps clear, plus 1 mm for strokes that overhang their
# glyph box (Nastaliq swashes at the start of a right-to-left line, Indic
# vowel signs). printing/tests/test_layout.py measures it in every language.
NEWSBOX_SAFE_MARGIN_MM = 2.0
# Nastaliq's initial swashes reach further: 1.3 mm past the box for a 15 pt
# headline (measured); the line-start side gets this much more.
LINE_START_OVERHANG_MM = {"Aran": 1.5}


class NewsboxVariant(StrEnum):
    GREY = "grey"
    CMYK = "cmyk"


class RenderError(RuntimeError):
    """The story cannot be rendered; the message says what is wrong."""


@dataclass
class RenderedPdf:
    content: bytes
    warnings: list[str] = field(default_factory=list)
    height_mm: float | None = None


def render_newsbox(*, story, variant: NewsboxVariant = NewsboxVariant.GREY) -> RenderedPdf:
    """PDF/X-1a news box: greyscale photo by default, CMYK photo for the variant."""
    return write_newsbox(layout_newsbox(story=story, variant=variant))


def write_newsbox(layout: NewsboxLayout) -> RenderedPdf:
    """The finished PDF/X-1a file of a laid-out news box."""
    with _weasyprint_warnings(layout.warnings):
        content = finish_pdf(layout.document.write_pdf(**NEWSBOX_PDF_OPTIONS), moment=timezone.localtime())
    return RenderedPdf(content=content, warnings=layout.warnings, height_mm=layout.height_mm)


NEWSBOX_PDF_OPTIONS = {"pdf_variant": "pdf/x-1a", "uncompressed_pdf": False}


@dataclass
class NewsboxLayout:
    """A laid-out news box (WeasyPrint document, one page cut to its content)."""

    document: object
    warnings: list[str]
    height_mm: float


def layout_newsbox(*, story, variant: NewsboxVariant = NewsboxVariant.GREY) -> NewsboxLayout:
    """Lay the news box out on a tall page and cut the page to the content;
    refuse a story longer than PRINT_NEWSBOX_MAX_HEIGHT_MM."""
    printable = print_story(story)  # no body_photo: body images are left out of the news box
    geometry = conf.newsbox_geometry()
    max_height_mm = conf.newsbox_max_height_mm()
    warnings: list[str] = []
    mode = PhotoMode.CMYK if variant == NewsboxVariant.CMYK else PhotoMode.GREY
    hero = _photo(printable.hero, geometry.column_mm, mode, warnings)
    context = {
        **_typography(printable),
        "story": printable,
        "hero_photo": hero,
        "icc_url": _icc_url(),
        "width_mm": geometry.width_mm,
        "gutter_mm": geometry.gutter_mm,
        "columns": geometry.columns,
        "safe_margin_mm": NEWSBOX_SAFE_MARGIN_MM,
        "line_start_margin_mm": NEWSBOX_SAFE_MARGIN_MM
        + LINE_START_OVERHANG_MM.get(printable.language.script, 0),
        "page_height_mm": max_height_mm,
        # The CMYK variant may use a spot of colour for rules; text stays 100% K.
        "accent": "device-cmyk(0 0 0 1)" if variant == NewsboxVariant.GREY else "device-cmyk(1 0.6 0 0.2)",
    }
    html = _html("printing/newsbox.html", context, printable)
    with _weasyprint_warnings(warnings):
        document = _weasy_html(html).render(font_config=_font_config(), **NEWSBOX_PDF_OPTIONS)
    if len(document.pages) > 1:
        raise RenderError(
            f"story {printable.page_id} ({printable.language.code}) is too long for a news box: "
            f"more than {max_height_mm:g} mm of {geometry.columns} columns (PRINT_NEWSBOX_MAX_HEIGHT_MM); "
            "shorten the story or use the A4 release"
        )
    height_px = _content_height_px(document.pages[0])
    document.pages[0].height = height_px
    return NewsboxLayout(document=document, warnings=warnings, height_mm=round(height_px / PX_PER_MM, 2))


def render_release(*, story) -> RenderedPdf:
    """A4 print release, PDF/A-2b, with a QR code to the page in the same language."""
    warnings: list[str] = []
    content_width_mm = 210 - 36
    printable = print_story(
        story, body_photo=lambda figure: _photo(figure, content_width_mm, PhotoMode.RGB, warnings)
    )
    context = {
        **_typography(printable),
        "story": printable,
        "hero_photo": _photo(printable.hero, content_width_mm, PhotoMode.RGB, warnings),
        "qr_code": qr_data_uri(printable.url) if printable.url else "",
    }
    if not printable.url:
        warnings.append("no public URL: QR code left out")
    html = _html("printing/release.html", context, printable)
    with _weasyprint_warnings(warnings):
        content = _weasy_html(html).write_pdf(pdf_variant="pdf/a-2b", font_config=_font_config())
    return RenderedPdf(content=finish_pdf(content, moment=timezone.localtime()), warnings=warnings)


def _typography(printable: PrintStory) -> dict:
    line_height = LOOSE_SCRIPTS.get(printable.language.script, 1.4)
    return {
        "line_height": line_height,
        "heading_line_height": max(1.2, line_height - 0.1),
        "caption_line_height": max(1.25, line_height - 0.1),
    }


def _photo(figure, placed_width_mm: float, mode: PhotoMode, warnings: list[str]) -> PrintPhoto | None:
    """The print version of a figure's image, or None (with a warning) if it cannot be used."""
    if figure is None:
        return None
    if figure.source is None:
        warnings.append(f"photo {figure.title!r} has no file; left out")
        return None
    try:
        return prepare_photo(source=figure.source, placed_width_mm=placed_width_mm, mode=mode)
    except PhotoError as exc:
        logger.warning("photo left out of print: %s", exc)
        warnings.append(f"{exc}; left out")
        return None


def _html(template: str, context: dict, printable: PrintStory) -> str:
    with translation.override(printable.language.code):
        return render_to_string(template, context)


def _weasy_html(html: str):
    from weasyprint import HTML  # heavy import, only in the worker

    from . import actualtext

    actualtext.install()
    return HTML(string=html, base_url="/")


@lru_cache(maxsize=1)
def _font_config():
    """One Pango font map per process: building it costs about as much as
    laying out a news box. Safe to share because our documents declare no
    @font-face (every face is a system Noto font)."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def _icc_url() -> str:
    path = conf.icc_profile_path()
    if not path.is_file():
        raise RenderError(f"ICC profile {path} not found: install libgs-common or set PRINT_ICC_PROFILE")
    return path.resolve().as_uri()


def _content_height_px(page) -> float:
    """Bottom edge of the laid-out root box on a page, in CSS px."""
    root = page._page_box.children[0]
    bottom = root.position_y + root.margin_height()
    return math.ceil(bottom * 4) / 4  # quarter pixels: avoid clipping a hairline


class _CollectWarnings(logging.Handler):
    def __init__(self, sink: list[str]):
        super().__init__(level=logging.WARNING)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        self.sink.append(record.getMessage())


@contextmanager
def _weasyprint_warnings(sink: list[str]):
    """Collect WeasyPrint's warnings (missing glyphs, unloadable images) for
    this render, whatever level the project's logging gives the logger."""
    weasy_logger = logging.getLogger("weasyprint")
    handler = _CollectWarnings(sink)
    previous = weasy_logger.level
    weasy_logger.setLevel(logging.WARNING)
    weasy_logger.addHandler(handler)
    try:
        yield
    finally:
        weasy_logger.removeHandler(handler)
        weasy_logger.setLevel(previous)
