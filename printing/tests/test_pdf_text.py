"""The words in the PDFs are the story's words, in the right fonts, with no
missing glyphs."""

import logging

import pytest
from django.utils.html import strip_tags

from languages import formatting, registry
from printing.services.render import render_newsbox
from tests.translation import translate

from . import pdfcheck, stories

INDIC_AND_LATIN = ("en", "hi", "ta", "bn")


def expected_pieces(story) -> list[str]:
    """The story's own text, read from the page (not from the renderer)."""
    office = story.issuing_office.name
    pieces = [story.title, *[str(b.value) for b in story.subheadlines], story.summary]
    pieces.append(formatting.format_dateline(story.posted_at, story.locale.language_code, office))
    pieces.append(story.hero_credit)
    pieces += [strip_tags(str(block.value)) for block in story.body]
    pieces.append(str(story.release_id))
    return pieces


@pytest.mark.parametrize("code", INDIC_AND_LATIN)
@pytest.mark.parametrize("kind", ["newsbox", "release"])
def test_extracted_text_is_the_story_text(rendered, code, kind):
    story = rendered[code]["story"]
    extracted = pdfcheck.pdftotext(rendered[code][kind].content)
    squashed = pdfcheck.squash(extracted)
    for piece in expected_pieces(story):
        assert pdfcheck.squash(piece) in squashed, f"{code} {kind}: {piece!r} not found in\n{extracted}"
    # And nothing else but the labels around them: every story word is there as a word.
    expected_words = pdfcheck.words(" ".join(expected_pieces(story)))
    missing = expected_words - pdfcheck.words(extracted)
    assert not missing, f"{code} {kind}: words missing or misspelt in the PDF: {sorted(missing)}"


@pytest.mark.parametrize("kind", ["newsbox", "release"])
def test_urdu_text_extracts_as_the_story_words(rendered, kind):
    story = rendered["ur"]["story"]
    extracted = pdfcheck.pdftotext(rendered["ur"][kind].content)
    got = pdfcheck.logical_words_from_rtl_pdftotext(extracted)
    urdu_pieces = [story.title, *[str(b.value) for b in story.subheadlines], story.summary, story.hero_credit]
    urdu_pieces += [strip_tags(str(block.value)) for block in story.body]
    expected = pdfcheck.bare_words(" ".join(urdu_pieces))
    missing = expected - got
    assert not missing, f"Urdu {kind}: words missing or misspelt: {sorted(missing)}\n{extracted}"


@pytest.mark.parametrize("code", [*INDIC_AND_LATIN, "ur"])
@pytest.mark.parametrize("kind", ["newsbox", "release"])
def test_every_font_is_embedded_and_the_script_uses_its_noto_face(rendered, code, kind):
    fonts = pdfcheck.pdffonts(rendered[code][kind].content)
    assert fonts
    assert all(font["emb"] == "yes" for font in fonts), fonts
    assert all(font["uni"] == "yes" for font in fonts), fonts
    family = registry.get(code).font_family.replace(" ", "-")
    names = [font["name"].split("+", 1)[-1] for font in fonts]
    assert any(name == family or name.startswith(f"{family}-") for name in names), (family, names)


@pytest.mark.parametrize("code", ["hi", "ta", "bn", "ur"])
def test_no_missing_glyphs_in_any_script(rendered, code):
    for kind in ("newsbox", "release"):
        assert rendered[code][kind].warnings == [], (code, kind, rendered[code][kind].warnings)


@pytest.mark.django_db
def test_weasyprint_logs_no_notdef_for_indic_and_urdu_stories(caplog):
    english = stories.english_story(run_on_commit=False)
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        for code in ("hi", "ta", "bn", "ur"):
            render_newsbox(story=translate(english, code, strings=stories.STRINGS[code], run_on_commit=False))
    assert not [r for r in caplog.records if r.name.startswith("weasyprint")], caplog.text


@pytest.mark.django_db
def test_a_character_no_font_has_is_caught_as_a_missing_glyph(caplog):
    # U+E000 (private use) is in no installed font: the check must see it.
    story = stories.english_story(title="Weavers \ue000 of Chanderi", run_on_commit=False)
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        result = render_newsbox(story=story)
    assert any(".notdef" in message for message in result.warnings)
    assert ".notdef" in caplog.text


def test_urdu_pdf_declares_rtl_and_the_nastaliq_face(rendered):
    # The layout itself: a right-to-left paragraph starts at the right edge.
    fonts = [f["name"] for f in pdfcheck.pdffonts(rendered["ur"]["newsbox"].content)]
    assert any("Noto-Nastaliq-Urdu" in name for name in fonts)
