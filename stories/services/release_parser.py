"""Parse PIB's plain-text release format into a typed `Release`.

Pure: no database, no settings. The format, as PIB's "copy text" of a release
gives it (blank lines and lines holding only a no-break space are ignored)::

    वाणिज्य एवं उद्योग मंत्रालय                     <- ministry line
    azadi ka amrit mahotsav                          <- slogan banner: skipped
    <headline>
    <subheadline>                                    <- zero or more
    Posted On: 31 JAN 2024 1:42PM by PIB Delhi       <- IST; "by <office>" optional
    <body paragraph>                                 <- one per line, at least one
    ***
    एमजी/एआर/पीके                                    <- reference initials (optional)
    (Release ID: 2000861) Visitor Counter : 265      <- counter may be on its own line

Every error names the line it found wrong (1-based, as an editor numbers them).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from core.limits import LimitExceeded

from ..limits import check_release_bytes

IST = ZoneInfo("Asia/Kolkata")

HEADLINE_MAX_LENGTH = 255  # Page.title
SUBHEADLINE_MAX_LENGTH = 500  # SubheadlineBlock
INITIALS_MAX_LENGTH = 100  # SuccessStoryPage.footer_initials

# Banner alt texts PIB's page puts above a release. Compared case-insensitively
# with runs of spaces, hyphens and underscores folded to one space.
SLOGANS = frozenset(
    {
        "azadi ka amrit mahotsav",
        "g20 india presidency",
        "g20 india 2023",
        "viksit bharat",
        "viksit bharat sankalp yatra",
        "swachh bharat",
        "har ghar tiranga",
    }
)
# Boilerplate lines that can appear anywhere and carry no content.
BOILERPLATE = re.compile(r"^(?:Read this release in\s*:|इस विज्ञप्ति को इन भाषाओं में पढ़ें\s*:)", re.IGNORECASE)

POSTED_ON_LABEL = re.compile(r"^(?:Posted On|प्रविष्टि तिथि)\s*:", re.IGNORECASE)
POSTED_ON = re.compile(
    r"^(?:Posted On|प्रविष्टि तिथि)\s*:\s*"
    r"(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]+)\.?\s+(?P<year>\d{4})\s+"
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2})\s*(?P<meridiem>[AaPp]\.?[Mm]\.?)"
    r"(?:\s+by\s+(?P<office>.+?))?\s*$",
    re.IGNORECASE,
)
RELEASE_ID_LABEL = re.compile(r"^\(?\s*(?:Release ID|रिलीज़ आईडी|रिलीज आईडी)\s*:", re.IGNORECASE)
RELEASE_ID = re.compile(
    r"^\(\s*(?:Release ID|रिलीज़ आईडी|रिलीज आईडी)\s*:\s*(?P<id>\d{1,12})\s*\)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
VISITOR_COUNTER = re.compile(r"^(?:Visitor Counter|आगंतुक पटल)\s*:\s*(?P<count>[\d,]+)\s*$", re.IGNORECASE)
SEPARATOR = re.compile(r"^\*{3,}$")

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}

POSTED_ON_EXAMPLE = "Posted On: 31 JAN 2024 1:42PM by PIB Delhi"


class ReleaseFormatError(ValueError):
    """The text is not a well-formed PIB release. `line` is 1-based."""

    def __init__(self, message: str, *, line: int | None = None):
        self.message = message
        self.line = line
        super().__init__(f"line {line}: {message}" if line else message)


@dataclass(frozen=True)
class Release:
    ministry: str
    headline: str
    subheadlines: tuple[str, ...]
    posted_at: dt.datetime  # aware, IST
    issuing_office: str  # "" when the Posted On line names none
    paragraphs: tuple[str, ...]  # plain text, never HTML
    initials: str
    release_id: int
    visitor_count: int | None = None

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
    """UTF-8 (with or without BOM) or a ReleaseFormatError naming the line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ReleaseFormatError(
            f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} cannot be decoded); "
            "save the release as UTF-8",
            line=line,
        ) from error


