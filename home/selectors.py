"""Reads for the public site's chrome: which language versions of a page
exist, and the metadata (hreflang, canonical, Open Graph, JSON-LD) that
describes it. Page templates receive these ready-made."""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from languages import registry

from .seo import og_locale


@dataclass(frozen=True)
class Alternate:
    code: str
    bcp47: str
    native_name: str
    direction: str
    url: str  # absolute, for hreflang and og:
    href: str  # as short as possible, for the switcher
    current: bool


def _content_codes() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


def live_translations(page: Page) -> list[Page]:
    """Every live, public, released language version of `page` (itself
    included), in the registry's language order. One query (plus Wagtail's
    view-restriction lookup)."""
    from stories.models import SuccessStoryPage
    from stories.selectors import not_embargoed

    if isinstance(page, SuccessStoryPage):
        pages = not_embargoed(SuccessStoryPage.objects.filter(translation_key=page.translation_key))
    else:
        pages = Page.objects.filter(translation_key=page.translation_key)
    pages = pages.live().public().select_related("locale").only(
        "pk", "path", "url_path", "depth", "translation_key", "locale__language_code"
    )
    codes = _content_codes()
    by_code = {p.locale.language_code: p for p in pages if p.locale.language_code in codes}
    return [by_code[code] for code in registry.ALL_CODES if code in by_code]


def language_alternates(page: Page, *, request=None) -> list[Alternate]:
    """The language switcher and the hreflang links: one entry per live
    translation, labelled in its own script, pointing at the same page."""
    alternates = []
    for translation in live_translations(page):
        language = registry.get(translation.locale.language_code)
        alternates.append(
            Alternate(
                code=language.code,
                bcp47=language.bcp47,
                native_name=language.native_name,
                direction=language.direction,
                url=translation.get_full_url(request),
                href=translation.get_url(request),
                current=translation.pk == page.pk,
            )
        )
    return alternates


def x_default_url(alternates: list[Alternate]) -> str | None:
    """English when it exists, else the first live version."""
    for alternate in alternates:
        if alternate.code == registry.DEFAULT_CODE:
            return alternate.url
    return alternates[0].url if alternates else None


def json_ld(data: dict) -> SafeString:
    """JSON for a <script type="application/ld+json"> that cannot close the
    script element early, whatever the editors wrote."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - escaped above


def page_chrome(page: Page | None, *, request=None) -> dict:
    """Everything base.html needs about the page being shown."""
    if page is None or not getattr(page, "pk", None):
        return {"alternates": [], "x_default": None, "canonical": None, "og_locale": None}
    alternates = language_alternates(page, request=request)
    current = next((a for a in alternates if a.current), None)
    return {
        "alternates": alternates,
        "x_default": x_default_url(alternates),
        "canonical": current.url if current else page.get_full_url(request),
        "og_locale": og_locale(page.locale.language_code),
        "og_locale_alternates": [og_locale(a.code) for a in alternates if not a.current],
    }


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str
    current: bool


def site_navigation(*, language_code: str, current_page: Page | None = None, request=None) -> list[NavLink]:
    """Home, stories and workshops in the reader's language (English where a
    section is not translated). One query."""
    from django.utils.translation import gettext

    from home.models import HomePage
    from stories.models import StoryIndexPage
    from workshops.models import WorkshopIndexPage

    sections = (
        Page.objects.live()
        .public()
        .filter(depth__in=[2, 3], locale__language_code__in={language_code, registry.DEFAULT_CODE})
        .type(HomePage, StoryIndexPage, WorkshopIndexPage)
        .select_related("locale", "content_type")
        .order_by("path")
    )
    labels = {
        HomePage: gettext("Home"),
        StoryIndexPage: gettext("Success stories"),
        WorkshopIndexPage: gettext("ODOP Sampark workshops"),
    }
    chosen: dict[type, Page] = {}
    for section in sections:
        model = section.content_type.model_class()
        if model not in labels:
            continue
        if model not in chosen or section.locale.language_code == language_code:
            chosen[model] = section
    current_path = current_page.path if current_page is not None else ""
    return [
        NavLink(
            label=labels[model],
            url=chosen[model].get_url(request),
            current=bool(current_path) and (
                current_path == chosen[model].path
                or (model is not HomePage and current_path.startswith(chosen[model].path))
            ),
        )
        for model in labels
        if model in chosen
    ]


@dataclass(frozen=True)
class WorkshopCard:
    page: Page
    url: str
    title: str
    date_iso: str
    date_text: str
    venue: str
    state_name: str


def workshop_cards(workshops, *, request=None) -> list[WorkshopCard]:
    from languages.formatting import format_posted_date
    from stories.selectors import localize_taxonomy

    workshops = list(workshops)
    states = localize_taxonomy([w.state for w in workshops], locale=workshops[0].locale) if workshops else []
    return [
        WorkshopCard(
            page=workshop,
            url=workshop.get_url(request),
            title=workshop.title,
            date_iso=workshop.date.isoformat(),
            date_text=format_posted_date(workshop.date, workshop.locale.language_code),
            venue=workshop.venue,
            state_name=state.name,
        )
        for workshop, state in zip(workshops, states, strict=True)
    ]


def latest_workshops(*, locale, limit: int = 3):
    from workshops.models import WorkshopPage

    return (
        WorkshopPage.objects.live()
        .public()
        .filter(locale=locale)
        .select_related("state", "locale")
        .order_by("-date", "-pk")[:limit]
    )


def home_page_view(home: Page, *, request=None) -> dict:
    """Latest stories, browse by state and sector, and workshops."""
    from stories.models import StoryIndexPage
    from stories.selectors import browse_choices, story_cards, story_listing, with_card_relations

    index = StoryIndexPage.objects.live().child_of(home).first()
    browse = browse_choices(locale=home.locale)
    return {
        "latest_stories": story_cards(with_card_relations(story_listing(locale=home.locale))[:6], request=request),
        "story_index_url": index.get_url(request) if index else None,
        "browse_states": [(s.name, index.landing_url("state", s, request)) for s in browse["states"]] if index else [],
        "browse_sectors": [(s.name, index.landing_url("sector", s, request)) for s in browse["sectors"]]
        if index
        else [],
        "workshops": workshop_cards(latest_workshops(locale=home.locale), request=request),
    }


def workshop_page_view(workshop: Page, *, request=None) -> dict:
    from stories.selectors import localized_stories, story_cards

    return {
        "workshop": workshop_cards([workshop], request=request)[0],
        "shown_stories": story_cards(localized_stories(workshop.stories.all(), locale=workshop.locale), request=request),
    }
