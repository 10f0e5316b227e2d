"""The PIB plain-text release format, parsed without a database."""

import datetime as dt
from pathlib import Path

import pytest

from languages.formatting import IST
from stories.services.release_header import HeaderAnchors
from stories.services.release_parser import ReleaseFormatError
from stories.services.release_parser import parse_release as parse_with_anchors
from stories.services.release_parser import parse_release_bytes as parse_bytes_with_anchors

FIXTURES = Path(__file__).parent / "fixtures"


ANCHORS = HeaderAnchors.from_names(
    ministries=["Ministry of Commerce and Industry", "वाणिज्य एवं उद्योग मंत्रालय", "وزارت تجارت و صنعت"],
    offices=["PIB Delhi"],
)


def parse_release(text, anchors=ANCHORS):
    return parse_with_anchors(text, anchors=anchors)


def parse_release_bytes(data, anchors=ANCHORS):
    return parse_bytes_with_anchors(data, anchors=anchors)


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def release_text(**parts) -> str:
    """A well-formed English release, with any part replaced."""
    lines = {
        "ministry": "Ministry of Commerce & Industry",
        "headline": "Weavers reach new markets",
        "posted": "Posted On: 31 JAN 2024 1:42PM by PIB Delhi",
        "body": "First paragraph.\n\nSecond paragraph.",
        "end": "***\n\nMG/AR/PK\n\n(Release ID: 2000861) Visitor Counter : 265",
    }
    lines.update(parts)
    return "\n\n".join(lines.values()) + "\n"


def test_english_release_has_every_part():
    release = parse_release(fixture_text("english_release.txt"))
    assert release.ministry == "Ministry of Commerce and Industry"
    assert release.headline.startswith("ODOP Sampark workshop in Varanasi")
    assert release.subheadlines == (
        "Weavers learn to list hand-woven sarees on the Government e-Marketplace",
        "120 artisans & 14 self-help groups register as sellers in a day",
    )
    assert release.posted_at == dt.datetime(2024, 2, 15, 12, 5, tzinfo=IST)
    assert release.issuing_office == "PIB Mumbai"
    assert release.issuing_office_city == "Mumbai"
    assert len(release.paragraphs) == 3
    assert release.initials == "DS/SKS"
    assert release.release_id == 2004512
    assert release.visitor_count == 1204


def test_hindi_release_keeps_devanagari_and_skips_slogan_and_nbsp_lines():
    release = parse_release(fixture_text("hindi_release.txt"))
    assert release.ministry == "वाणिज्य एवं उद्योग मंत्रालय"
    assert "azadi ka amrit mahotsav" not in (release.headline, *release.subheadlines)
    assert release.subheadlines == ("कार्यशाला में 80 कारीगरों और 5 किसान उत्पादक संगठनों ने भाग लिया",)
    assert release.posted_at == dt.datetime(2024, 3, 9, 16, 30, tzinfo=IST)
    assert release.posted_at.utcoffset() == dt.timedelta(hours=5, minutes=30)
    assert [p[:12] for p in release.paragraphs] == ["उद्योग और आं", "कन्नौज का इत", "कारीगरों को "]
    assert release.initials == "एसके/एनडी"
    assert (release.release_id, release.visitor_count) == (2004513, 87)


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("31 JAN 2024 1:42PM", dt.datetime(2024, 1, 31, 13, 42, tzinfo=IST)),
        ("1 Jan 2024 12:05AM", dt.datetime(2024, 1, 1, 0, 5, tzinfo=IST)),
        ("1 JAN 2024 12:05PM", dt.datetime(2024, 1, 1, 12, 5, tzinfo=IST)),
        ("29 FEB 2024 11:59 pm", dt.datetime(2024, 2, 29, 23, 59, tzinfo=IST)),
        ("5 September 2023 9:00AM", dt.datetime(2023, 9, 5, 9, 0, tzinfo=IST)),
    ],
)
def test_posted_on_is_read_as_ist_twelve_hour_time(stamp, expected):
    release = parse_release(release_text(posted=f"Posted On: {stamp} by PIB Delhi"))
    assert release.posted_at == expected


def test_hindi_posted_on_label_and_missing_office_are_accepted():
    release = parse_release(release_text(posted="प्रविष्टि तिथि: 31 JAN 2024 1:42PM"))
    assert release.posted_at == dt.datetime(2024, 1, 31, 13, 42, tzinfo=IST)
    assert release.issuing_office == ""


