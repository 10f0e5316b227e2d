"""The blocks of a story body. Each renders itself in every format (see
formats.py): one template per format under ``stories/blocks/<format>/``."""

import copy
from decimal import Decimal

from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import expand_db_html

from .formats import Format, RendersFormats
from .text import html_to_text

# Rich text features editors may use in a paragraph. Anything else pasted in
# (scripts, styles, iframes, event handlers) is dropped by Wagtail's whitelist.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ParagraphBlock(RendersFormats, blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=PARAGRAPH_FEATURES, **kwargs)

    def get_format_context(self, value, *, format, parent_context=None):
        context = super().get_format_context(value, format=format, parent_context=parent_context)
        source = self.normalize(value).source or ""
        context["text"] = html_to_text(source)
        if format != Format.TEXT:
            expand = context.get("expand_rich_text", True)
            # Wagtail-sanitised rich text, as the web template's |richtext shows it.
            context["html"] = mark_safe(expand_db_html(source) if expand else source)  # noqa: S308
        return context

    class Meta:
        icon = "pilcrow"
        template = "stories/blocks/paragraph.html"
        print_template = "stories/blocks/print/paragraph.html"
        ninjs_template = "stories/blocks/ninjs/paragraph.html"
        text_template = "stories/blocks/text/paragraph.txt"
        preview_value = "<p>Weavers of the district found buyers on <b>GeM</b> and ONDC.</p>"


class HeadingBlock(RendersFormats, blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "stories/blocks/heading.html"
        print_template = "stories/blocks/print/heading.html"
        ninjs_template = "stories/blocks/ninjs/heading.html"
        text_template = "stories/blocks/text/heading.txt"
        form_classname = "title"
        preview_value = "Weavers earned more than ever"


class StoryImageChooserBlock(ImageChooserBlock):
    """Wagtail's image chooser, its images read with their renditions: one
    query for a body's images where Wagtail's `in_bulk` and the renditions
    the page shows took two (stories.selectors.images_by_id)."""

    def bulk_to_python(self, values):
        values = list(values)
        if any(not isinstance(value, int) for value in values if value is not None):
            return super().bulk_to_python(values)  # what in_bulk makes of other keys
        from ..selectors import images_by_id  # the selectors import the models, which import these blocks

        images = images_by_id([value for value in values if value is not None])
        result, seen = [], set()
        for value in values:
            image = images.get(value)
            # As Wagtail's: the same image twice is two instances.
            result.append(copy.copy(image) if image is not None and value in seen else image)
            seen.add(value)
        return result


class CaptionedImageBlock(RendersFormats, blocks.StructBlock):
    image = StoryImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=500)
    credit = blocks.CharBlock(required=False, max_length=255)

    def get_format_context(self, value, *, format, parent_context=None):
        context = super().get_format_context(value, format=format, parent_context=parent_context)
        image = value.get("image")
        # The output's owner says which file or URL shows the image (None: leave it out).
        if format in (Format.PRINT, Format.NINJS) and image is not None:
            context["src"] = context["image_url"](image)
        return context

    class Meta:
        icon = "image"
        template = "stories/blocks/image.html"
        print_template = "stories/blocks/print/image.html"
        ninjs_template = "stories/blocks/ninjs/image.html"
        text_template = "stories/blocks/text/image.txt"


class QuoteBlock(RendersFormats, blocks.StructBlock):
    quote = blocks.TextBlock()
    speaker = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "openquote"
        template = "stories/blocks/quote.html"
        print_template = "stories/blocks/print/quote.html"
        ninjs_template = "stories/blocks/ninjs/quote.html"
        text_template = "stories/blocks/text/quote.txt"
        preview_value = {"quote": "ODOP gave our weavers a market.", "speaker": "A weaver"}


class KeyFigureBlock(blocks.StructBlock):
    # The value is a number as the editor wrote it ("1234567" or "12.5");
    # the unit may be "lakh", "crore", "%", "tonnes". Indian digit grouping is
    # applied at render time in the page's language.
    value = blocks.DecimalBlock(decimal_places=2)
    unit = blocks.CharBlock(required=False, max_length=40)
    label = blocks.CharBlock(max_length=255)

    class Meta:
        icon = "snippet"


class KeyFiguresBlock(RendersFormats, blocks.ListBlock):
    """Its templates render each figure: a figure is never a block of its own."""

    def __init__(self, **kwargs):
        super().__init__(KeyFigureBlock(), **kwargs)

    class Meta:
        icon = "order"
        template = "stories/blocks/key_figures.html"
        print_template = "stories/blocks/print/key_figures.html"
        ninjs_template = "stories/blocks/ninjs/key_figures.html"
        text_template = "stories/blocks/text/key_figures.txt"
        preview_value = [
            {"value": Decimal("1234567"), "unit": "", "label": "weavers trained"},
            {"value": Decimal("12.5"), "unit": "lakh", "label": "turnover"},
        ]


class BulletListBlock(RendersFormats, blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(blocks.CharBlock(label=_("item")), **kwargs)

    class Meta:
        icon = "list-ul"
        template = "stories/blocks/list.html"
        print_template = "stories/blocks/print/list.html"
        ninjs_template = "stories/blocks/ninjs/list.html"
        text_template = "stories/blocks/text/list.txt"
        preview_value = ["Training", "Design support", "Market access"]


class StoryBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    list = BulletListBlock()


class SubheadlineBlock(blocks.StreamBlock):
    subheadline = blocks.CharBlock(max_length=500, template="stories/blocks/subheadline.html")


# Migrations name these blocks by the package path (stories.blocks.X), as they
# did before the module became a package; Wagtail reads this dictionary.
DECONSTRUCT_ALIASES = {
    block_class: f"stories.blocks.{block_class.__name__}"
    for block_class in (
        ParagraphBlock,
        HeadingBlock,
        CaptionedImageBlock,
        QuoteBlock,
        KeyFigureBlock,
        KeyFiguresBlock,
        BulletListBlock,
        StoryBodyBlock,
        SubheadlineBlock,
    )
}
