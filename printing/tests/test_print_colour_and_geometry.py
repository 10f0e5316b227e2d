"""PDF/X-1a news boxes: no RGB anywhere, an OutputIntent, greyscale or CMYK
photos at print resolution, and the configured column geometry."""

import pytest
from django.conf import settings as django_settings
from django.core.files.storage import FileSystemStorage
from PIL import Image, ImageCms

from printing.services.photos import PhotoMode, PhotoSource, prepare_photo
from printing.services.render import render_newsbox

from . import pdfcheck, stories

MM_TO_PT = 72 / 25.4


@pytest.mark.parametrize("code", ["en", "hi", "ta", "bn", "ur"])
def test_greyscale_newsbox_holds_no_rgb_and_carries_an_output_intent(rendered, code):
    content = rendered[code]["newsbox"].content
    assert pdfcheck.rgb_colour_uses(content) == []
    intents = pdfcheck.output_intents(content)
    assert len(intents) == 1
    assert intents[0]["/S"] == "/GTS_PDFX"
    assert "/DestOutputProfile" in intents[0]
    assert b"/GTS_PDFXVersion (PDF/X-1a:2003)" in content or b"PDF/X-1a:2003" in content


def test_cmyk_newsbox_holds_no_rgb_and_a_cmyk_photo(rendered):
    content = rendered["en"]["newsbox_cmyk"].content
    assert pdfcheck.rgb_colour_uses(content) == []
    assert pdfcheck.output_intents(content)
    assert [image["colour_space"] for image in pdfcheck.images(content)] == ["/DeviceCMYK"]


def test_greyscale_newsbox_photo_is_devicegray(rendered):
    assert [image["colour_space"] for image in pdfcheck.images(rendered["hi"]["newsbox"].content)] == [
        "/DeviceGray"
    ]


def test_rgb_detector_finds_rgb_in_the_a4_release(rendered):
    # The A4 release is PDF/A with sRGB: the scanner must see its RGB, or it proves nothing.
    assert pdfcheck.rgb_colour_uses(rendered["en"]["release"].content)


def profile_name(path) -> str:
    return ImageCms.getProfileDescription(ImageCms.getOpenProfile(str(path))).strip()


def test_output_intent_names_the_configured_profile(rendered):
    intent = pdfcheck.output_intents(rendered["en"]["newsbox"].content)[0]
    assert str(intent["/OutputConditionIdentifier"]) == profile_name(django_settings.PRINT_ICC_PROFILE)


@pytest.mark.django_db
def test_print_icc_profile_setting_points_to_another_profile(settings):
    default, other = settings.PRINT_ICC_PROFILE, "/usr/share/color/icc/ghostscript/ps_cmyk.icc"
    settings.PRINT_ICC_PROFILE = other
    content = render_newsbox(story=stories.english_story(run_on_commit=False)).content
    intent = pdfcheck.output_intents(content)[0]
    assert str(intent["/OutputConditionIdentifier"]) == profile_name(other) != profile_name(default)


@pytest.mark.parametrize("code", ["en", "ur"])
def test_newsbox_width_is_three_columns_of_40mm_and_trim_equals_media(rendered, code):
    boxes = pdfcheck.page_boxes(rendered[code]["newsbox"].content)
    assert len(boxes) == 1
    media, trim = boxes[0]["media"], boxes[0]["trim"]
    assert media[2] - media[0] == pytest.approx((3 * 40 + 2 * 4) * MM_TO_PT, abs=0.05)
    assert trim == pytest.approx(media, abs=0.01)


def test_newsbox_height_shrinks_to_its_content(rendered):
    result = rendered["hi"]["newsbox"]
    media = pdfcheck.page_boxes(result.content)[0]["media"]
    height_mm = (media[3] - media[1]) / MM_TO_PT
    assert height_mm == pytest.approx(result.height_mm, abs=0.1)
    assert 20 < height_mm < 200


@pytest.mark.django_db
def test_configured_columns_change_the_box(settings):
    settings.PRINT_NEWSBOX_COLUMNS = 2
    settings.PRINT_NEWSBOX_COLUMN_MM = 50
    settings.PRINT_NEWSBOX_GUTTER_MM = 5
    story = stories.english_story(run_on_commit=False)
    two_columns = render_newsbox(story=story)
    media = pdfcheck.page_boxes(two_columns.content)[0]["media"]
    assert media[2] - media[0] == pytest.approx(105 * MM_TO_PT, abs=0.05)
    settings.PRINT_NEWSBOX_COLUMNS = 1
    one_column = render_newsbox(story=story)
    assert one_column.height_mm > two_columns.height_mm  # same text, narrower box, taller


def test_a4_release_is_a4_and_pdf_a(rendered):
    for box in pdfcheck.page_boxes(rendered["ta"]["release"].content):
        assert box["media"][2] == pytest.approx(595.28, abs=0.1)
        assert box["media"][3] == pytest.approx(841.89, abs=0.1)
    assert b'pdfaid:part="2" pdfaid:conformance="B"' in pdfcheck.xmp(rendered["ta"]["release"].content)


def test_photo_is_resampled_to_print_resolution_and_converted(tmp_path, settings):
    settings.PRINT_IMAGE_DPI = 250
    stories.colourful_jpeg(tmp_path / "wide.jpg", width=3000, height=2000)
    source = PhotoSource(storage=FileSystemStorage(location=tmp_path), name="wide.jpg")
    grey = prepare_photo(source=source, placed_width_mm=40, mode=PhotoMode.GREY)
    assert grey.width_px == round(40 / 25.4 * 250)  # 394 px for 40 mm at 250 dpi
    with Image.open(grey.path) as image:
        assert image.mode == "L"
    cmyk = prepare_photo(source=source, placed_width_mm=40, mode=PhotoMode.CMYK)
    with Image.open(cmyk.path) as image:
        assert image.mode == "CMYK"
        cyan, magenta, yellow, black = (band.getextrema() for band in image.split())
        assert cyan[1] > 0 and magenta[1] > 0  # real colour separations, not grey in K


def test_small_photo_is_never_upscaled(tmp_path):
    stories.colourful_jpeg(tmp_path / "small.jpg", width=200, height=150)
    source = PhotoSource(storage=FileSystemStorage(location=tmp_path), name="small.jpg")
    photo = prepare_photo(source=source, placed_width_mm=128, mode=PhotoMode.GREY)
    assert (photo.width_px, photo.height_px) == (200, 150)
