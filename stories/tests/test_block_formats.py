"""Every block of a story body renders itself in every format (web, print,
ninjs HTML, plain text), and a block that cannot is caught here, not in the
API or the PDF."""

from decimal import Decimal

import pytest
import wagtail_factories
from django.template import TemplateDoesNotExist
from wagtail import blocks

from languages import registry
from stories.blocks import (
    Format,
    MissingFormat,
    RendersFormats,
    StoryBodyBlock,
    html_to_text,
    missing_formats,
    plain_text,
    render_stream,
)

HOSTILE = '<img src=x onerror=alert(1)> family\'s "quote" & co'
ESCAPED = "&lt;img src=x onerror=alert(1)&gt; family&#x27;s &quot;quote&quot; &amp; co"
PHOTO_URL = "https://media.example/photo.jpg"
HTML_FORMATS = (Format.WEB, Format.PRINT, Format.NINJS)


def format_context(**extra) -> dict:
    """What callers pass: the page context for the web, the language and an
    image URL resolver for the other formats."""
    return {
        "current_language": registry.get("en"),
        "language_code": "en",
        "image_url": lambda image: PHOTO_URL,
        **extra,
    }


def sample_value(name: str, block):
    if name == "image":  # a preview cannot hold an image from the library
        image = wagtail_factories.ImageFactory(title="At the loom")
        return block.normalize({"image": image, "caption": "At the loom", "credit": "PIB"})
    return block.normalize(block.get_preview_value())


def hostile_values(image) -> dict:
    return {
        "paragraph": f"<p>{ESCAPED}</p>",
        "heading": HOSTILE,
        "image": {"image": image, "caption": HOSTILE, "credit": HOSTILE},
        "quote": {"quote": HOSTILE, "speaker": HOSTILE},
        "key_figures": [{"value": Decimal("12.5"), "unit": HOSTILE, "label": HOSTILE}],
        "list": [HOSTILE],
    }


def test_every_body_block_declares_a_template_for_every_format():
    assert missing_formats(StoryBodyBlock()) == []


@pytest.mark.django_db
@pytest.mark.parametrize("format", list(Format))
def test_every_body_block_renders_its_sample_in_every_format(format):
    for name, block in StoryBodyBlock().child_blocks.items():
        rendered = block.render_format(sample_value(name, block), format=format, context=format_context())
        assert str(rendered).strip(), f"{name} rendered nothing in {format}: give it a preview_value"


def test_a_block_added_without_a_print_template_is_reported():
    class FactBoxBlock(RendersFormats, blocks.CharBlock):
        class Meta:
            template = "stories/blocks/heading.html"
            ninjs_template = "stories/blocks/ninjs/heading.html"
            text_template = "stories/blocks/text/heading.txt"

    class ExtendedBodyBlock(StoryBodyBlock):
        fact_box = FactBoxBlock()

    problems = missing_formats(ExtendedBodyBlock())
    assert problems == ["fact_box: print (FactBoxBlock has no Meta.print_template: it cannot render print)"]
    with pytest.raises(MissingFormat):
        FactBoxBlock().render_format("A fact", format=Format.PRINT, context=format_context())


def test_a_plain_wagtail_block_a_missing_file_and_a_nested_stream_are_reported():
    class TypoBlock(RendersFormats, blocks.CharBlock):
        class Meta:
            template = "stories/blocks/heading.html"
            print_template = "stories/blocks/print/no-such-block.html"
            ninjs_template = "stories/blocks/ninjs/heading.html"
            text_template = "stories/blocks/text/heading.txt"

    class SectionBlock(RendersFormats, blocks.StructBlock):
        items = blocks.StreamBlock([("typo", TypoBlock())])

        class Meta:
            template = "stories/blocks/heading.html"
            print_template = "stories/blocks/print/heading.html"
            ninjs_template = "stories/blocks/ninjs/heading.html"
            text_template = "stories/blocks/text/heading.txt"

    class ExtendedBodyBlock(StoryBodyBlock):
        aside = blocks.CharBlock()
        section = SectionBlock()

    problems = missing_formats(ExtendedBodyBlock())
    assert [problem.split(" (")[0] for problem in problems] == [
        "aside: web",
        "aside: print",
        "aside: ninjs",
        "aside: text",
        "section.items.typo: print",  # a stream inside a block: its children own their formats too
    ]
    with pytest.raises(TemplateDoesNotExist):
        TypoBlock().render_format("x", format=Format.PRINT, context=format_context())


