"""Reads for the public site's chrome: which language versions of a page
exist, and which sections the navigation links to."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q
from wagtail.models import Page

from core.pages import public
from languages import registry
from stories.models import StoryIndexPage, SuccessStoryPage
from stories.selectors import not_embargoed
from workshops.models import WorkshopIndexPage

from .models import HomePage

NAVIGATION_MODELS = (HomePage, StoryIndexPage, WorkshopIndexPage)


def _content_codes() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


def live_translations(page: Page) -> list[Page]:
    """Every live, public, released language version of `page` (itself
    included), in the registry's language order. One query (plus Wagtail's
    view-restriction lookup)."""
    if isinstance(page, SuccessStoryPage):
        pages = not_embargoed(SuccessStoryPage.objects.filter(translation_key=page.translation_key))
    else:
        pages = Page.objects.filter(translation_key=page.translation_key)
    pages = (
        public(pages.live())
        .select_related("locale")
        .only("pk", "path", "url_path", "depth", "translation_key", "locale__language_code")
    )
    codes = _content_codes()
    by_code = {p.locale.language_code: p for p in pages if p.locale.language_code in codes}
    return [by_code[code] for code in registry.ALL_CODES if code in by_code]


def navigation_sections(*, language_code: str) -> dict[type, Page]:
    """The home page, story index and workshop index for the navigation, in
    `language_code` where translated, in English otherwise. One query."""
    sections = (
        public(Page.objects.live())
        .filter(depth__in=[2, 3], locale__language_code__in={language_code, registry.DEFAULT_CODE})
        .type(*NAVIGATION_MODELS)
        .select_related("locale", "content_type")
        .order_by("path")
    )
    chosen: dict[type, Page] = {}
    for section in sections:
        model = section.content_type.model_class()
        if model not in NAVIGATION_MODELS:
            continue
        if model not in chosen or section.locale.language_code == language_code:
            chosen[model] = section
    return chosen


def story_index_of(home: Page) -> StoryIndexPage | None:
    return StoryIndexPage.objects.live().child_of(home).first()


def sitemap_pages(*, root: Page) -> list[Page]:
    """Every live, public, released page under `root` and its translations,
    specific, in tree order."""
    under_a_root = Q()
    for root_path in root.get_translations(inclusive=True).values_list("path", flat=True):
        under_a_root |= Q(path__startswith=root_path)
    pages = (
        Page.objects.filter(under_a_root)
        .live()
        .public()
        .select_related("locale")
        .order_by("path")
        .defer_streamfields()
        .specific()
    )
    return [page for page in pages if not (isinstance(page, SuccessStoryPage) and page.is_embargoed())]


def story_index_child(home: Page, *, slug: str) -> StoryIndexPage | None:
    return StoryIndexPage.objects.child_of(home).filter(slug=slug).first()
