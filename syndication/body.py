"""A story body as self-contained HTML and as plain text, for many stories at once.

Each block renders itself (``stories.blocks``, formats ``ninjs`` and ``text``).
This module only batches: the bodies of all stories are loaded together, so a
chooser block (the images) costs one query for the whole batch, and rich text
is expanded in one pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from wagtail.blocks import StreamValue
from wagtail.rich_text import expand_db_html

from stories.blocks import Format, render_stream
from stories.selectors import images_in

from .renditions import image_renditions

SPLIT = "<!--syndication-block-split-->"


@dataclass(frozen=True)
class RenderedBody:
    html: str
    text: str
    image_ids: list[int]


def subheadlines(page) -> list[str]:
    return [block["value"] for block in page.subheadlines.raw_data if block.get("value")]


def load_bodies(pages: Iterable) -> None:
    """Give each page its body as loaded values, converting all bodies together:
    one `bulk_to_python` per block type for the whole batch, not one per page.
    The loaded body equals the lazy one it replaces; loaded pages are left alone."""
    lazy = [page for page in pages if page.body.is_lazy]
    by_type: dict[tuple[int, str], list[dict]] = {}
    for page in lazy:
        for item in page.body.raw_data:
            by_type.setdefault((id(page.body.stream_block), item["type"]), []).append(item)
    blocks = {id(page.body.stream_block): page.body.stream_block for page in lazy}
    values = {}
    for (stream_block_id, type_name), items in by_type.items():
        child_block = blocks[stream_block_id].child_blocks[type_name]
        converted = child_block.bulk_to_python([item["value"] for item in items])
        values.update({id(item): value for item, value in zip(items, converted, strict=True)})
    for page in lazy:
        stream_block = page.body.stream_block
        children = [(item["type"], values[id(item)], item.get("id")) for item in page.body.raw_data]
        page.body = StreamValue(stream_block, children, is_lazy=False)


def body_images(pages: Iterable) -> dict[int, object]:
    """{image_id: Image} for every image in the bodies of `pages`. One query."""
    pages = list(pages)
    load_bodies(pages)
    return {image.pk: image for page in pages for image in images_in(page.body)}


def render_bodies(
    pages: Iterable, *, images: dict, absolute: Callable[[str], str]
) -> dict[int, RenderedBody]:
    """{page_id: RenderedBody}, with one rich-text expansion for all pages.
    A body image not in `images` is left out."""
    pages = list(pages)
    load_bodies(pages)

    def image_url(image) -> str | None:
        if image.pk not in images:
            return None
        web = image_renditions(image, absolute=absolute)
        return web[0]["href"] if web else None

    chunks: list[str] = []
    counts: list[int] = []
    texts: dict[int, str] = {}
    for page in pages:
        context = {
            "language_code": page.locale.language_code,
            "image_url": image_url,
            "expand_rich_text": False,
        }
        blocks = render_stream(page.body, format=Format.NINJS, context=context)
        chunks.extend(blocks)
        counts.append(len(blocks))
        text = render_stream(page.body, format=Format.TEXT, context=context)
        texts[page.pk] = "\n\n".join(part for part in text if part)
    expanded = expand_db_html(SPLIT.join(chunks)).split(SPLIT) if chunks else []

    rendered: dict[int, RenderedBody] = {}
    position = 0
    for page, count in zip(pages, counts, strict=True):
        html = "\n".join(part for part in expanded[position : position + count] if part)
        position += count
        image_ids = [image.pk for image in images_in(page.body)]
        rendered[page.pk] = RenderedBody(html=html, text=texts[page.pk], image_ids=image_ids)
    return rendered


def word_count(text: str) -> int:
    return len(text.split())
