"""Deviating headers are placed by known names, or refused naming the line:
never shifted. Labels and dates are read in all 23 languages."""

import datetime as dt

import pytest
from babel.dates import get_month_names

from languages import registry
from languages.formatting import IST
from stories.services import release_labels
from stories.services.release_header import HeaderAnchors
from stories.services.release_parser import ReleaseFormatError, parse_release

ANCHORS = HeaderAnchors.from_names(
    ministries=[
        "Ministry of Commerce and Industry",
        "वाणिज्य एवं उद्योग मंत्रालय",
        "வர்த்தகம் மற்றும் தொழில்துறை அமைச்சகம்",
    ],
    offices=["PIB Headquarters"],
)
HEADLINE = "Weavers reach new markets"
SUBHEADLINE = "120 artisans register as sellers"
POSTED = "Posted On: 31 JAN 2024 1:42PM by PIB Delhi"
TAIL = ["First paragraph.", "***", "MG/AR", "(Release ID: 2000861)"]


def release(*header: str, posted: str = POSTED, tail=TAIL) -> str:
    return "\n\n".join([*header, posted, *tail]) + "\n"


@pytest.mark.parametrize(
    ("header", "ministry", "subheadlines", "warned_lines"),
    [
        pytest.param(
            ["Ministry of Commerce & Industry", HEADLINE, SUBHEADLINE],
            "Ministry of Commerce and Industry",
            [SUBHEADLINE],
            [],
            id="as-published",
        ),
        pytest.param(
            ["Unknown banner text", "Ministry of Commerce and Industry", HEADLINE],
            "Ministry of Commerce and Industry",
            [],
            [1],
            id="unknown-banner-above",
        ),
        pytest.param(
            [
                "Banner one",
                "G20 India Presidency",
                "Ministry of Commerce and Industry",
                HEADLINE,
                SUBHEADLINE,
            ],
            "Ministry of Commerce and Industry",
            [SUBHEADLINE],
            [1, 3],
            id="two-banners",
        ),
        pytest.param(
            ["वाणिज्य एवं उद्योग मंत्रालय", "azadi ka amrit mahotsav", HEADLINE],
            "वाणिज्य एवं उद्योग मंत्रालय",
            [],
            [3],
            id="ministry-in-hindi-slogan-below",
        ),
        pytest.param(
            ["  MINISTRY  OF COMMERCE AND INDUSTRY.", HEADLINE],
            "Ministry of Commerce and Industry",
            [],
            [],
            id="ministry-case-and-spacing",
        ),
        pytest.param([HEADLINE], "", [], [1], id="no-ministry-line-headline-only"),
        pytest.param(
            ["azadi ka amrit mahotsav", HEADLINE], "", [], [1, 3], id="no-ministry-line-after-slogan"
        ),
        pytest.param(["PIB Headquarters", HEADLINE], "", [], [1], id="office-on-the-ministry-line"),
    ],
)
def test_header_is_placed_by_the_known_ministry(header, ministry, subheadlines, warned_lines):
    parsed = parse_release(release(*header), anchors=ANCHORS)
    assert parsed.ministry == ministry
    assert parsed.headline == HEADLINE
    assert list(parsed.subheadlines) == subheadlines
    assert [note.line for note in parsed.warnings] == warned_lines


@pytest.mark.parametrize(
    ("header", "line", "says"),
    [
        pytest.param(
            [HEADLINE, SUBHEADLINE],
            1,
            f"'{HEADLINE}' is not a known ministry",
            id="no-ministry-line-with-subheadline",
        ),
        pytest.param(
            ["Ministry of Textiles", HEADLINE],
            1,
            "'Ministry of Textiles' is not a known ministry",
            id="unknown-ministry",
        ),
        pytest.param(
            ["Ministry of Commerce and Industry", "वाणिज्य एवं उद्योग मंत्रालय", HEADLINE],
            3,
            "second ministry",
            id="two-ministry-lines",
        ),
        pytest.param(["Ministry of Commerce and Industry"], 1, "no headline", id="ministry-without-headline"),
        pytest.param(["azadi ka amrit mahotsav"], 3, "found nothing", id="only-a-slogan"),
    ],
)
def test_header_it_cannot_place_is_refused_naming_the_line(header, line, says):
    with pytest.raises(ReleaseFormatError) as error:
        parse_release(release(*header), anchors=ANCHORS)
    assert error.value.line == line
    assert says in error.value.message


