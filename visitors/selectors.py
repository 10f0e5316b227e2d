from django.db.models import OuterRef, Subquery
from django.urls import reverse
from wagtail.models import Page

from core.pages import public
from languages.formatting import format_number
from stories.lifecycle import readers_may_see

from .models import PageViewCount


def view_count(*, page_id: int) -> int:
    return PageViewCount.objects.filter(page_id=page_id).values_list("views", flat=True).first() or 0


# The story route loads the count with the story (stories.annotations): no
# query while the page renders.
VIEWS_ANNOTATION = "visitors_views"


def views_annotation() -> Subquery:
    return Subquery(PageViewCount.objects.filter(page_id=OuterRef("pk")).values("views")[:1])


def visitor_counter(page) -> dict:
    """What the counter component shows: the total when the page was
    rendered (the beacon's answer replaces it) and where to report a view."""
    if hasattr(page, VIEWS_ANNOTATION):
        views = getattr(page, VIEWS_ANNOTATION) or 0
    else:
        views = view_count(page_id=page.pk)
    return {
        "beacon_url": reverse("visitors:hit", args=[page.pk]),
        "views": views,
        "display": format_number(views, page.locale.language_code),
    }


def countable_page(*, page_id: int) -> Page | None:
    """The live, public, released page a beacon reports a view of: None for an
    embargoed, unpublished or withdrawn one, exactly as for an unknown id."""
    page = public(Page.objects.live()).filter(pk=page_id).select_related("locale").first()
    if page is None:
        return None
    page = page.specific_deferred  # the story's embargo, without its body
    return page if readers_may_see(page) else None
