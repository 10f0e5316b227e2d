"""Every block of a story body renders itself in every output format.

A block declares one template per format in its ``Meta`` and may add values to
the template's context in ``get_format_context``. Callers (the page, the PDF,
the API) ask ``render_stream`` for a whole StreamField; nobody else switches on
block types. A block without a template for a format raises ``MissingFormat``:
it is never silently rendered as "".

| format | ``Meta`` | what it is | what the caller puts in the context |
|---|---|---|---|
| ``web`` | ``template`` | the public page (Wagtail's ``include_block``) | the page context |
| ``print`` | ``print_template`` | HTML for the PDFs | ``language_code``; ``image_url`` |
| ``ninjs`` | ``ninjs_template`` | self-contained HTML for ninjs and Atom bodies | ``language_code``; ``image_url``; ``expand_rich_text`` (optional) |
| ``text`` | ``text_template`` | plain text, rendered with autoescape off | ``language_code`` |

- ``image_url`` is a callable, image -> URL or None; None leaves the image out.
  The app that owns the output decides which URL (a print-ready photo file, an
  absolute rendition URL); the block only shows what it is given.
- ``expand_rich_text=False`` leaves rich text in Wagtail's database form
  (``<a linktype="page" id="3">``), so that a caller rendering many bodies can
  run ``expand_db_html`` once over all of them.
- HTML formats escape every value (Django autoescape). Plain text is never
  escaped, so it carries no entities, and its whitespace is normalised.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import StrEnum

from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe
from wagtail import blocks

from .text import plain_text


class Format(StrEnum):
    WEB = "web"
    PRINT = "print"
    NINJS = "ninjs"
    TEXT = "text"


class MissingFormat(LookupError):
    """A block cannot render itself in a format: it declares no template for it."""


class RendersFormats:
    """Mixin for StreamField blocks: ``render_format(value, format=..., context=...)``."""

    def format_template(self, format: Format) -> str:
        attribute = "template" if format == Format.WEB else f"{format}_template"
        name = getattr(self.meta, attribute, None)
        if not name:
            raise MissingFormat(f"{type(self).__name__} has no Meta.{attribute}: it cannot render {format!s}")
        return name

    def get_format_context(self, value, *, format: Format, parent_context: Mapping | None = None) -> dict:
        """The template's context: ``value``, the caller's context, and what the block adds."""
        return self.get_context(value, parent_context=dict(parent_context or {}))

    def render_format(self, value, *, format: Format, context: Mapping | None = None) -> SafeString | str:
        template = get_template(self.format_template(format))
        if format == Format.WEB:
            return self.render(value, context=context)
        format_context = self.get_format_context(value, format=format, parent_context=context)
        if format == Format.TEXT:
            return plain_text(template.template.render(Context(format_context, autoescape=False)))
        return mark_safe(template.render(format_context).strip())  # noqa: S308 - rendered with autoescape


def render_stream(stream_value, *, format: Format, context: Mapping | None = None) -> list[SafeString | str]:
    """Each block of a StreamValue rendered in `format`, in order (blank ones included)."""
    rendered = []
    for child in stream_value:
        if not isinstance(child.block, RendersFormats):
            raise MissingFormat(f"{type(child.block).__name__} ({child.block_type!r}) renders no formats")
        rendered.append(child.block.render_format(child.value, format=format, context=context))
    return rendered


def missing_formats(stream_block: blocks.StreamBlock) -> list[str]:
    """One line, "<block>: <format> (<why>)", for each child block (nested
    streams included) that cannot render a format. Empty when every block owns
    every format."""
    problems = []
    for name, block in stream_block.child_blocks.items():
        for format in Format:
            try:
                if not isinstance(block, RendersFormats):
                    raise MissingFormat(f"{type(block).__name__} renders no formats")
                get_template(block.format_template(format))
            except (MissingFormat, TemplateDoesNotExist) as exc:
                problems.append(f"{name}: {format} ({exc})")
        for path, inner in _streams_inside(block, name):
            problems += [f"{path}.{problem}" for problem in missing_formats(inner)]
    return problems


def _streams_inside(block, path: str) -> Iterator[tuple[str, blocks.StreamBlock]]:
    """The streams in a block, with their path: the block itself, or any StreamBlock
    among its fields and list items (whose children render themselves too)."""
    if isinstance(block, blocks.StreamBlock):
        yield path, block
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from _streams_inside(child, f"{path}.{name}")
    elif isinstance(block, blocks.ListBlock):
        yield from _streams_inside(block.child_block, path)
