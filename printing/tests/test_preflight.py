"""The PDFs pass a strict preflight: valid dates in every time zone, no
/Interpolate, no unused colour spaces, PDF/A-2b by pikepdf's validator for the
release, and the PDF/X-1a structure for both news boxes."""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from django.utils import timezone

from printing.services.finishing import ProfileError, pdf_date, set_output_intent, xmp_date
from printing.services.render import NewsboxVariant, render_newsbox, render_release
from tests.translation import translate

from . import pdfcheck, preflight, stories

GHOSTSCRIPT_ICC = "/usr/share/color/icc/ghostscript"

# Every UTC offset in use, in quarter hours from -12:00 to +14:00 (+05:30, +05:45, +09:30, -03:30 among them).
OFFSETS = [dt.timedelta(minutes=15 * quarter) for quarter in range(-48, 57)]
MOMENT = dt.datetime(2024, 1, 31, 23, 59, 58)


@pytest.mark.parametrize("offset", OFFSETS, ids=lambda offset: f"{offset.total_seconds() / 3600:+.2f}h")
def test_pdf_and_xmp_dates_name_the_same_instant_in_every_time_zone(offset):
    moment = MOMENT.replace(tzinfo=dt.timezone(offset))
    info, xmp = pdf_date(moment), xmp_date(moment)
    assert preflight.parse_pdf_date(info) == moment
    assert preflight.parse_xmp_date(xmp) == moment
    if offset:
        minutes = abs(int(offset.total_seconds() // 60))
        assert info.endswith(f"{minutes // 60:02d}'{minutes % 60:02d}'")
        assert xmp.endswith(f"{minutes // 60:02d}:{minutes % 60:02d}")
    else:
        assert info.endswith("Z") and xmp.endswith("Z")


def test_a_naive_datetime_is_refused():
    with pytest.raises(ValueError, match="no time zone"):
        pdf_date(MOMENT)


# Marked so that pytest-django sets the test database up for the module fixture.
uses_db = pytest.mark.django_db


@pytest.fixture(scope="module")
def pdfs(django_db_setup, django_db_blocker):
    """A story (Hindi for the CMYK box and the release), rendered in three time zones."""
    with django_db_blocker.unblock(), transaction.atomic():
        english = stories.english_story(
            hero_image=stories.jpeg_image(width=1200, height=800), run_on_commit=False
        )
        hindi = translate(english, "hi", strings=stories.STRINGS["hi"], run_on_commit=False)
        with timezone.override(ZoneInfo("Asia/Kolkata")):
            result = {"grey": render_newsbox(story=english).content}
        with timezone.override(ZoneInfo("America/St_Johns")):  # -03:30 (-02:30 in summer)
            result["cmyk"] = render_newsbox(story=hindi, variant=NewsboxVariant.CMYK).content
        with timezone.override(ZoneInfo("Asia/Kathmandu")):  # +05:45
            result["release"] = render_release(story=hindi).content
        transaction.set_rollback(True)
    return result


@uses_db
@pytest.mark.parametrize("name", ["grey", "cmyk", "release"])
def test_no_interpolation_bad_dates_or_unused_colour_spaces(pdfs, name):
    assert preflight.common_problems(pdfs[name]) == []


@uses_db
def test_poppler_reads_the_render_time_to_the_minute(pdfs):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdfs["release"])
        handle.flush()
        info = subprocess.run(  # noqa: S603
            ["pdfinfo", "-isodates", handle.name],
            capture_output=True,
            check=True,
            text=True,  # noqa: S607
        ).stdout
    created = next(line.split(None, 1)[1] for line in info.splitlines() if line.startswith("CreationDate:"))
    assert created.strip().endswith("+05:45")
    moment = dt.datetime.fromisoformat(created.strip())
    assert abs(timezone.now() - moment) < dt.timedelta(minutes=30)


@uses_db
def test_release_passes_pikepdf_pdfa_2b_validator(pdfs):
    report = preflight.pdfa_report(pdfs["release"])
    assert report.passed, report.summary()
    assert not report.violations and not report.unsupported


@uses_db
@pytest.mark.parametrize("name", ["grey", "cmyk"])
def test_news_boxes_have_the_pdf_x1a_structure(pdfs, name):
    assert preflight.x1a_problems(pdfs[name]) == []
    assert preflight.page_rgb_operators(pdfs[name]) == []


@uses_db
@pytest.mark.parametrize("name", ["grey", "cmyk", "release"])
def test_every_font_is_embedded_and_subset(pdfs, name):
    fonts = pdfcheck.pdffonts(pdfs[name])
    assert fonts
    assert all(font["emb"] == "yes" and font["sub"] == "yes" for font in fonts), fonts


@uses_db
def test_set_output_intent_names_the_new_profile_and_stays_x1a(pdfs):
    content = set_output_intent(pdfs["grey"], profile_path=f"{GHOSTSCRIPT_ICC}/ps_cmyk.icc")
    intent = pdfcheck.output_intents(content)[0]
    assert str(intent["/OutputConditionIdentifier"]) == str(intent["/Info"]) == "Artifex PS CMYK Profile"
    assert intent["/DestOutputProfile"].get_object()["/N"] == 4
    assert preflight.x1a_problems(content) == []
    with pytest.raises(ProfileError):
        set_output_intent(content, profile_path=f"{GHOSTSCRIPT_ICC}/srgb.icc")
