"""Reads for the public site's chrome: which language versions of a page
exist, and which sections the navigation links to."""

from __future__ import annotations

import functools

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Page

from core.compiled import CompiledQuery
from core.pages import public, restricted_paths
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


@functools.cache
def _navigation_models() -> tuple[type, ...]:
    # What Page.objects.type_q(*NAVIGATION_MODELS) matches: the models and their subclasses.
    return tuple(model for model in apps.get_models() if issubclass(model, NAVIGATION_MODELS))


def _navigation_type_ids() -> tuple[int, ...]:
    # Content types are cached by Django, per database: no query after the first.
    return tuple(sorted(ct.pk for ct in ContentType.objects.get_for_models(*_navigation_models()).values()))


def _navigation_codes(language_code: str) -> list[str]:
    return sorted({language_code, registry.DEFAULT_CODE})


def _navigation_q(codes: list[str], type_ids: tuple[int, ...]) -> Q:
    """The section pages the navigation may link to, in these languages."""
    return Q(content_type_id__in=type_ids, depth__in=[2, 3], locale__language_code__in=codes)


def navigation_sections(*, language_code: str) -> dict[type, Page]:
    """The home page, story index and workshop index for the navigation, in
    `language_code` where translated, in English otherwise. One query."""
    sections = (
        public(Page.objects.live())
        .filter(_navigation_q(_navigation_codes(language_code), _navigation_type_ids()))
        .select_related("locale", "content_type")
        .order_by("path")
    )
    return _choose_sections(sections, language_code=language_code)


def _choose_sections(sections, *, language_code: str) -> dict[type, Page]:
    chosen: dict[type, Page] = {}
    for section in sections:
        # Django keeps every content type it has read (they never change):
        # no join for it in the chrome's query.
        model = ContentType.objects.get_for_id(section.content_type_id).model_class()
        if model not in NAVIGATION_MODELS:
            continue
        if model not in chosen or section.locale.language_code == language_code:
            chosen[model] = section
    return chosen


def _chrome_rows(translation_key, codes, now, *, using, restricted, navigation_types) -> QuerySet[Page]:
    released = Q(successstorypage__embargo_until__isnull=True) | Q(successstorypage__embargo_until__lte=now)
    return (
        public(Page.objects.live(), paths=restricted)
        .filter(Q(translation_key=translation_key) | _navigation_q(codes, navigation_types))
        .filter(released)  # only stories have an embargo: other pages have no row to join
        .select_related("locale")
        # What the switcher, the hreflang links and the navigation read.
        .only("path", "url_path", "depth", "translation_key", "content_type_id", "locale__language_code")
        # Sorted by chrome_pages, not by the database: ordered by path, SQLite
        # walks the whole page tree in path order instead of reading each side
        # of the OR by its index (a page's translations, the few section pages).
        .order_by()
    )


# Every public page's chrome query, compiled once (its ORM work cost four
# times its running).
CHROME_ROWS = CompiledQuery(_chrome_rows)


def chrome_pages(page: Page, *, language_code: str) -> tuple[list[Page], dict[type, Page]]:
    """`live_translations(page)` and `navigation_sections(language_code=...)`
    read together: one query for what every public page's chrome shows."""
    rows = CHROME_ROWS(
        page.translation_key,
        _navigation_codes(language_code),
        timezone.now(),
        using=page._state.db or "default",
        restricted=restricted_paths(),
        navigation_types=_navigation_type_ids(),
    )
    rows = sorted(rows, key=lambda row: row.path)
    codes = _content_codes()
    by_code = {
        row.locale.language_code: row
        for row in rows
        if row.translation_key == page.translation_key and row.locale.language_code in codes
    }
    translations = [by_code[code] for code in registry.ALL_CODES if code in by_code]
    codes_shown = _navigation_codes(language_code)
    sections = [row for row in rows if row.depth in (2, 3) and row.locale.language_code in codes_shown]
    return translations, _choose_sections(sections, language_code=language_code)


def story_index_of(home: Page) -> StoryIndexPage | None:
    # Story indexes sit right under a home page (parent_page_types): the path
    # prefix without child_of's depth test, read from the few index rows
    # (SQLite would otherwise scan every page for the depth).
    return StoryIndexPage.objects.live().filter(path__startswith=home.path).order_by("pk").first()


def sitemap_pages(*, root: Page) -> list[Page]:
    """Every live, public, released page under `root` and its translations,
    specific, in tree order."""
    under_a_root = Q()
    for root_path in root.get_translations(inclusive=True).values_list("path", flat=True):
        under_a_root |= Q(path__startswith=root_path)
    pages = (
        public(Page.objects.filter(under_a_root).live())
        .select_related("locale")
        .order_by("path")
        .defer_streamfields()
        .specific()
    )
    return [page for page in pages if not (isinstance(page, SuccessStoryPage) and page.is_embargoed())]


def story_index_child(home: Page, *, slug: str) -> StoryIndexPage | None:
    return StoryIndexPage.objects.child_of(home).filter(slug=slug).first()
