"""Public Atom feeds: /<lang>/feeds/stories.atom[?state=&sector=&district=&product=].

Entries carry the summary, the full body (HTML) and enclosures for the hero
image and, when the printing app provides them, the PDFs. Only live, public,
released (not embargoed) stories appear. Conditional GET with ETag and
Last-Modified.
"""

from __future__ import annotations

import hashlib
import mimetypes
import uuid

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.translation import gettext as _
from django.views.decorators.http import condition
from wagtail.models import Locale

from core.limits import limit
from core.site import absolute_url, page_url
from stories.selectors import story_listing
from taxonomy.models import District, Product, Sector, State

from .body import body_images, render_bodies
from .escaping import sanitised_html, xml_text
from .ninjs import item_uri
from .renditions import feed_pdf_enclosures, pdf_renditions


class AtomWithContent(Atom1Feed):
    """Atom 1.0 with the summary as <summary type="text"> (it is plain text:
    Django would declare it HTML) and the sanitised body in <content type="html">."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item.get("description"):
            handler.addQuickElement("summary", xml_text(item["description"]), {"type": "text"})
        if item.get("content"):
            handler.addQuickElement("content", sanitised_html(item["content"]), {"type": "html"})


class BadFilter(ValueError):
    pass


def _one(model, locale, **lookup):
    """The snippet in `locale` (or any locale) matching lookup, or BadFilter."""
    found = model.objects.filter(**lookup).order_by("-locale_id").first()
    if found is None:
        raise BadFilter(", ".join(f"{k}={v}" for k, v in lookup.items()))
    return found


def feed_filters(params, locale: Locale) -> dict:
    filters = {}
    try:
        if params.get("state"):
            filters["state"] = _one(State, locale, lgd_code=int(params["state"]))
        if params.get("district"):
            filters["district"] = _one(District, locale, lgd_code=int(params["district"]))
        if params.get("sector"):
            filters["sector"] = _one(Sector, locale, slug=params["sector"][:64])
        if params.get("product"):
            filters["product"] = _one(Product, locale, translation_key=uuid.UUID(params["product"]))
    except (ValueError, OverflowError) as error:
        raise BadFilter(str(error)) from None
    return filters


class StoryFeed(Feed):
    feed_type = AtomWithContent

    def get_object(self, request, *args, **kwargs):
        locale = Locale.objects.get(language_code=translation.get_language())
        return {"locale": locale, "request": request, "filters": feed_filters(request.GET, locale)}

    def title(self, obj):
        names = [str(value) for value in obj["filters"].values()]
        base = _("ODOP Success Stories")
        return xml_text(f"{base}: {', '.join(names)}" if names else base)

    # Absolute URLs under SITE_URL, so Django's Feed does not prefix the
    # request's host: the feed id and links are the same whoever asks.
    def link(self, obj):
        return absolute_url(f"/{obj['locale'].language_code}/")

    def feed_url(self, obj):
        return absolute_url(obj["request"].get_full_path())

    def subtitle(self, obj):
        return _("Success stories of One District One Product, from the Press Information Bureau.")

    def items(self, obj):
        stories = list(
            story_listing(locale=obj["locale"], **obj["filters"]).defer(None)[: limit("LIMIT_FEED_ENTRIES")]
        )
        request = obj["request"]
        self._bodies = render_bodies(stories, images=body_images(stories), absolute=absolute_url)
        self._pdfs = pdf_renditions(stories, request=request)
        return stories

    # Plain-text fields (escaping.py); the summary is written as type="text".
    def item_title(self, item):
        return xml_text(item.title)

    def item_description(self, item):
        return xml_text(item.summary)

    def item_link(self, item):
        return page_url(item, request=self._request)

    def item_guid(self, item):
        return item_uri(release_id=item.release_id, language=item.locale.language_code, page_id=item.pk)

    item_guid_is_permalink = False

    # <published> is the release's posted time, as on the page, in JSON-LD and
    # ninjs; <updated> the last publish (a correction).
    def item_pubdate(self, item):
        return item.posted_at

    def item_updateddate(self, item):
        return item.last_published_at or item.posted_at

    def item_author_name(self, item):
        return xml_text(item.issuing_office.name) if item.issuing_office else None

    def item_categories(self, item):
        return [xml_text(item.sector.name)] if item.sector else []

    def item_enclosures(self, item):
        enclosures = []
        if item.hero_image and item.hero_image.file:
            mime = mimetypes.guess_type(item.hero_image.file.name)[0] or "image/jpeg"
            size = item.hero_image.file_size or 0
            url = absolute_url(item.hero_image.file.url)
            enclosures.append(Enclosure(url, str(size), mime))
        for href, length, mime in feed_pdf_enclosures(self._pdfs.get(item.pk, [])):
            enclosures.append(Enclosure(href, str(length), mime))
        return enclosures

    def item_extra_kwargs(self, item):
        return {"content": self._bodies[item.pk].html}

    def __call__(self, request, *args, **kwargs):
        self._request = request
        return super().__call__(request, *args, **kwargs)


def _fingerprint(request) -> tuple[str, object] | None:
    """(etag, last_modified) from one aggregate query, or None for bad filters."""
    if not hasattr(request, "_syndication_feed_fingerprint"):
        request._syndication_feed_fingerprint = _compute_fingerprint(request)
    return request._syndication_feed_fingerprint


def _compute_fingerprint(request) -> tuple[str, object] | None:
    from django.db.models import Count, Max

    try:
        locale = Locale.objects.get(language_code=translation.get_language())
        filters = feed_filters(request.GET, locale)
    except (BadFilter, Locale.DoesNotExist):
        return None
    stats = (
        story_listing(locale=locale, **filters)
        .order_by()
        .aggregate(last=Max("last_published_at"), posted=Max("posted_at"), count=Count("pk"))
    )
    last = max((value for value in (stats["last"], stats["posted"]) if value), default=None)
    key = f"{locale.language_code}|{sorted(request.GET.items())}|{stats['count']}|{last}"
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"', last


def _etag(request, *args, **kwargs):
    found = _fingerprint(request)
    return found[0] if found else None


def _last_modified(request, *args, **kwargs):
    found = _fingerprint(request)
    return found[1] if found else None


story_feed = StoryFeed()


@condition(etag_func=_etag, last_modified_func=_last_modified)
def stories_atom(request):
    try:
        feed_filters(request.GET, None)
    except BadFilter as error:
        return HttpResponseBadRequest(
            f"Unknown feed filter value: {error}. Use state=<LGD code>, district=<LGD code>, "
            "sector=<slug>, product=<id>.",
            content_type="text/plain; charset=utf-8",
        )
    return story_feed(request)
