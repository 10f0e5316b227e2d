"""Dates and numbers in a page's language, from CLDR through Babel.

Numbers use Latin digits in every language, as PIB's own releases do, and
the Indian grouping 12,34,567 (lakh, crore) in every language: CLDR gives it
for en_IN, hi, ta and most Indian locales but not for ur, sd, ks, kn, doi,
mai, mni or sat, whose Indian editions still count in lakhs and crores. The
separators are each locale's own, from CLDR. Dates are shown in IST.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from babel.dates import format_date as babel_format_date
from babel.dates import format_datetime as babel_format_datetime
from babel.numbers import format_decimal

from . import registry

IST = ZoneInfo("Asia/Kolkata")
# CLDR's en_IN/hi_IN decimal pattern: groups of three, then of two.
INDIAN_DECIMAL_PATTERN = "#,##,##0.###"


def to_ist(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        raise ValueError("naive datetime: posted_at must be timezone-aware")
    return value.astimezone(IST)


def format_number(value, language_code: str) -> str:
    """12,34,567 in Indian locales; Latin digits everywhere."""
    language = registry.get(language_code)
    try:
        number = Decimal(str(value).replace(",", ""))
    except InvalidOperation:
        return str(value)
    return format_decimal(
        number, format=INDIAN_DECIMAL_PATTERN, locale=language.babel_locale, numbering_system="latn"
    )


def format_posted_date(value: dt.date | dt.datetime, language_code: str) -> str:
    language = registry.get(language_code)
    if isinstance(value, dt.datetime):
        value = to_ist(value).date()
    return babel_format_date(value, format="long", locale=language.babel_locale)


def _pib_english_dateline(posted: dt.datetime, office: str) -> str:
    hour = posted.strftime("%I").lstrip("0") or "12"
    stamp = f"{posted.day:02d} {posted.strftime('%b').upper()} {posted.year} {hour}:{posted:%M}{posted.strftime('%p')}"
    return f"Posted On: {stamp} by {office}" if office else f"Posted On: {stamp}"


def dateline_stamp(value: dt.datetime, language_code: str) -> str:
    """The date-and-time part of a dateline: "31 JAN 2024 1:42PM" in English,
    CLDR month names and time pattern elsewhere."""
    posted = to_ist(value)
    language = registry.get(language_code)
    if language.code == "en":
        return _pib_english_dateline(posted, "").removeprefix("Posted On: ")
    return babel_format_datetime(posted, format="d MMMM y, h:mm a", tzinfo=IST, locale=language.babel_locale)


def format_dateline(value: dt.datetime, language_code: str, office: str = "") -> str:
    """ "Posted On: 31 JAN 2024 1:42PM by PIB Delhi" in English, its
    translation (with CLDR month names) in every other language."""
    from django.utils import translation

    language = registry.get(language_code)
    if language.code == "en":
        return _pib_english_dateline(to_ist(value), office)
    stamp = dateline_stamp(value, language_code)
    with translation.override(language.code):
        if office:
            return translation.gettext("Posted On: %(stamp)s by %(office)s") % {
                "stamp": stamp,
                "office": office,
            }
        return translation.gettext("Posted On: %(stamp)s") % {"stamp": stamp}
