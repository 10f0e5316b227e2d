"""The demo content as plain, read-only records, built from the JSON files.

Text that translates is a ``Translations`` mapping (language code to text,
"en" being the source). Everything else (codes, slugs, dates, links) is
the same in every language, as wagtail-localize's synchronised fields are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

Translations = dict[str, str]


@dataclass(frozen=True)
class State:
    lgd_code: int
    name: Translations


@dataclass(frozen=True)
class District:
    lgd_code: int
    state: int  # the state's LGD code
    name: Translations


@dataclass(frozen=True)
class Sector:
    slug: str
    name: Translations


@dataclass(frozen=True)
class Product:
    name: Translations
    district: int  # the district's LGD code
    sector: str  # the sector's slug
    rank: str
    has_gi_tag: bool


@dataclass(frozen=True)
class Ministry:
    name: Translations


@dataclass(frozen=True)
class IssuingOffice:
    name: Translations
    city: Translations


@dataclass(frozen=True)
class Taxonomy:
    states: tuple[State, ...]
    districts: tuple[District, ...]
    sectors: tuple[Sector, ...]
    products: tuple[Product, ...]
    ministries: tuple[Ministry, ...]
    offices: tuple[IssuingOffice, ...]

    @cached_property
    def names(self) -> dict[str, Translations]:
        """Every taxonomy name and office city, keyed by its English text."""
        named = [
            *self.states,
            *self.districts,
            *self.sectors,
            *self.products,
            *self.ministries,
            *self.offices,
        ]
        names = {item.name["en"]: item.name for item in named}
        names.update({office.city["en"]: office.city for office in self.offices})
        return names


@dataclass(frozen=True)
class Figure:
    value: str  # a decimal, as text: "18.4"
    unit: str  # a shared phrase ("crore rupees"), a symbol ("%") or ""
    label: str  # a shared phrase


@dataclass(frozen=True)
class SellerLink:
    marketplace: str
    url: str


@dataclass(frozen=True)
class Seller:
    kind: str
    links: tuple[SellerLink, ...]


@dataclass(frozen=True)
class StoryText:
    """A story's text in one language: every field, real text in the language's script."""

    headline: str
    subheadlines: tuple[str, ...]
    summary: str
    caption: str
    paragraphs: tuple[str, ...]
    quote: str
    speaker: str
    seller_names: tuple[str, ...]  # in the order of Story.sellers


@dataclass(frozen=True)
class Story:
    slug: str
    release_id: int
    posted_at: dt.datetime
    product: str  # English names of taxonomy entries
    office: str
    ministry: str
    footer_initials: str
    palette: int
    tags: tuple[str, ...]
    figures: tuple[Figure, ...]
    support: tuple[str, ...]  # shared phrases
    sellers: tuple[Seller, ...]
    text: dict[str, StoryText]

    @property
    def english(self) -> StoryText:
        return self.text["en"]

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages this story is translated into."""
        return tuple(code for code in self.text if code != "en")


@dataclass(frozen=True)
class ReleaseText:
    """A PIB release's text in one language, in the order the release gives it."""

    headline: str
    subheadlines: tuple[str, ...]
    paragraphs: tuple[str, ...]
    initials: str


@dataclass(frozen=True)
class SeedRelease:
    """A real PIB release, imported in its own language through ``import_release``
    and translated from it: ``text[source]`` is what the release file says."""

    release_id: int
    source: str  # the language code the release was issued in
    slug: str
    release_file: Path
    text: dict[str, ReleaseText]

    @property
    def original(self) -> ReleaseText:
        return self.text[self.source]

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages it is translated into (the source's not among them)."""
        return tuple(code for code in self.text if code != self.source)


@dataclass(frozen=True)
class WorkshopText:
    title: str
    summary: str


@dataclass(frozen=True)
class Workshop:
    slug: str
    state: int  # the state's LGD code
    date: dt.date
    venue: str
    stories: tuple[str, ...]  # story slugs
    text: dict[str, WorkshopText]

    @property
    def english(self) -> WorkshopText:
        return self.text["en"]

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(code for code in self.text if code != "en")


@dataclass(frozen=True)
class SitePage:
    """One of the three site roots. A language without a title keeps the English one."""

    slug: str | None  # None for the home page, which the project's migrations create
    title: Translations
    intro: Translations


@dataclass(frozen=True)
class DemoContent:
    story_languages: tuple[str, ...]  # taxonomy, stories and workshops are translated into these
    taxonomy: Taxonomy
    phrases: dict[str, Translations]  # shared body phrases, keyed by their English text
    sentences: dict[str, Translations]  # "generic_headline", "generic_summary", "generic_paragraph"
    site_pages: dict[str, SitePage]  # "home", "stories", "workshops"
    stories: tuple[Story, ...]  # in release-ID order
    workshops: tuple[Workshop, ...]
    releases: tuple[SeedRelease, ...] = ()  # real PIB releases, imported then translated

    def stories_in(self, code: str) -> int:
        """How many stories and releases have text in `code`."""
        return sum(code in item.text for item in (*self.stories, *self.releases))

    def phrase(self, english: str, code: str) -> str | None:
        """The shared phrase `english` in language `code`, or None."""
        return self.phrases.get(english, {}).get(code)