def test_without_known_names_a_ministry_line_is_never_taken_as_the_headline():
    with pytest.raises(ReleaseFormatError, match="line 1: 'Ministry of Commerce"):
        parse_release(release("Ministry of Commerce and Industry", HEADLINE))


@pytest.mark.parametrize("code", registry.ALL_CODES)
def test_labels_and_native_digits_in_every_language(code):
    language = registry.get(code)
    labels = release_labels.LABELS[code]
    month = get_month_names("wide", "format", language.babel_locale)[3]
    stamp = release_labels.native_digits(f"9 {month} 2024 4:30PM", language.script)
    counter = release_labels.native_digits("1,204", language.script)
    parsed = parse_release(
        release(
            "Ministry of Commerce and Industry",
            HEADLINE,
            posted=f"{labels.posted_on[0]}: {stamp} {labels.by[0]} PIB Chennai",
            tail=[
                "Body.",
                f"({labels.release_id[0]}: {release_labels.native_digits('2000861', language.script)})",
                f"{labels.visitor_counter[0]} : {counter}",
            ],
        ),
        anchors=ANCHORS,
    )
    assert parsed.posted_at == dt.datetime(2024, 3, 9, 16, 30, tzinfo=IST)
    assert (parsed.issuing_office, parsed.release_id, parsed.visitor_count) == ("PIB Chennai", 2000861, 1204)
    assert parsed.headline == HEADLINE and parsed.paragraphs == ("Body.",)


@pytest.mark.parametrize(
    ("posted", "expected", "office"),
    [
        (
            "प्रविष्टि तिथि: ३१ जनवरी २०२४, १:४२ अपराह्न, द्वारा PIB Delhi",
            dt.datetime(2024, 1, 31, 13, 42, tzinfo=IST),
            "PIB Delhi",
        ),
        (
            "பதிவு: ௯ மார்ச் ௨௦௨௪ பிற்பகல் ௪:௩௦ மூலம் PIB Chennai",
            dt.datetime(2024, 3, 9, 16, 30, tzinfo=IST),
            "PIB Chennai",
        ),
        (
            "প্রকাশিত: ০৯ মার্চ ২০২৪ ১০:০৫AM দ্বারা PIB Kolkata",
            dt.datetime(2024, 3, 9, 10, 5, tzinfo=IST),
            "PIB Kolkata",
        ),
        (
            "تاریخ اشاعت: ۲۰ فروری ۲۰۲۴ 3:15PM از PIB Delhi",
            dt.datetime(2024, 2, 20, 15, 15, tzinfo=IST),
            "PIB Delhi",
        ),
    ],
)
def test_native_dates_with_native_words(posted, expected, office):
    parsed = parse_release(
        release("Ministry of Commerce and Industry", HEADLINE, posted=posted), anchors=ANCHORS
    )
    assert (parsed.posted_at, parsed.issuing_office) == (expected, office)


def test_by_line_of_its_own_names_the_office_and_is_not_body():
    text = release(
        "वाणिज्य एवं उद्योग मंत्रालय",
        HEADLINE,
        posted="प्रविष्टि तिथि: 31 JAN 2024 1:42PM\n\nद्वारा प्रकाशित: PIB Delhi",
    )
    parsed = parse_release(text, anchors=ANCHORS)
    assert parsed.issuing_office == "PIB Delhi"
    assert parsed.paragraphs == ("First paragraph.",)


def test_every_language_has_labels_and_a_recorded_wording():
    assert set(release_labels.LABELS) == set(registry.ALL_CODES)
    assert set(release_labels.WORDING.values()) <= {"pib", "translation"}
    assert {code for code, wording in release_labels.WORDING.items() if wording == "pib"} == {"en", "hi"}
