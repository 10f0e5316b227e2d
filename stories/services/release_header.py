"""Place the lines above "Posted On": banners, the ministry line, the
headline and the subheadlines, without guessing.

The ministry line is recognised, never assumed: it is the line that names a
known ministry or office (a taxonomy snippet, in any language). Lines above
it are banners and are skipped (and reported); the line after it is the
headline. With no known name in the header, a lone line is the headline and
the story has no ministry (a warning); two or more lines cannot be told
apart (is the first the ministry, a banner or the headline?), so the parser
refuses, naming the line, rather than shift every field by one.

Pure: `HeaderAnchors` carries the names; `stories.selectors` reads them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

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


def normalise_name(text: str) -> str:
    """How a ministry or office name is compared: NFC, case-folded, '&' as
    'and', runs of spaces as one, without trailing punctuation."""
    text = unicodedata.normalize("NFC", text).casefold().replace("&", " and ")
    return re.sub(r"\s+", " ", text).strip(" .,:;|-–—")


@dataclass(frozen=True)
class HeaderAnchors:
    """Known names, normalised → the snippet's own name."""

    ministries: dict[str, str] = field(default_factory=dict)
    offices: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_names(cls, *, ministries: Iterable[str] = (), offices: Iterable[str] = ()) -> HeaderAnchors:
        def index(names):
            found: dict[str, str] = {}
            for name in names:
                found.setdefault(normalise_name(name), name)
            return found

        return cls(ministries=index(ministries), offices=index(offices))

    def place(self, text: str) -> tuple[str, str] | None:
        """("ministry", name), ("office", name) or None."""
        key = normalise_name(text)
        if key in self.ministries:
            return "ministry", self.ministries[key]
        if key in self.offices:
            return "office", self.offices[key]
        return None


@dataclass(frozen=True)
class Header:
    ministry: str  # "" when the release names none
    office: str  # an office named on the ministry line, else ""
    headline: object  # _Line
    subheadlines: tuple  # of _Line
    warnings: tuple  # of ReleaseNote


def is_slogan(text: str) -> bool:
    folded = re.sub(r"[\s\-_]+", " ", text).strip().casefold()
    return folded in SLOGANS


def place_header(lines: list, *, anchors: HeaderAnchors, posted_line, error, note) -> Header:
    """`lines` are the _Lines before Posted On; `error(message, line=)` makes
    the exception to raise, `note(line, message)` a warning."""
    warnings = [
        note(line.number, _("skipped the banner '%(text)s'") % {"text": line.text})
        for line in lines
        if is_slogan(line.text)
    ]
    content = [line for line in lines if not is_slogan(line.text)]
    placed = [(index, anchors.place(line.text)) for index, line in enumerate(content)]
    anchored = [(index, kind_name) for index, kind_name in placed if kind_name]
    if len(anchored) > 1:
        (first, _kind), (second, _kind2) = anchored[0], anchored[1]
        raise error(
            _(
                "'%(text)s' names a second ministry or office (the first is '%(first)s' on line "
                "%(first_line)s): a release has one ministry line"
            )
            % {
                "text": content[second].text,
                "first": content[first].text,
                "first_line": content[first].number,
            },
            line=content[second].number,
        )
    if anchored:
        return _anchored_header(content, anchored[0], warnings=warnings, error=error, note=note)
    return _header_without_ministry(
        content, posted_line=posted_line, warnings=warnings, error=error, note=note
    )


def _anchored_header(content, anchor, *, warnings, error, note) -> Header:
    index, (kind, name) = anchor
    line = content[index]
    for banner in content[:index]:
        warnings.append(
            note(
                banner.number,
                _("skipped the banner '%(text)s' above the ministry line") % {"text": banner.text},
            )
        )
    rest = content[index + 1 :]
    if not rest:
        raise error(
            _("no headline: the ministry line '%(text)s' is followed directly by 'Posted On'")
            % {"text": line.text},
            line=line.number,
        )
    if kind == "office":
        warnings.append(
            note(
                line.number,
                _("'%(text)s' is an issuing office, not a ministry: the story has no ministry")
                % {"text": line.text},
            )
        )
    headline, *subheadlines = rest
    return Header(
        ministry=name if kind == "ministry" else "",
        office=name if kind == "office" else "",
        headline=headline,
        subheadlines=tuple(subheadlines),
        warnings=tuple(sorted(warnings, key=lambda note: note.line)),
    )


def _header_without_ministry(content, *, posted_line, warnings, error, note) -> Header:
    if not content:
        raise error(
            _("expected the ministry line and then the headline before 'Posted On', found nothing"),
            line=posted_line.number,
        )
    if len(content) > 1:
        first = content[0]
        raise error(
            _(
                "'%(text)s' is not a known ministry or office, so it cannot be placed: it may be the "
                "ministry line, a banner or the headline. Add the ministry under Snippets (in any "
                "language), or delete the line if it is a banner"
            )
            % {"text": first.text[:80]},
            line=first.number,
        )
    warnings.append(note(content[0].number, _("no ministry line: the story has no ministry")))
    return Header(ministry="", office="", headline=content[0], subheadlines=(), warnings=tuple(warnings))
