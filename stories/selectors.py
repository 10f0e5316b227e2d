"""Read queries for stories. Views, feeds, the API and the PDF renderer call
these; none of them writes its own query."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet
from django.utils import timezone
from wagtail.models import Locale, Page

from taxonomy.models import District, Product, Sector, State

from .models import SuccessStoryPage


def not_embargoed(queryset: QuerySet, *, now=None) -> QuerySet:
    now = now or timezone.now()
    return queryset.filter(Q(embargo_until__isnull=True) | Q(embargo_until__lte=now))


def story_listing(
    *,
    locale: Locale,
    parent: Page | None = None,
    state: State | None = None,
    district: District | None = None,
    sector: Sector | None = None,
    product: Product | None = None,
) -> QuerySet[SuccessStoryPage]:
    """Live, public, released stories in one locale, newest first.

    Taxonomy filters match on translation_key, so a Hindi district finds the
    stories that link to its English original too.
    """
    stories = SuccessStoryPage.objects.live().public().filter(locale=locale)
    if parent is not None:
        stories = stories.child_of(parent)
    if state is not None:
        stories = stories.filter(districts__state__translation_key=state.translation_key)
    if district is not None:
        stories = stories.filter(districts__translation_key=district.translation_key)
    if sector is not None:
        stories = stories.filter(sector__translation_key=sector.translation_key)
    if product is not None:
        stories = stories.filter(products__translation_key=product.translation_key)
    if state is not None or district is not None or product is not None:
        stories = stories.distinct()
    return (
        not_embargoed(stories)
        .defer_streamfields()
        .select_related("hero_image", "sector", "issuing_office", "locale")
        .order_by("-posted_at", "-pk")
    )


def localize_taxonomy(objects: Iterable, *, locale: Locale) -> list:
    """The same snippets in `locale` where translated, the originals otherwise.

    One query per call, whatever the number of objects.
    """
    objects = list(objects)
    if not objects:
        return []
    model = type(objects[0])
    keys = [obj.translation_key for obj in objects]
    translated = {
        obj.translation_key: obj
        for obj in model.objects.filter(translation_key__in=keys, locale=locale)
    }
    return [translated.get(obj.translation_key, obj) for obj in objects]


def localized_stories(stories: Iterable[SuccessStoryPage], *, locale: Locale) -> list[SuccessStoryPage]:
    """The live translations of `stories` in `locale`, skipping stories that
    have none. One query."""
    keys = [story.translation_key for story in stories]
    return list(
        not_embargoed(
            SuccessStoryPage.objects.live().public().filter(translation_key__in=keys, locale=locale)
        )
        .defer_streamfields()
        .select_related("hero_image")
        .order_by("-posted_at")
    )


def story_taxonomy(story: SuccessStoryPage) -> dict:
    """The story's districts, states and products in the story's own language."""
    districts = localize_taxonomy(story.districts.select_related("state"), locale=story.locale)
    products = localize_taxonomy(story.products.all(), locale=story.locale)
    states = localize_taxonomy(
        {d.state.translation_key: d.state for d in districts}.values(), locale=story.locale
    )
    return {"districts": districts, "states": states, "products": products}
