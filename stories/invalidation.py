"""What one story's change invalidates: its cache tags and the URLs showing it.

`affected_by_story(story)` is the one place that decides. The local caches
forget by tag (core.cache.invalidate); the CDN purge (publiccache) is handed
the URLs of the same pages, from the same call (`story_invalidated`). A story
change reaches:

- its own pages in every language            ``story:<translation_key>``
- the story index of each of its languages   ``index:<lang>`` (any query string)
- the landing pages of its taxonomy          ``landing:<lang>:<kind>:<taxonomy key>``
  (its state, district, sector and product, now and before this save)
- the home pages                             ``home``
- pages that declare nothing more precise    ``content`` (the sitemap, search; the
  feeds are not page-cached but are purged)
- when withdrawn, the story pages that link it as a related story
  ``links:<translation_key>``

A page declares its own tags when it renders (core.cache.depends_on); the
data it remembers adds theirs. Site-wide changes (taxonomy, non-story pages)
move the content generation instead (stories.signals).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.models import Locale, Page

from core.cache import ANY_CONTENT, invalidate
from core.site import absolute_url

HOME = "home"
LINKED_LIMIT = 4  # selectors.related_stories' default


def story_tag(translation_key) -> str:
    return f"story:{translation_key}"


def links_tag(translation_key) -> str:
    return f"links:{translation_key}"


def index_tag(language_code: str) -> str:
    return f"index:{language_code}"


def landing_tag(language_code: str, kind: str, translation_key) -> str:
    return f"landing:{language_code}:{kind}:{translation_key}"


@dataclass
class Affected:
    tags: set[str] = field(default_factory=set)
    urls: set[str] = field(default_factory=set)  # absolute, from SITE_URL


def _url(page) -> str | None:
    url = page.get_full_url()
    return url or None


def _landing_items(story) -> list[tuple[str, object]]:
    from .selectors import story_taxonomy

    taxonomy = story_taxonomy(story)
    items = [("state", state) for state in taxonomy["states"]]
    items += [("district", district) for district in taxonomy["districts"]]
    items += [("product", product) for product in taxonomy["products"]]
    if story.sector_id:
        items.append(("sector", story.sector))
    return items


def _previous_landing_items(story) -> list[tuple[str, object]]:
    """The taxonomy the story had before this save (captured by
    stories.signals.remember_previous_taxonomy), in the story's language."""
    from taxonomy.models import District, Product, Sector

    previous = getattr(story, "_previous_taxonomy", None)
    if not previous:
        return []
    from .selectors import localize_related

    locale = story.locale
    districts = localize_related(
        District.objects.filter(pk__in=previous["districts"]), locale=locale, select_related=("state",)
    )
    items = [("district", district) for district in districts]
    items += [("state", district.state) for district in districts]
    items += [
        ("product", product)
        for product in localize_related(Product.objects.filter(pk__in=previous["products"]), locale=locale)
    ]
    if previous["sector"]:
        items += [("sector", sector) for sector in Sector.objects.filter(pk=previous["sector"])]
    return items


def _locale_paths(name: str, codes) -> set[str]:
    paths = set()
    for code in codes:
        with translation.override(code), contextlib.suppress(NoReverseMatch):
            paths.add(absolute_url(reverse(name)))
    return paths


def affected_by_story(story, *, withdrawn: bool = False) -> Affected:
    """The tags to move and the URLs to purge when `story` (any of its
    translations) is published, corrected, released or withdrawn."""
    from .models import StoryIndexPage, SuccessStoryPage
    from .selectors import stories_showing, story_index_for

    key = story.translation_key
    affected = Affected(tags={story_tag(key), HOME, ANY_CONTENT})
    if withdrawn:
        affected.tags.add(links_tag(key))
    translations = list(
        SuccessStoryPage.objects.filter(translation_key=key).select_related("locale", "sector")
    )
    for version in translations:
        if version.pk == story.pk and hasattr(story, "_previous_taxonomy"):
            version._previous_taxonomy = story._previous_taxonomy
        code = version.locale.language_code
        affected.tags.add(index_tag(code))
        if url := _url(version):
            affected.urls.add(url)
        for workshop in version.workshops.live():  # workshop pages show their stories
            if url := _url(workshop):
                affected.urls.add(url)
        index = story_index_for(version)
        if index is None:
            continue
        if url := _url(index):
            affected.urls.add(url)
        for kind, obj in [*_landing_items(version), *_previous_landing_items(version)]:
            affected.tags.add(landing_tag(code, kind, obj.translation_key))
            affected.urls.add(absolute_url(index.landing_url(kind, obj)))
        if withdrawn:
            for linking in stories_showing(version, limit=LINKED_LIMIT):
                if url := _url(linking):
                    affected.urls.add(url)
    # Every home page (the parents of the story indexes).
    parents = {index.path[: -index.steplen] for index in StoryIndexPage.objects.live().only("path", "depth")}
    for home in Page.objects.filter(path__in=parents).live().specific():
        if url := _url(home):
            affected.urls.add(url)
    codes = sorted(Locale.objects.values_list("language_code", flat=True))
    affected.urls |= _locale_paths(
        "syndication_feeds:stories", [v.locale.language_code for v in translations]
    )
    affected.urls |= _locale_paths("search:search", codes)
    affected.urls.add(absolute_url("/sitemap.xml"))
    return affected


def invalidate_story(story, *, withdrawn: bool = False) -> Affected:
    """Forget what shows `story` in every process (call after commit)."""
    affected = affected_by_story(story, withdrawn=withdrawn)
    invalidate(affected.tags)
    return affected
