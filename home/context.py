"""Ready-made values for the public templates: the language switcher,
hreflang and canonical links, navigation, and the home page. Queries come
from selectors; this module only shapes them."""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.utils.translation import gettext
from wagtail.models import Page

from core.seo import og_locale
from core.site import absolute_url, page_url
from languages import registry
from stories.context import story_cards
from stories.models import StoryIndexPage
from stories.selectors import (
    LandingKey,
    browse_choices,
    landing_key,
    listing_stories,
    with_card_relations,
    with_locale,
)
from workshops.context import workshop_cards
from workshops.models import WorkshopIndexPage
from workshops.selectors import latest_workshops

from .models import HomePage
from .selectors import chrome_pages, live_translations, navigation_sections, story_index_of


@dataclass(frozen=True)
class Alternate:
    code: str
    bcp47: str
    native_name: str
    direction: str
    url: str  # absolute (SITE_URL), for hreflang and og:
    href: str  # as short as possible, for the switcher
    current: bool


def language_alternates(
    page: Page, *, request=None, translations: list[Page] | None = None
) -> list[Alternate]:
    """The language switcher and the hreflang links: one entry per live
    translation, labelled in its own script, pointing at the same page."""
    alternates = []
    for translation in live_translations(page) if translations is None else translations:
        language = registry.get(translation.locale.language_code)
        href = translation.get_url(request)  # page_url's own path: Wagtail works it out once
        alternates.append(
            Alternate(
                code=language.code,
                bcp47=language.bcp47,
                native_name=language.native_name,
                direction=language.direction,
                url=absolute_url(href) if href else None,
                href=href,
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


def landing_alternates(alternates: list[Alternate], key: LandingKey) -> list[Alternate]:
    """The same landing page under each live story index: a landing exists
    wherever its index does (an empty one says so), so the switcher and the
    hreflang set name every language, as on the index."""
    landed = []
    for alternate in alternates:
        path = StoryIndexPage.landing_path(key.kind, key.value_in(alternate.code))
        landed.append(replace(alternate, url=alternate.url + path, href=alternate.href + path))
    return landed


def page_chrome(
    page: Page | None,
    *,
    request=None,
    language_code: str | None = None,
    landing: tuple[str, object] | None = None,
) -> dict:
    """Everything base.html needs about the page being shown; with
    `language_code`, its navigation too, read with its translations in one
    query (home.selectors.chrome_pages); `landing` (kind, taxonomy object)
    on a story index's landing page."""
    if page is None or not getattr(page, "pk", None):
        chrome = {"alternates": [], "x_default": None, "canonical": None, "og_locale": None}
        if language_code is not None:
            chrome["navigation"] = site_navigation(
                language_code=language_code, current_page=page, request=request
            )
        return chrome
    translations = sections = None
    if language_code is not None:
        translations, sections = chrome_pages(page, language_code=language_code)
    alternates = language_alternates(page, request=request, translations=translations)
    if landing is not None:
        alternates = landing_alternates(alternates, landing_key(*landing))
    current = next((a for a in alternates if a.current), None)
    return {
        "alternates": alternates,
        "x_default": x_default_url(alternates),
        "canonical": current.url if current else page_url(page, request=request),
        "og_locale": og_locale(page.locale.language_code),
        "og_locale_alternates": [og_locale(a.code) for a in alternates if not a.current],
        **(
            {}
            if language_code is None
            else {
                "navigation": site_navigation(
                    language_code=language_code, current_page=page, request=request, sections=sections
                )
            }
        ),
    }


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str
    current: bool


def site_navigation(
    *, language_code: str, current_page: Page | None = None, request=None, sections: dict | None = None
) -> list[NavLink]:
    """Home, stories and workshops in the reader's language (English where a
    section is not translated)."""
    labels = {
        HomePage: gettext("Home"),
        StoryIndexPage: gettext("Success stories"),
        WorkshopIndexPage: gettext("ODOP Sampark workshops"),
    }
    chosen = navigation_sections(language_code=language_code) if sections is None else sections
    current_path = current_page.path if current_page is not None else ""
    return [
        NavLink(
            label=labels[model],
            url=chosen[model].get_url(request),
            current=bool(current_path)
            and (
                current_path == chosen[model].path
                or (model is not HomePage and current_path.startswith(chosen[model].path))
            ),
        )
        for model in labels
        if model in chosen
    ]


def home_page_view(home: Page, *, request=None) -> dict:
    """Latest stories, browse by state and sector, and workshops."""
    index = story_index_of(home)
    browse = browse_choices(locale=home.locale)
    return {
        "latest_stories": story_cards(
            with_locale(with_card_relations(listing_stories(locale=home.locale))[:6], home.locale),
            request=request,
        ),
        "story_index_url": index.get_url(request) if index else None,
        "browse_states": [(s.name, index.landing_url("state", s, request)) for s in browse["states"]]
        if index
        else [],
        "browse_sectors": [(s.name, index.landing_url("sector", s, request)) for s in browse["sectors"]]
        if index
        else [],
        "workshops": workshop_cards(latest_workshops(locale=home.locale), request=request),
    }
