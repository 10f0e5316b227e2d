"""The story as print sees it: plain values ready for the templates.

Both renderers and the text checks in the tests read the story through
`print_story`, so a PDF always says what the page says.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from wagtail.rich_text import expand_db_html

from languages import formatting, registry
from languages.registry import Language

from .. import conf
from .fonts import require_font

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Figure:
    source: Path | None  # original image file; None if the image row is gone
    caption: str = ""
    credit: str = ""
    title: str = ""


@dataclass(frozen=True)
class BodyItem:
    kind: str  # paragraph, heading, quote, figures, list, image
    html: SafeString | str = ""
    text: str = ""
    speaker: str = ""
    items: tuple[str, ...] = ()
    figure: Figure | None = None


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
    body: tuple[BodyItem, ...]
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


def print_story(story) -> PrintStory:
    """Everything a renderer needs from a SuccessStoryPage, in its own language.

    Raises MissingFontError (naming the family) when the language's font is
    not installed, before any layout work starts.
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
        hero=_figure(story.hero_image, story.hero_caption, story.hero_credit) if story.hero_image_id else None,
        body=tuple(item for block in story.body if (item := _body_item(block, language.code))),
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
    source = None
    if image is not None and image.file:
        try:
            source = Path(image.file.path)
        except NotImplementedError:  # remote storage: no local path
            source = None
    return Figure(source=source, caption=caption or "", credit=credit or "", title=getattr(image, "title", ""))


def _body_item(block, language_code: str) -> BodyItem | None:
    kind, value = block.block_type, block.value
    if kind == "paragraph":
        html = expand_db_html(value.source if hasattr(value, "source") else str(value))
        if not strip_tags(html).strip():
            return None
        return BodyItem(kind="paragraph", html=mark_safe(html))  # noqa: S308 - Wagtail-sanitised rich text
    if kind == "heading":
        return BodyItem(kind="heading", text=str(value))
    if kind == "quote":
        return BodyItem(kind="quote", text=value["quote"], speaker=value.get("speaker") or "")
    if kind == "key_figures":
        items = tuple(
            " ".join(
                part
                for part in (
                    formatting.format_number(figure["value"], language_code),
                    figure.get("unit") or "",
                    figure["label"],
                )
                if part
            )
            for figure in value
        )
        return BodyItem(kind="figures", items=items)
    if kind == "list":
        return BodyItem(kind="list", items=tuple(str(item) for item in value))
    if kind == "image":
        if value.get("image") is None:
            return None
        return BodyItem(kind="image", figure=_figure(value["image"], value.get("caption"), value.get("credit")))
    logger.warning("unknown body block %r left out of print", kind)
    return None
