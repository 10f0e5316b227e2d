"""stories/<slug>.json: one success story, its text keyed by language code.

Text that translates sits under ``text.<language>``, with the same keys in
every language; codes, dates, taxonomy references, figures and links sit
outside it, because they are the same in every language.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .records import Figure, Seller, SellerLink, Story, StoryText, Taxonomy
from .validation import Node, known, read_json

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
STORY_KEYS = (
    "release_id",
    "posted_at",
    "product",
    "office",
    "ministry",
    "footer_initials",
    "palette",
    "tags",
    "figures",
    "support",
    "sellers",
    "text",
)
TEXT_KEYS = (
    "headline",
    "subheadlines",
    "summary",
    "caption",
    "paragraphs",
    "quote",
    "speaker",
    "seller_names",
)
PARAGRAPHS = 2  # the body layout has a paragraph before and after the first heading
# Shared phrases (phrases.json) every story body shows: its three headings and the image credit.
BODY_HEADINGS = ("How the district built its brand", "Results in numbers", "What ODOP support included")
CREDIT = "Illustration: ODOP demo (generated)"


def parse_story(file: Path, *, languages: tuple[str, ...], taxonomy: Taxonomy, phrases: dict) -> Story:
    node = read_json(file)
    if not SLUG.match(file.stem):
        raise node.error(f"the file name {file.name!r} is not a slug (lowercase words and hyphens)")
    f = node.fields(*STORY_KEYS)
    sellers = tuple(_seller(item) for item in f["sellers"].items())
    story = Story(
        slug=file.stem,
        release_id=f["release_id"].integer(),
        posted_at=_moment(f["posted_at"]),
        product=f["product"].text(),
        office=f["office"].text(),
        ministry=f["ministry"].text(),
        footer_initials=f["footer_initials"].text(),
        palette=f["palette"].integer(),
        tags=tuple(item.text() for item in f["tags"].items()),
        figures=tuple(_figure(item) for item in f["figures"].items()),
        support=tuple(item.text() for item in f["support"].items()),
        sellers=sellers,
        text=_texts(f["text"], languages=languages, sellers=len(sellers)),
    )
    _check_references(f, story, taxonomy=taxonomy, phrases=phrases)
    return story


def _check_references(f: dict[str, Node], story: Story, *, taxonomy: Taxonomy, phrases: dict) -> None:
    names = {
        "product": {product.name["en"] for product in taxonomy.products},
        "office": {office.name["en"] for office in taxonomy.offices},
        "ministry": {ministry.name["en"] for ministry in taxonomy.ministries},
    }
    for key, registry in names.items():
        known(f[key], getattr(story, key), registry, what=key, where="taxonomy.json")
    for item, figure in zip(f["figures"].items(), story.figures, strict=True):
        known(item.at("label"), figure.label, phrases, what="phrase", where="phrases.json")
    for item, phrase in zip(f["support"].items(), story.support, strict=True):
        known(item, phrase, phrases, what="phrase", where="phrases.json")
    _check_translated_references(f, story, taxonomy=taxonomy, phrases=phrases)


def _check_translated_references(
    f: dict[str, Node], story: Story, *, taxonomy: Taxonomy, phrases: dict
) -> None:
    """Each language the story is in has every name and phrase its page shows: wagtail-localize
    would otherwise fall back to the English snippet or phrase on the translated page."""
    product = next(product for product in taxonomy.products if product.name["en"] == story.product)
    district = next(district for district in taxonomy.districts if district.lgd_code == product.district)
    state = next(state for state in taxonomy.states if state.lgd_code == district.state)
    sector = next(sector for sector in taxonomy.sectors if sector.slug == product.sector)
    office = next(office for office in taxonomy.offices if office.name["en"] == story.office)
    ministry = next(ministry for ministry in taxonomy.ministries if ministry.name["en"] == story.ministry)
    names = [product.name, district.name, state.name, sector.name, office.name, office.city, ministry.name]
    shared = [
        *BODY_HEADINGS,
        CREDIT,
        *(figure.label for figure in story.figures),
        *(figure.unit for figure in story.figures if figure.unit in phrases),
        *story.support,
    ]
    for code in story.languages:
        for name in names:
            if code not in name:
                raise f["text"].at(code).error(f"taxonomy.json has no {code!r} name for {name['en']!r}")
        for phrase in shared:
            if code not in phrases[phrase]:
                raise f["text"].at(code).error(f"phrases.json has no {code!r} text for {phrase!r}")


def _moment(node: Node) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(node.text())
    except ValueError as error:
        raise node.error(f"not an ISO 8601 date and time: {error}") from error
    if moment.tzinfo is None:
        raise node.error("needs a UTC offset, e.g. 2024-01-31T13:42:00+05:30")
    return moment


def _figure(node: Node) -> Figure:
    f = node.fields("value", "unit", "label")
    value = f["value"].text()
    if not re.fullmatch(r"\d+(\.\d+)?", value):
        raise f["value"].error(f"not a decimal number: {value!r}")
    return Figure(value=value, unit=f["unit"].text(blank=True), label=f["label"].text())


def _seller(node: Node) -> Seller:
    f = node.fields("kind", "links")
    links = []
    for item in f["links"].items():
        link = item.fields("marketplace", "url")
        links.append(SellerLink(marketplace=link["marketplace"].text(), url=link["url"].text()))
    return Seller(kind=f["kind"].text(), links=tuple(links))


def _texts(node: Node, *, languages: tuple[str, ...], sellers: int) -> dict[str, StoryText]:
    by_language = node.languages(required=["en"], allowed=("en", *languages))
    english = _english(by_language.pop("en"), sellers=sellers)
    texts = {"en": english}
    for code, item in by_language.items():
        texts[code] = _translation(item, code=code, english=english)
    return texts


def _english(node: Node, *, sellers: int) -> StoryText:
    f = node.fields(*TEXT_KEYS)
    return StoryText(
        headline=f["headline"].text(),
        subheadlines=tuple(item.text() for item in f["subheadlines"].items()),
        summary=f["summary"].text(),
        caption=f["caption"].text(),
        paragraphs=tuple(item.text() for item in f["paragraphs"].items(length=PARAGRAPHS)),
        quote=f["quote"].text(),
        speaker=f["speaker"].text(),
        seller_names=tuple(item.text() for item in f["seller_names"].items(length=sellers)),
    )


def _translation(node: Node, *, code: str, english: StoryText) -> StoryText:
    """A translation shaped like `english`: every field real text in `code`'s script, none of
    it the English source (a story not translated yet has no block for the language)."""
    f = node.fields(*TEXT_KEYS)

    def each(key: str, sources: tuple[str, ...]) -> tuple[str, ...]:
        items = f[key].items(length=len(sources))
        return tuple(
            item.translated_text(code=code, source=source)
            for item, source in zip(items, sources, strict=True)
        )

    return StoryText(
        headline=f["headline"].translated_text(code=code, source=english.headline),
        subheadlines=each("subheadlines", english.subheadlines),
        summary=f["summary"].translated_text(code=code, source=english.summary),
        caption=f["caption"].translated_text(code=code, source=english.caption),
        paragraphs=each("paragraphs", english.paragraphs),
        quote=f["quote"].translated_text(code=code, source=english.quote),
        speaker=f["speaker"].translated_text(code=code, source=english.speaker),
        seller_names=each("seller_names", english.seller_names),
    )
