"""Numbers and datelines in a page's language, from CLDR through Babel."""

import datetime as dt

import pytest

from languages import registry
from languages.formatting import format_dateline, format_number, format_posted_date, to_ist

POSTED = dt.datetime(2024, 1, 31, 8, 12, tzinfo=dt.UTC)  # 1:42 PM in IST


@pytest.mark.parametrize("code", ["en", "hi", "ta", "ur"])
def test_indian_digit_grouping(code):
    assert format_number(1234567, code) == "12,34,567"
    assert format_number(123456789, code) == "12,34,56,789"
    assert format_number("1234567.5", code) == "12,34,567.5"


@pytest.mark.parametrize("code", registry.ALL_CODES)
def test_every_language_groups_lakhs_and_crores_in_latin_digits(code):
    formatted = format_number(1234567, code)
    digits = [part for part in formatted if part.isdigit()]
    assert "".join(digits) == "1234567"
    assert all("0" <= digit <= "9" for digit in digits)
    separator = formatted[2]
    assert formatted == f"12{separator}34{separator}567"


def test_small_numbers_and_text_are_left_alone():
    assert format_number(999, "hi") == "999"
    assert format_number("n/a", "hi") == "n/a"


def test_english_dateline_is_pib_style_in_ist():
    assert format_dateline(POSTED, "en", "PIB Delhi") == "Posted On: 31 JAN 2024 1:42PM by PIB Delhi"
    assert format_dateline(POSTED, "en") == "Posted On: 31 JAN 2024 1:42PM"


def test_english_dateline_around_midnight_and_noon():
    ist = dt.timezone(dt.timedelta(hours=5, minutes=30))
    assert (
        format_dateline(dt.datetime(2024, 2, 5, 0, 5, tzinfo=ist), "en") == "Posted On: 05 FEB 2024 12:05AM"
    )
    assert (
        format_dateline(dt.datetime(2024, 2, 5, 12, 5, tzinfo=ist), "en") == "Posted On: 05 FEB 2024 12:05PM"
    )


def test_hindi_dateline_uses_the_hindi_month_name():
    dateline = format_dateline(POSTED, "hi", "PIB Delhi")
    assert "31 जनवरी 2024" in dateline
    assert "1:42" in dateline
    assert "PIB Delhi" in dateline
    assert "JAN" not in dateline


@pytest.mark.parametrize(("code", "month"), [("ta", "ஜனவரி"), ("bn", "জানুয়ারি"), ("ur", "جنوری")])
def test_other_languages_use_cldr_month_names(code, month):
    assert f"31 {month} 2024" in format_dateline(POSTED, code, "PIB Delhi")


def test_dates_are_shown_in_ist():
    assert to_ist(POSTED).hour == 13
    assert format_posted_date(dt.datetime(2024, 1, 31, 20, 0, tzinfo=dt.UTC), "en") == "1 February 2024"


def test_naive_datetime_is_refused():
    with pytest.raises(ValueError, match="naive"):
        to_ist(dt.datetime(2024, 1, 31, 13, 42))