def test_crlf_bom_and_visitor_counter_on_its_own_line():
    text = release_text(end="***\n\nMG/AR/PK\n\n(Release ID: 2000861)\n\nVisitor Counter : 12").replace(
        "\n", "\r\n"
    )
    release = parse_release_bytes(("\ufeff" + text).encode("utf-8"))
    assert release.ministry == "Ministry of Commerce and Industry"
    assert release.paragraphs == ("First paragraph.", "Second paragraph.")
    assert (release.release_id, release.visitor_count) == (2000861, 12)


def test_without_separator_every_line_is_body_and_initials_are_empty():
    release = parse_release(release_text(end="(Release ID: 2000861)"))
    assert release.paragraphs == ("First paragraph.", "Second paragraph.")
    assert release.initials == ""
    assert release.visitor_count is None


def test_markup_in_the_text_is_kept_as_plain_text():
    release = parse_release(release_text(body="Sold <b>out</b> & <script>x()</script>"))
    assert release.paragraphs == ("Sold <b>out</b> & <script>x()</script>",)


def test_seed_style_release_with_two_subheadlines():
    release = parse_release(release_text(headline="Headline\n\n\nFirst subheadline\n\nSecond subheadline"))
    assert release.headline == "Headline"
    assert release.subheadlines == ("First subheadline", "Second subheadline")


def assert_format_error(text_or_bytes, *, line: int, says: str):
    with pytest.raises(ReleaseFormatError) as error:
        if isinstance(text_or_bytes, bytes):
            parse_release_bytes(text_or_bytes)
        else:
            parse_release(text_or_bytes)
    assert error.value.line == line, str(error.value)
    assert says in error.value.message
    return error.value


@pytest.mark.parametrize(
    ("fixture", "line", "says"),
    [
        ("malformed_no_posted_on.txt", 1, "no 'Posted On' line"),
        ("malformed_bad_date.txt", 11, "'30 FEB 2024' is not a date"),
        ("malformed_no_release_id.txt", 23, "no '(Release ID: …)' line"),
        ("malformed_empty_body.txt", 11, "the body is empty"),
        ("malformed_not_utf8.txt", 15, "not UTF-8"),
        ("not_a_release.txt", 1, "does not look like a PIB release"),
    ],
)
def test_malformed_fixture_names_line_and_problem(fixture, line, says):
    assert_format_error((FIXTURES / fixture).read_bytes(), line=line, says=says)


@pytest.mark.parametrize(
    ("posted", "says"),
    [
        ("Posted On: yesterday by PIB Delhi", "cannot read the date"),
        ("Posted On: 31 JNA 2024 1:42PM by PIB Delhi", "'JNA' is not a month name"),
        ("Posted On: 31 JAN 2024 13:42PM by PIB Delhi", "not a 12-hour clock time"),
        ("Posted On: 31 JAN 2024 1:42 by PIB Delhi", "cannot read the date"),
    ],
)
def test_bad_posted_on_line_is_named(posted, says):
    assert_format_error(release_text(posted=posted), line=5, says=says)


def test_empty_file_is_refused():
    assert_format_error(b"\n \n\xc2\xa0\n", line=1, says="the file is empty")


def test_missing_headline_is_refused():
    assert_format_error(release_text(headline="azadi ka amrit mahotsav"), line=1, says="no headline")


def test_headline_too_long_for_a_page_title_is_refused():
    assert_format_error(release_text(headline="क" * 256), line=3, says="headline is 256 characters")


def test_two_releases_in_one_file_are_refused():
    text = release_text() + "\n" + release_text()
    assert_format_error(text, line=21, says="second 'Posted On' line")


def test_text_after_release_id_is_refused():
    assert_format_error(
        release_text(end="***\n\nMG\n\n(Release ID: 2000861)\n\nRead more on pib.gov.in"),
        line=17,
        says="unexpected text after the Release ID",
    )


def test_text_between_initials_and_release_id_is_refused():
    assert_format_error(
        release_text(end="***\n\nMG/AR\n\nstray line\n\n(Release ID: 2000861)"),
        line=15,
        says="unexpected text after the initials",
    )


def test_release_id_must_be_a_number():
    assert_format_error(
        release_text(end="***\n\nMG\n\n(Release ID: PRID-1)"), line=15, says="cannot read the Release ID"
    )
