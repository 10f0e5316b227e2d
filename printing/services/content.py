"""The story as print sees it: plain values ready for the templates.

Both renderers and the text checks in the tests read the story through
`print_story`, so a PDF always says what the page says. The body's blocks
render themselves in the print format (stories.blocks); print only says which
photo file shows a body image.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils import translation
from django.utils.safestring import SafeString

from languages import formatting, registry
from languages.registry import Language
from stories.blocks import Format, render_stream

from .. import conf
from .fonts import require_font
from .photos import PhotoSource

if TYPE_CHECKING:
    from .photos import PrintPhoto

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Figure:
    source: PhotoSource | None  # original image file, in its storage; None if the image row is gone
    caption: str = ""
    credit: str = ""
    title: str = ""


# The print-ready photo for a body image (None leaves the image out).
BodyPhoto = Callable[[Figure], "PrintPhoto | None"]


@dataclass(frozen=True)
class PrintStory:
    page_id: int
    language: Language
    font_family: str
    headline: str
    subheadlines: tuple[str, ...]
    dateline: str
    summary: str
    hero: Figure | None
    body: tuple[SafeString, ...]  # each block's print HTML; blocks that print nothing left out
    release_id: int | None
    ministry: str
    office: str
    initials: str
    url: str
    source_line: str
    warnings: list[str] = field(default_factory=list)

    @property
    def direction(self) -> str:
        return self.language.direction

    @property
    def release_label(self) -> str:
        with translation.override(self.language.code):
            return translation.gettext("Release ID: %(id)s") % {"id": self.release_id or "-"}


def print_story(story, *, body_photo: BodyPhoto | None = None) -> PrintStory:
    """Everything a renderer needs from a SuccessStoryPage, in its own language.

    `body_photo` prepares the photo of each body image; without it the body's
    images are left out. Raises MissingFontError (naming the family) when the
    language's font is not installed, before any layout work starts.
    """
    language = registry.get(story.locale.language_code)
    family = require_font(language.code)
    office = story.issuing_office.name if story.issuing_office else ""
    with translation.override(language.code):
        source = translation.gettext("Source: %(source)s") % {"source": office or conf.source_line()}
    return PrintStory(
        page_id=story.pk,
        language=language,
        font_family=family,
        headline=story.title,
        subheadlines=tuple(str(block.value) for block in story.subheadlines),
        dateline=formatting.format_dateline(story.posted_at, language.code, office),
        summary=story.summary,
        hero=_figure(story.hero_image, story.hero_caption, story.hero_credit)
        if story.hero_image_id
        else None,
        body=_print_body(story, language.code, body_photo),
        release_id=story.release_id,
        ministry=story.ministry.name if story.ministry else "",
        office=office,
        initials=story.footer_initials,
        url=_public_url(story),
        source_line=source,
    )


def _public_url(story) -> str:
    try:
        return story.get_full_url() or ""
    except Exception:  # noqa: BLE001 - a page without a site still prints
        logger.warning("story %s has no public URL (no Site?)", story.pk)
        return ""


def _figure(image, caption: str, credit: str) -> Figure:
    # Read through the storage, not .path: object storage (S3) has no local path.
    source = PhotoSource.of(image.file) if image is not None and image.file else None
    return Figure(
        source=source, caption=caption or "", credit=credit or "", title=getattr(image, "title", "")
    )


def _print_body(story, language_code: str, body_photo: BodyPhoto | None) -> tuple[SafeString, ...]:
    def image_url(image) -> str | None:
        photo = body_photo(_figure(image, "", "")) if body_photo else None
        return photo.url if photo else None

    context = {"language_code": language_code, "image_url": image_url}
    with translation.override(language_code):
        return tuple(html for html in render_stream(story.body, format=Format.PRINT, context=context) if html)
