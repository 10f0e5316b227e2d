"""Bad input gives a readable PDF or a clear error, never a crashed worker."""

import os
import resource

import pytest
from PIL import Image
from wagtail.images.models import Image as WagtailImage

from printing.models import StoryPdf
from printing.services.fonts import MissingFontError
from printing.services.render import RenderError, render_newsbox, render_release
from printing.tasks import render_story_pdfs
from tests.translation import translate

from . import pdfcheck, stories

pytestmark = pytest.mark.django_db


def test_missing_image_file_gives_a_pdf_without_the_photo_and_says_so():
    hero = stories.jpeg_image(title="Lost photo")
    os.remove(hero.file.path)
    story = stories.english_story(hero_image=hero, run_on_commit=False)
    result = render_newsbox(story=story)
    assert pdfcheck.images(result.content) == []
    assert any(
        "missing" in warning and hero.file.name.split("/")[-1] in warning for warning in result.warnings
    )
    assert story.title in pdfcheck.pdftotext(result.content).replace("\n", " ")


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")  # Wagtail reads its size
def test_huge_image_is_reduced_at_decode_and_placed_at_print_resolution(tmp_path):
    path = tmp_path / "huge.jpg"
    Image.new("L", (12000, 12000), 128).save(path, format="JPEG", quality=50)
    with open(path, "rb") as handle:
        from django.core.files.images import ImageFile

        hero = WagtailImage.objects.create(title="Huge", file=ImageFile(handle, name="huge.jpg"))
    story = stories.english_story(hero_image=hero, run_on_commit=False)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = render_newsbox(story=story)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    (image,) = pdfcheck.images(result.content)
    assert image["width"] <= 40 / 25.4 * 300  # one 40 mm column at no more than 300 dpi
    assert grown_mb < 150, f"rendering a 12000x12000 photo grew the process by {grown_mb:.0f} MB"


def test_unreadable_image_file_is_left_out_with_its_reason(tmp_path):
    hero = stories.jpeg_image(title="Broken")
    with open(hero.file.path, "wb") as handle:
        handle.write(b"not a jpeg at all")
    story = stories.english_story(hero_image=hero, run_on_commit=False)
    result = render_release(story=story)
    assert pdfcheck.images(result.content) == []
    assert any("cannot be read" in warning for warning in result.warnings)


def test_empty_body_gives_a_readable_pdf():
    story = stories.english_story(body=[], summary="", subheadlines=[], run_on_commit=False)
    for result in (render_newsbox(story=story), render_release(story=story)):
        text = pdfcheck.pdftotext(result.content)
        assert "Handloom weavers of Chanderi" in text
        assert "2000861" in text


def test_very_long_headline_wraps_inside_the_box():
    headline = " ".join(["Chanderi handloom weavers reach new buyers"] * 6)[:255]
    story = stories.english_story(title=headline, run_on_commit=False)
    result = render_newsbox(story=story)
    media = pdfcheck.page_boxes(result.content)[0]["media"]
    assert media[2] - media[0] == pytest.approx(128 * 72 / 25.4, abs=0.05)
    assert pdfcheck.squash(headline) in pdfcheck.squash(pdfcheck.pdftotext(result.content))


def test_story_too_long_for_a_news_box_is_refused_by_name(settings):
    settings.PRINT_NEWSBOX_MAX_HEIGHT_MM = 30
    story = stories.english_story(run_on_commit=False)
    with pytest.raises(RenderError, match=rf"story {story.pk} \(en\) is too long for a news box"):
        render_newsbox(story=story)


def test_script_without_installed_font_is_reported_by_name_at_render_time(settings):
    settings.PRINT_FONT_OVERRIDES = {"bn": "Noto Sans Bengali Missing"}
    bengali = translate(
        stories.english_story(run_on_commit=False), "bn", strings=stories.STRINGS["bn"], run_on_commit=False
    )
    with pytest.raises(MissingFontError) as error:
        render_newsbox(story=bengali)
    assert "(bn, script Beng)" in str(error.value)
    assert "'Noto Sans Bengali Missing'" in str(error.value)


def test_task_on_a_deleted_page_returns_quietly():
    story = stories.english_story(run_on_commit=False)
    page_id = story.pk
    story.delete()
    assert render_story_pdfs.call(page_id, None) == {"retrying": []}
    assert not StoryPdf.objects.filter(page_id=page_id).exists()
