"""site.json (story languages, the three site roots, the benchmark's sentence templates),
phrases.json (the shared body phrases) and workshops.json."""

from __future__ import annotations

import datetime as dt
import string

from languages.registry import ALL_CODES, DEFAULT_CODE

from .records import SitePage, Translations, Workshop, WorkshopText
from .validation import Node, add_unique, known

SITE_PAGES = ("home", "stories", "workshops")
SENTENCES = ("generic_headline", "generic_summary", "generic_paragraph")
PLACEHOLDERS = {"product", "district", "state"}


def parse_story_languages(node: Node) -> tuple[str, ...]:
    languages = []
    for item in node.items():
        code = item.text()
        known(item, code, set(ALL_CODES) - {DEFAULT_CODE}, what="language code", where="languages.registry")
        if code in languages:
            raise item.error(f"duplicate language {code!r}")
        languages.append(code)
    return tuple(languages)


def parse_site_pages(node: Node) -> dict[str, SitePage]:
    pages = node.fields(*SITE_PAGES)
    home = pages["home"].fields("title", "intro")
    result = {
        # The home page exists before load_demo runs; its English title is not ours to set.
        "home": SitePage(
            slug=None,
            title=home["title"].translations(allowed=ALL_CODES),
            intro=home["intro"].translations(required=["en"], allowed=ALL_CODES),
        )
    }
    for kind in ("stories", "workshops"):
        page = pages[kind].fields("slug", "title")
        result[kind] = SitePage(
            slug=page["slug"].text(),
            title=page["title"].translations(required=["en"], allowed=ALL_CODES),
            intro={},
        )
    return result


def parse_sentences(node: Node, *, languages: tuple[str, ...]) -> dict[str, Translations]:
    sentences = {}
    for key, item in node.fields(*SENTENCES).items():
        templates = item.translations(allowed=languages)
        for code, template in templates.items():
            try:
                fields = {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}
            except ValueError as error:
                raise item.at(code).error(f"not a valid template: {error}") from error
            if fields - PLACEHOLDERS:
                raise item.at(code).error(
                    f"unknown placeholder {sorted(fields - PLACEHOLDERS)[0]!r} (use {{product}}, {{district}}, {{state}})"
                )
        sentences[key] = templates
    return sentences


def parse_phrases(node: Node, *, languages: tuple[str, ...]) -> dict[str, Translations]:
    codes = ("en", *languages)
    phrases: dict[str, Translations] = {}
    for item in node.items():
        # A story in a language needs the phrases its page shows in it (story_files checks).
        translations = item.translations(required=["en"], allowed=codes)
        add_unique(phrases, translations["en"], translations, node=item, what="phrase")
    return phrases


def parse_workshops(
    node: Node, *, languages: tuple[str, ...], states: set[int], stories: set[str]
) -> tuple[Workshop, ...]:
    workshops: dict[str, Workshop] = {}
    for item in node.items():
        f = item.fields("slug", "state", "date", "venue", "stories", "text")
        workshop = Workshop(
            slug=f["slug"].text(),
            state=f["state"].integer(),
            date=_date(f["date"]),
            venue=f["venue"].text(),
            stories=tuple(story.text() for story in f["stories"].items()),
            text={
                code: _workshop_text(text)
                for code, text in f["text"].languages(required=["en"], allowed=("en", *languages)).items()
            },
        )
        known(f["state"], workshop.state, states, what="state LGD code", where="taxonomy.json")
        for story, slug in zip(f["stories"].items(), workshop.stories, strict=True):
            known(story, slug, stories, what="story", where="stories/")
        add_unique(workshops, workshop.slug, workshop, node=f["slug"], what="workshop slug")
    return tuple(workshops.values())


def _workshop_text(node: Node) -> WorkshopText:
    f = node.fields("title", "summary")
    return WorkshopText(title=f["title"].text(), summary=f["summary"].text())


def _date(node: Node) -> dt.date:
    try:
        return dt.date.fromisoformat(node.text())
    except ValueError as error:
        raise node.error(f"not an ISO 8601 date (YYYY-MM-DD): {error}") from error
