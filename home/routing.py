"""The public page route, found with fewer queries than Wagtail's (home.views.serve_page)."""

from __future__ import annotations

from django.db.models import Q, Subquery, TextField
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant

from core.compiled import CompiledQuery
from core.sites import site_for_request
from stories.annotations import story_annotation_names
from stories.selectors import stories_at_path

from .models import HomePage


def home_for_language(*, root_page_id: int, language_code: str) -> HomePage | None:
    """The live home page in `language_code` that translates the site root
    `root_page_id`, else the root itself when it is a HomePage. One query."""
    homes = list(
        HomePage.objects.filter(
            Q(pk=root_page_id)
            | Q(
                translation_key__in=HomePage.objects.filter(pk=root_page_id).values("translation_key"),
                locale__language_code=language_code,
                live=True,
            )
        )
        .select_related("locale")
        .order_by()
    )
    for home in homes:
        if home.locale.language_code == language_code and (home.live or home.pk == root_page_id):
            return home
    return next((home for home in homes if home.pk == root_page_id), None)


def home_url_path(*, root_page_id: int, language_code: str) -> Coalesce:
    """The URL path of the home `home_for_language` finds, as an expression
    (one subquery for the live translation of the root, the root otherwise),
    for a query that reads the page below it at the same time."""
    translated = HomePage.objects.filter(
        translation_key__in=HomePage.objects.filter(pk=root_page_id).values("translation_key"),
        locale__language_code=language_code,
        live=True,
    ).order_by()
    root = HomePage.objects.filter(pk=root_page_id).order_by()
    return Coalesce(
        Subquery(translated.values("url_path")[:1]),
        Subquery(root.values("url_path")[:1]),
        output_field=TextField(),
    )


# The home and the story in one query, compiled once: building and compiling
# it took more than half of a story page's routing (issue 16's profile).
STORY_BELOW_HOME = CompiledQuery(
    lambda root_page_id, language_code, tail, slug, *, using, annotations: stories_at_path(
        home_url_path=home_url_path(root_page_id=root_page_id, language_code=language_code),
        tail=tail,
        slug=slug,
        using=using,
    )
)


def prepare_route(request, path: str) -> None:
    if hasattr(request, "_wagtail_route_for_request"):
        return
    site = site_for_request(request)
    if site is None:
        return
    try:
        code = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return
    components = [c for c in path.split("/") if c]
    if len(components) == 2:
        # Most requests are for a story: the home and the story in one query.
        from stories.models import StoryIndexPage

        index_slug, slug = components
        found = STORY_BELOW_HOME(
            site.root_page_id,
            code,
            f"{index_slug}/{slug}/",
            slug,
            using="default",
            annotations=story_annotation_names(),
        )
        route = StoryIndexPage.route_to_story(request, next(iter(found), None))
        if route is not None:
            request._wagtail_route_for_request = route
            return
    home = home_for_language(root_page_id=site.root_page_id, language_code=code)
    if home is None:
        return  # not a HomePage at the root: Wagtail routes it
    try:
        request._wagtail_route_for_request = home.route(request, components)
    except Http404:
        request._wagtail_route_for_request = None
