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


def story_for_route(*, parent: Page, slug: str) -> SuccessStoryPage | None:
    """The story at `slug` under `parent`, with the snippets its page shows."""
    return (
        SuccessStoryPage.objects.child_of(parent)
        .filter(slug=slug)
        .select_related("locale", "ministry", "issuing_office", "sector", "hero_image")
        .first()
    )


def localize_taxonomy(objects: Iterable, *, locale: Locale, select_related: tuple[str, ...] = ()) -> list:
    """The same snippets in `locale` where translated, the originals otherwise.

    At most one query per call, whatever the number of objects, and none when
    they are all in `locale` already.
    """
    objects = list(objects)
    if not objects or all(obj.locale_id == locale.pk for obj in objects):
        return objects
    model = type(objects[0])
    keys = [obj.translation_key for obj in objects]
    translations = model.objects.filter(translation_key__in=keys, locale=locale)
    if select_related:
        translations = translations.select_related(*select_related)
    translated = {obj.translation_key: obj for obj in translations}
    return [translated.get(obj.translation_key, obj) for obj in objects]


def localize_related(related, *, locale: Locale, select_related: tuple[str, ...] = ()) -> list:
    """The snippets of a many-to-many relation (``story.districts.all()``)
    in `locale` where translated, the linked originals otherwise. One query:
    the links and their translations are read together.

    A page rebuilt from a revision (previews) holds its links in memory; they
    are localized with `localize_taxonomy` instead.
    """
    if not isinstance(related, QuerySet):
        return localize_taxonomy(related, locale=locale, select_related=select_related)
    model = related.model
    linked_or_translated = model.objects.filter(
        Q(pk__in=related.values("pk"))
        | Q(locale=locale, translation_key__in=related.values("translation_key"))
    )
    if select_related:
        linked_or_translated = linked_or_translated.select_related(*select_related)
    chosen: dict = {}
    for obj in linked_or_translated:
        current = chosen.get(obj.translation_key)
        if current is None or (obj.locale_id == locale.pk and current.locale_id != locale.pk):
            chosen[obj.translation_key] = obj
    return sorted(chosen.values(), key=lambda obj: (str(obj), obj.pk))


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
    """The story's districts, states and products in the story's own language.

    Two queries, whatever the number of districts and products, and a third
    only when a district has no translation (its state may have one).
    """
    locale = story.locale
    districts = localize_related(story.districts.all(), locale=locale, select_related=("state",))
    products = localize_related(story.products.all(), locale=locale)
    states = localize_taxonomy({d.state.translation_key: d.state for d in districts}.values(), locale=locale)
    return {"districts": districts, "states": states, "products": products}
