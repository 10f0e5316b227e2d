"""A story body as self-contained HTML and as plain text, for many stories at once.

Works on the StreamField's raw data so that no block fetches its own image or
link target: images are looked up in one query for the whole batch and rich
text is expanded in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.html import escape, strip_tags
from wagtail.images import get_image_model
from wagtail.rich_text import expand_db_html

from languages.formatting import format_number

from .renditions import image_renditions

SPLIT = "<!--syndication-block-split-->"
BLOCK_TAGS = re.compile(r"</(p|h2|li|blockquote|figcaption|figure|ul)>", re.I)
SPACES = re.compile(r"[ \t\r\f\v]+")
BLANK_LINES = re.compile(r"\n\s*\n+")


@dataclass(frozen=True)
class RenderedBody:
    html: str
    text: str
    image_ids: list[int]


def _items(raw_list) -> list:
    """ListBlock raw data, in either the old (plain) or new ({type, value}) form."""
    return [item["value"] if isinstance(item, dict) and "value" in item else item for item in raw_list or []]


def subheadlines(page) -> list[str]:
    return [block["value"] for block in page.subheadlines.raw_data if block.get("value")]


def body_image_ids(page) -> list[int]:
    return [
        block["value"]["image"]
        for block in page.body.raw_data
        if block["type"] == "image" and block["value"].get("image")
    ]


def _block_html(block: dict, *, language: str, image_html: Callable[[int, dict], str]) -> str:
    kind, value = block["type"], block["value"]
    if kind == "paragraph":
        return value  # rich text; expanded in bulk afterwards
    if kind == "heading":
        return f"<h2>{escape(value)}</h2>"
    if kind == "image":
        return image_html(value.get("image"), value)
    if kind == "quote":
        speaker = f"<footer>{escape(value['speaker'])}</footer>" if value.get("speaker") else ""
        return f"<blockquote><p>{escape(value.get('quote', ''))}</p>{speaker}</blockquote>"
    if kind == "key_figures":
        items = []
        for figure in _items(value):
            number = format_number(figure.get("value") or 0, language)
            unit = f" {escape(figure['unit'])}" if figure.get("unit") else ""
            items.append(f"<li><strong>{escape(number)}{unit}</strong> {escape(figure.get('label', ''))}</li>")
        return f"<ul class=\"key-figures\">{''.join(items)}</ul>"
    if kind == "list":
        return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in _items(value)) + "</ul>"
    return ""


def _to_text(html: str) -> str:
    text = BLOCK_TAGS.sub(lambda m: m.group(0) + "\n\n", html)
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.I)
    text = strip_tags(text)
    text = "\n".join(SPACES.sub(" ", line).strip() for line in text.splitlines())
    return BLANK_LINES.sub("\n\n", text).strip()


def body_images(pages: Iterable) -> dict[int, object]:
    """{image_id: Image} for every image in the bodies of `pages`. One query."""
    image_ids = {image_id for page in pages for image_id in body_image_ids(page)}
    if not image_ids:
        return {}
    return {image.pk: image for image in get_image_model().objects.filter(pk__in=image_ids)}


def render_bodies(pages: Iterable, *, images: dict, absolute: Callable[[str], str]) -> dict[int, RenderedBody]:
    """{page_id: RenderedBody}, with one rich-text expansion for all pages."""
    pages = list(pages)

    def image_html(image_id, value) -> str:
        image = images.get(image_id)
        if image is None:
            return ""
        web = image_renditions(image, absolute=absolute)
        src = web[0]["href"] if web else ""
        caption = escape(value.get("caption") or "")
        credit = f" <span class=\"credit\">{escape(value['credit'])}</span>" if value.get("credit") else ""
        figcaption = f"<figcaption>{caption}{credit}</figcaption>" if caption or credit else ""
        return f"<figure><img src=\"{escape(src)}\" alt=\"{caption}\">{figcaption}</figure>"

    chunks: list[str] = []
    counts: list[int] = []
    for page in pages:
        language = page.locale.language_code
        blocks = [_block_html(block, language=language, image_html=image_html) for block in page.body.raw_data]
        chunks.extend(blocks)
        counts.append(len(blocks))
    expanded = expand_db_html(SPLIT.join(chunks)).split(SPLIT) if chunks else []

    rendered: dict[int, RenderedBody] = {}
    position = 0
    for page, count in zip(pages, counts, strict=True):
        html = "\n".join(part for part in expanded[position : position + count] if part)
        position += count
        rendered[page.pk] = RenderedBody(html=html, text=_to_text(html), image_ids=body_image_ids(page))
    return rendered


def word_count(text: str) -> int:
    return len(text.split())
