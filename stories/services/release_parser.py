"""Parse PIB's plain-text release format into a typed `Release`.

Pure: no database. The format, as PIB's "copy text" of a release gives it
(blank lines and lines holding only a no-break space are ignored)::

    <banner>                                         <- zero or more: skipped, reported
    वाणिज्य एवं उद्योग मंत्रालय                     <- ministry line: a KNOWN name (anchors)
    azadi ka amrit mahotsav                          <- slogan banner: skipped, reported
    <headline>
    <subheadline>                                    <- zero or more
    Posted On: 31 JAN 2024 1:42PM by PIB Delhi       <- IST; "by <office>" optional; labels,
                                                        months and digits in 23 languages
    द्वारा प्रकाशित: PIB Delhi                        <- optional "by" line of its own
    <body paragraph>                                 <- one per line, at least one
    ***
    एमजी/एआर/पीके                                    <- reference initials (optional)
    (Release ID: 2000861) Visitor Counter : 265      <- counter may be on its own line

The header is placed by `release_header` from known ministry and office
names, never by position. Every error names the line it found wrong
(1-based, as an editor numbers them); warnings say what was skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from core.limits import LimitExceeded

from ..limits import check_release_bytes
from . import release_labels as labels
from .release_header import HeaderAnchors, place_header

IST = ZoneInfo("Asia/Kolkata")

HEADLINE_MAX_LENGTH = 255  # Page.title
SUBHEADLINE_MAX_LENGTH = 500  # SubheadlineBlock
INITIALS_MAX_LENGTH = 100  # SuccessStoryPage.footer_initials

# Boilerplate lines that can appear anywhere and carry no content.
BOILERPLATE = re.compile(r"^(?:Read this release in\s*:|इस विज्ञप्ति को इन भाषाओं में पढ़ें\s*:)", re.IGNORECASE)

POSTED_ON_LABEL = re.compile(rf"^(?:{labels.POSTED_ON_WORDS})\s*[:：]", re.IGNORECASE)
POSTED_ON = re.compile(rf"^(?:{labels.POSTED_ON_WORDS})\s*[:：]\s*(?P<rest>.*)$", re.IGNORECASE)
# "… 1:42PM by PIB Delhi", "…, द्वारा PIB Delhi", "… द्वारा प्रकाशित: PIB Delhi"
BY_OFFICE = re.compile(rf"(?:,\s*|\s+)(?:{labels.BY_WORDS})\s*[:：]?\s+(?P<office>\S.*)$", re.IGNORECASE)
# The "by" part on a line of its own, right after Posted On: "द्वारा प्रकाशित: PIB Delhi".
BY_LINE = re.compile(rf"^(?:{labels.BY_WORDS})\s*[:：]\s*(?P<office>\S.*)$", re.IGNORECASE)
RELEASE_ID_LABEL = re.compile(rf"^\(?\s*(?:{labels.RELEASE_ID_WORDS})\s*[:：]", re.IGNORECASE)
RELEASE_ID = re.compile(
    rf"^\(\s*(?:{labels.RELEASE_ID_WORDS})\s*[:：]\s*(?P<id>\d{{1,12}})\s*\)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
VISITOR_COUNTER = re.compile(
    rf"^(?:{labels.VISITOR_COUNTER_WORDS})\s*[:：]\s*(?P<count>[\d,]+)\s*$", re.IGNORECASE
)
SEPARATOR = re.compile(r"^\*{3,}$")

POSTED_ON_EXAMPLE = "Posted On: 31 JAN 2024 1:42PM by PIB Delhi"


class ReleaseFormatError(ValueError):
    """The text is not a well-formed PIB release. `line` is 1-based."""

    def __init__(self, message: str, *, line: int | None = None):
        self.message = message
        self.line = line
        super().__init__(f"line {line}: {message}" if line else message)


@dataclass(frozen=True)
class ReleaseNote:
    """A warning: something the parser skipped or left empty, and where."""

    line: int | None
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class Release:
    ministry: str  # the known snippet's name; "" when the release names none
    headline: str
    subheadlines: tuple[str, ...]
    posted_at: dt.datetime  # aware, IST
    issuing_office: str  # "" when the Posted On line names none
    paragraphs: tuple[str, ...]  # plain text, never HTML
    initials: str
    release_id: int
    visitor_count: int | None = None
    warnings: tuple[ReleaseNote, ...] = ()

    @property
    def issuing_office_city(self) -> str:
        """ "Delhi" for "PIB Delhi"; "" for an office not named "PIB <city>"."""
        prefix, _, city = self.issuing_office.partition(" ")
        return city.strip() if prefix.upper() == "PIB" else ""


@dataclass(frozen=True)
class _Line:
    number: int  # 1-based
    text: str  # stripped of surrounding whitespace, no-break spaces and BOMs


def decode_release(data: bytes) -> str:
    """UTF-8 (with or without BOM) or a ReleaseFormatError naming the line;
    a file over the size limit (core.limits) is refused before decoding."""
    try:
        check_release_bytes(len(data))
    except LimitExceeded as error:
        raise ReleaseFormatError(str(error)) from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ReleaseFormatError(
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} cannot be decoded); "
            "save the release as UTF-8",
            line=line,
        ) from error


def parse_release_bytes(data: bytes, *, anchors: HeaderAnchors | None = None) -> Release:
    return parse_release(decode_release(data), anchors=anchors)


def parse_release(text: str, *, anchors: HeaderAnchors | None = None) -> Release:
    """`anchors`: the known ministry and office names that find the ministry
    line (`stories.selectors.release_header_anchors()`); without them only a
    header of one line (the headline) can be placed."""
    lines = _content_lines(text)
    if not lines:
        raise ReleaseFormatError(
            "the file is empty: a PIB release has a ministry line, a headline, "
            "a 'Posted On' line, a body and a Release ID",
            line=1,
        )
    posted_index = _find_posted_on(lines)
    release_index = _find_release_id(lines, after=posted_index)
    posted_line = lines[posted_index]

    header = place_header(
        lines[:posted_index],
        anchors=anchors or HeaderAnchors(),
        posted_line=posted_line,
        error=ReleaseFormatError,
        note=ReleaseNote,
    )
    _check_length(header.headline, HEADLINE_MAX_LENGTH, "headline")
    for line in header.subheadlines:
        _check_length(line, SUBHEADLINE_MAX_LENGTH, "subheadline")
    posted_at, office = _parse_posted_on(posted_line)
    body_start = posted_index + 1
    by_line = BY_LINE.match(lines[body_start].text) if body_start < release_index else None
    if by_line and not office:
        office, body_start = _check_office(by_line["office"].strip(), lines[body_start]), body_start + 1
    paragraphs, initials = _parse_body_and_initials(
        lines[body_start:release_index], posted_line=posted_line, release_line=lines[release_index]
    )
    release_id, visitor_count = _parse_release_id(lines[release_index], lines[release_index + 1 :])
    return Release(
        ministry=header.ministry,
        headline=header.headline.text,
        subheadlines=tuple(line.text for line in header.subheadlines),
        posted_at=posted_at,
        issuing_office=office or header.office,
        paragraphs=paragraphs,
        initials=initials,
        release_id=release_id,
        visitor_count=visitor_count,
        warnings=header.warnings,
    )


def _clean(line: str) -> str:
    # str.strip() removes no-break spaces too; zero-width characters and BOMs
    # at either end carry nothing (inside a word, ZWJ/ZWNJ are kept).
    return line.strip().strip("\u200b\u200c\u200d\u2060\ufeff").strip()


def _content_lines(text: str) -> list[_Line]:
    """Non-blank lines with their numbers, boilerplate dropped."""
    lines = []
    for number, raw in enumerate(text.split("\n"), start=1):
        if "\x00" in raw:
            raise ReleaseFormatError(
                "the file contains NUL bytes: it is not a plain-text release", line=number
            )
        cleaned = _clean(raw.removesuffix("\r"))
        if cleaned and not BOILERPLATE.match(cleaned):
            lines.append(_Line(number, cleaned))
    return lines


def _find_posted_on(lines: list[_Line]) -> int:
    found = [index for index, line in enumerate(lines) if POSTED_ON_LABEL.match(line.text)]
    if not found:
        if not any(RELEASE_ID_LABEL.match(line.text) for line in lines):
            raise ReleaseFormatError(
                "this does not look like a PIB release: it has neither a "
                f"'{POSTED_ON_EXAMPLE}' line nor a '(Release ID: …)' line",
                line=lines[0].number,
            )
        raise ReleaseFormatError(
            f"no 'Posted On' line: expected a line such as '{POSTED_ON_EXAMPLE}' after the headline",
            line=lines[0].number,
        )
    if len(found) > 1:
        first, second = lines[found[0]], lines[found[1]]
        raise ReleaseFormatError(
            f"a second 'Posted On' line (the first is on line {first.number}): one release per file",
            line=second.number,
        )
    return found[0]


def _find_release_id(lines: list[_Line], *, after: int) -> int:
    found = [index for index, line in enumerate(lines) if RELEASE_ID_LABEL.match(line.text)]
    before = [index for index in found if index < after]
    if before:
        raise ReleaseFormatError(
            "the '(Release ID: …)' line comes before the 'Posted On' line; it ends a release",
            line=lines[before[0]].number,
        )
    if not found:
        raise ReleaseFormatError(
            "no '(Release ID: …)' line: a release ends with a line such as '(Release ID: 2000861)'",
            line=lines[-1].number,
        )
    if len(found) > 1:
        raise ReleaseFormatError(
            f"a second '(Release ID: …)' line (the first is on line {lines[found[0]].number}): "
            "one release per file",
            line=lines[found[1]].number,
        )
    return found[0]


def _check_length(line: _Line, limit: int, what: str) -> None:
    if len(line.text) > limit:
        raise ReleaseFormatError(
            f"the {what} is {len(line.text)} characters long; at most {limit} fit", line=line.number
        )


def _parse_posted_on(line: _Line) -> tuple[dt.datetime, str]:
    rest = POSTED_ON.match(line.text)["rest"]
    by = BY_OFFICE.search(rest)
    stamp, office = (rest[: by.start()], by["office"].strip()) if by else (rest, "")
    tokens = _stamp_tokens(stamp)
    if len(tokens) != 5:
        raise ReleaseFormatError(
            f"cannot read the date in '{line.text}': expected e.g. '{POSTED_ON_EXAMPLE}'", line=line.number
        )
    meridiems = labels.meridiems()
    if tokens[3] in meridiems or labels.fold(tokens[3]) in meridiems:  # "अपराह्न 1:42" (ta, ko order)
        tokens[3], tokens[4] = tokens[4], tokens[3]
    day, month_name, year, clock, meridiem = tokens
    time = re.fullmatch(r"(\d{1,2}):(\d{2})", clock)
    period = meridiems.get(labels.fold(meridiem))
    if not (day.isdigit() and year.isdigit() and len(year) == 4 and time and period):
        raise ReleaseFormatError(
            f"cannot read the date in '{line.text}': expected e.g. '{POSTED_ON_EXAMPLE}'", line=line.number
        )
    month = labels.month_numbers().get(labels.fold(month_name))
    if month is None:
        raise ReleaseFormatError(f"'{month_name}' is not a month name (JAN … DEC)", line=line.number)
    hour, minute = int(time[1]), int(time[2])
    if not 1 <= hour <= 12 or minute > 59:
        raise ReleaseFormatError(f"'{hour}:{minute:02d}' is not a 12-hour clock time", line=line.number)
    hour = hour % 12 + (12 if period == "pm" else 0)
    try:
        posted_at = dt.datetime(int(year), month, int(day), hour, minute, tzinfo=IST)
    except ValueError as error:
        raise ReleaseFormatError(
            f"'{day} {month_name} {year}' is not a date ({error})", line=line.number
        ) from error
    return posted_at, _check_office(office, line)


def _stamp_tokens(stamp: str) -> list[str]:
    """'३१ जनवरी २०२४, १:४२PM' → ['31', 'जनवरी', '2024', '1:42', 'PM']."""
    stamp = labels.ascii_digits(stamp).replace(",", " ").replace("،", " ")
    stamp = re.sub(r"(\d{1,2}:\d{2})(?=\S)", r"\1 ", stamp)  # "1:42PM" → "1:42 PM"
    return stamp.split()


def _check_office(office: str, line: _Line) -> str:
    if len(office) > 255:
        raise ReleaseFormatError(
            f"the issuing office is {len(office)} characters long; at most 255 fit", line=line.number
        )
    return office


def _parse_body_and_initials(
    lines: list[_Line], *, posted_line: _Line, release_line: _Line
) -> tuple[tuple[str, ...], str]:
    separators = [index for index, line in enumerate(lines) if SEPARATOR.match(line.text)]
    if separators:
        body, trailer = lines[: separators[0]], lines[separators[0] + 1 :]
    else:
        # Without "***" nothing marks the initials: every line is body.
        body, trailer = lines, []
    if not body:
        end = (
            f"'***' (line {lines[separators[0]].number})"
            if separators
            else (f"the Release ID (line {release_line.number})")
        )
        raise ReleaseFormatError(
            f"the body is empty: no paragraph between 'Posted On' (line {posted_line.number}) and {end}",
            line=posted_line.number,
        )
    trailer = [line for line in trailer if not SEPARATOR.match(line.text)]
    if len(trailer) > 1:
        raise ReleaseFormatError(
            f"unexpected text after the initials line '{trailer[0].text[:40]}' "
            "(only the initials may stand between '***' and the Release ID)",
            line=trailer[1].number,
        )
    initials = trailer[0] if trailer else None
    if initials:
        _check_length(initials, INITIALS_MAX_LENGTH, "initials line")
    return tuple(line.text for line in body), initials.text if initials else ""


def _parse_release_id(line: _Line, after: list[_Line]) -> tuple[int, int | None]:
    match = RELEASE_ID.match(line.text)
    if not match:
        raise ReleaseFormatError(
            f"cannot read the Release ID in '{line.text[:80]}': expected e.g. '(Release ID: 2000861)'",
            line=line.number,
        )
    release_id = int(match["id"])
    if release_id <= 0:
        raise ReleaseFormatError("the Release ID must be a positive number", line=line.number)
    counter_lines = [_Line(line.number, match["rest"])] if match["rest"] else []
    counter_lines += after
    visitor_count = None
    for counter_line in counter_lines:
        counter = VISITOR_COUNTER.match(counter_line.text)
        if not counter or visitor_count is not None:
            raise ReleaseFormatError(
                f"unexpected text after the Release ID: '{counter_line.text[:60]}' "
                "(only 'Visitor Counter : N' may follow it; one release per file)",
                line=counter_line.number,
            )
        visitor_count = int(counter["count"].replace(",", ""))
    return release_id, visitor_count
