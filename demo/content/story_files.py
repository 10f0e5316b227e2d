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
    english = _text(by_language.pop("en"), english=None, sellers=sellers)
    texts = {"en": english}
    for code, item in by_language.items():
        texts[code] = _text(item, english=english, sellers=sellers)
    return texts


def _text(node: Node, *, english: StoryText | None, sellers: int) -> StoryText:
    """The English text when `english` is None; otherwise a translation shaped like it, in which
    paragraphs, quote, speaker and seller names may be null (not translated yet)."""
    f = node.fields(*TEXT_KEYS)

    def text_or_not_yet(item: Node) -> str | None:
        return item.text() if english is None else item.text_or_none()

    subheadlines = len(english.subheadlines) if english else None
    return StoryText(
        headline=f["headline"].text(),
        subheadlines=tuple(item.text() for item in f["subheadlines"].items(length=subheadlines)),
        summary=f["summary"].text(),
        caption=f["caption"].text(),
        paragraphs=tuple(text_or_not_yet(item) for item in f["paragraphs"].items(length=PARAGRAPHS)),
        quote=text_or_not_yet(f["quote"]),
        speaker=text_or_not_yet(f["speaker"]),
        seller_names=tuple(text_or_not_yet(item) for item in f["seller_names"].items(length=sellers)),
    )