def parse_release_bytes(data: bytes) -> Release:
    try:
        check_release_bytes(len(data))  # input limits (core.limits), before any parsing
    except LimitExceeded as error:
        raise ReleaseFormatError(str(error)) from error
    return parse_release(decode_release(data))


def parse_release(text: str) -> Release:
    lines = _content_lines(text)
    if not lines:
        raise ReleaseFormatError(
            "the file is empty: a PIB release has a ministry line, a headline, "
            "a 'Posted On' line, a body and a Release ID",
            line=1,
        )
    posted_index = _find_posted_on(lines)
    release_index = _find_release_id(lines, after=posted_index)

    ministry, headline, subheadlines = _parse_header(lines[:posted_index], posted_line=lines[posted_index])
    posted_at, office = _parse_posted_on(lines[posted_index])
    paragraphs, initials = _parse_body_and_initials(
        lines[posted_index + 1 : release_index],
        posted_line=lines[posted_index],
        release_line=lines[release_index],
    )
    release_id, visitor_count = _parse_release_id(lines[release_index], lines[release_index + 1 :])
    return Release(
        ministry=ministry,
        headline=headline,
        subheadlines=subheadlines,
        posted_at=posted_at,
        issuing_office=office,
        paragraphs=paragraphs,
        initials=initials,
        release_id=release_id,
        visitor_count=visitor_count,
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


def _is_slogan(text: str) -> bool:
    folded = re.sub(r"[\s\-_]+", " ", text).strip().casefold()
    return folded in SLOGANS


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


def _parse_header(header: list[_Line], *, posted_line: _Line) -> tuple[str, str, tuple[str, ...]]:
    content = [line for line in header if not _is_slogan(line.text)]
    if len(content) < 2:
        found = "nothing" if not content else f"only '{content[0].text[:60]}'"
        raise ReleaseFormatError(
            f"expected the ministry line and then the headline before 'Posted On', found {found}",
            line=(content[0] if content else posted_line).number,
        )
    ministry, headline, *subheadlines = content
    _check_length(ministry, 255, "ministry line")
    _check_length(headline, HEADLINE_MAX_LENGTH, "headline")
    for line in subheadlines:
        _check_length(line, SUBHEADLINE_MAX_LENGTH, "subheadline")
    return ministry.text, headline.text, tuple(line.text for line in subheadlines)


def _check_length(line: _Line, limit: int, what: str) -> None:
    if len(line.text) > limit:
        raise ReleaseFormatError(
            f"the {what} is {len(line.text)} characters long; at most {limit} fit", line=line.number
        )


def _parse_posted_on(line: _Line) -> tuple[dt.datetime, str]:
    match = POSTED_ON.match(line.text)
    if not match:
        raise ReleaseFormatError(
            f"cannot read the date in '{line.text}': expected e.g. '{POSTED_ON_EXAMPLE}'", line=line.number
        )
    month = MONTHS.get(match["month"].casefold())
    if month is None:
        raise ReleaseFormatError(f"'{match['month']}' is not a month name (JAN … DEC)", line=line.number)
    hour, minute = int(match["hour"]), int(match["minute"])
    if not 1 <= hour <= 12 or minute > 59:
        raise ReleaseFormatError(f"'{hour}:{minute:02d}' is not a 12-hour clock time", line=line.number)
    hour = hour % 12 + (12 if match["meridiem"].lower().startswith("p") else 0)
    try:
        posted_at = dt.datetime(int(match["year"]), month, int(match["day"]), hour, minute, tzinfo=IST)
    except ValueError as error:
        raise ReleaseFormatError(
            f"'{match['day']} {match['month']} {match['year']}' is not a date ({error})", line=line.number
        ) from error
    office = (match["office"] or "").strip()
    if len(office) > 255:
        raise ReleaseFormatError(
            f"the issuing office is {len(office)} characters long; at most 255 fit", line=line.number
        )
    return posted_at, office


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