def test_render_stream_refuses_a_block_that_renders_no_formats():
    class ExtendedBodyBlock(StoryBodyBlock):
        aside = blocks.CharBlock()

    body = ExtendedBodyBlock()
    value = body.to_python([{"type": "heading", "value": "A"}, {"type": "aside", "value": "B"}])
    with pytest.raises(MissingFormat, match="aside"):
        render_stream(value, format=Format.NINJS, context=format_context())


@pytest.mark.django_db
def test_html_formats_escape_hostile_text_and_plain_text_keeps_it_as_written():
    image = wagtail_factories.ImageFactory(title="Loom")
    for name, raw in hostile_values(image).items():
        block = StoryBodyBlock().child_blocks[name]
        value = block.normalize(raw)
        for format in HTML_FORMATS:
            html = str(block.render_format(value, format=format, context=format_context()))
            assert "<img src=x" not in html, f"{name} {format}: {html}"
            assert ESCAPED in html, f"{name} {format}: {html}"
        text = block.render_format(value, format=Format.TEXT, context=format_context())
        assert HOSTILE in text, f"{name}: {text!r}"
        assert "&" not in text.replace("& co", ""), f"{name}: an entity in plain text: {text!r}"


def test_plain_text_is_whitespace_normalised():
    block = StoryBodyBlock().child_blocks["quote"]
    value = block.normalize(
        {"quote": "  Two   spaces\t and\u00a0a no-break one\n\n\n\nnext  ", "speaker": ""}
    )
    assert block.render_format(value, format=Format.TEXT, context=format_context()) == (
        "Two spaces and a no-break one\n\nnext"
    )


def test_rich_text_becomes_paragraphs_of_plain_text():
    assert html_to_text("<p>One&nbsp;<b>bold</b><br/>two</p><ul><li>a &amp; b</li><li>c</li></ul>") == (
        "One bold\ntwo\n\na & b\n\nc"
    )
    assert plain_text("\n\n  a  \n\n\n b \n") == "a\n\nb"


@pytest.mark.django_db
def test_image_formats_show_the_url_the_caller_gives_and_leave_the_image_out_without_one():
    block = StoryBodyBlock().child_blocks["image"]
    value = block.normalize({"image": wagtail_factories.ImageFactory(), "caption": "Loom", "credit": "PIB"})
    for format in (Format.PRINT, Format.NINJS):
        assert PHOTO_URL in block.render_format(value, format=format, context=format_context())
        assert (
            block.render_format(value, format=format, context=format_context(image_url=lambda image: None))
            == ""
        )
    assert block.render_format(value, format=Format.TEXT, context=format_context()) == "Loom PIB"


def test_key_figures_use_indian_grouping_in_the_language_given():
    block = StoryBodyBlock().child_blocks["key_figures"]
    value = block.normalize([{"value": Decimal("1234567"), "unit": "", "label": "weavers"}])
    assert "12,34,567" in block.render_format(value, format=Format.PRINT, context=format_context())
    assert block.render_format(value, format=Format.TEXT, context=format_context(language_code="hi")) == (
        "12,34,567 weavers"
    )


@pytest.mark.django_db
def test_ninjs_paragraph_can_leave_rich_text_for_the_caller_to_expand():
    block = StoryBodyBlock().child_blocks["paragraph"]
    value = block.normalize('<p>See <a linktype="page" id="999999">a page</a></p>')
    deferred = block.render_format(value, format=Format.NINJS, context=format_context(expand_rich_text=False))
    assert 'linktype="page"' in deferred
    assert 'linktype="page"' not in block.render_format(value, format=Format.NINJS, context=format_context())
