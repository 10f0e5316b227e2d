"""StreamField blocks for a story body. One template per block."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

# Rich text features editors may use in a paragraph. Anything else pasted in
# (scripts, styles, iframes, event handlers) is dropped by Wagtail's whitelist.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=PARAGRAPH_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "stories/blocks/paragraph.html"


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "stories/blocks/heading.html"
        form_classname = "title"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=500)
    credit = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "image"
        template = "stories/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    speaker = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "openquote"
        template = "stories/blocks/quote.html"
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


class KeyFiguresBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(KeyFigureBlock(), **kwargs)

    class Meta:
        icon = "order"
        template = "stories/blocks/key_figures.html"


class BulletListBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(blocks.CharBlock(label=_("item")), **kwargs)

    class Meta:
        icon = "list-ul"
        template = "stories/blocks/list.html"


class StoryBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    list = BulletListBlock()


class SubheadlineBlock(blocks.StreamBlock):
    subheadline = blocks.CharBlock(max_length=500, template="stories/blocks/subheadline.html")
