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
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import Max
from django.http import Http404, HttpResponseBadRequest
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Enclosure
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import condition
from wagtail.models import Locale

from core.limits import limit
from core.site import absolute_url, page_url
from stories.models import SuccessStoryPage
from stories.selectors import StoryFilters, counted_listing, with_locale
from taxonomy.models import District, Product, Sector, State

from .body import body_images, render_bodies
from .escaping import sanitised_html, xml_text
from .models import CanceledItem
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
        entries = feed_entries(request)
        if entries is None:  # stories_atom answered bad filters already: no such language
            raise Http404("No stories in this language.")
        return entries

    def title(self, obj):
        names = [str(value) for value in obj.filters.values()]
        base = _("ODOP Success Stories")
        return xml_text(f"{base}: {', '.join(names)}" if names else base)

    # Absolute URLs under SITE_URL, so Django's Feed does not prefix the
    # request's host: the feed id and links are the same whoever asks.
    def link(self, obj):
        return absolute_url(f"/{obj.locale.language_code}/")

    def feed_url(self, obj):
        return absolute_url(self._request.get_full_path())

    def subtitle(self, obj):
        return _("Success stories of One District One Product, from the Press Information Bureau.")

    def items(self, obj):
        stories = obj.stories
        self._bodies = render_bodies(stories, images=body_images(stories), absolute=absolute_url)
        self._pdfs = obj.pdfs
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
        response = super().__call__(request, *args, **kwargs)
        # Django's Feed dates the response by its newest entry, which a
        # withdrawal does not move (ConditionalGetMiddleware would answer
        # 304 by it): the feed's own Last-Modified instead.
        entries = feed_entries(request)
        if entries is not None and entries.last_modified:
            response.headers["Last-Modified"] = http_date(entries.last_modified.timestamp())
        return response


@dataclass(frozen=True)
class FeedEntries:
    locale: Locale
    filters: dict
    stories: list[SuccessStoryPage]
    pdfs: dict[int, list[dict]]
    etag: str
    last_modified: object


def feed_entries(request) -> FeedEntries | None:
    """The entries of this request's feed, read once (the conditional GET and
    the feed itself share them), or None for bad filters.

    The newest LIMIT_FEED_ENTRIES stories, read as the story index reads its
    own (`counted_listing`: along the date index, or from a small facet's
    links), so a feed costs the same at 200 stories or 20,000. The ETag is
    a digest of what the entries are made of (each story's live revision,
    hero file, ready PDFs), so a PDF that finishes rendering after the
    publish changes it; Last-Modified is the newest of the entries' changes
    and of the language's withdrawals (a story leaving the feed)."""
    if not hasattr(request, "_syndication_feed_entries"):
        request._syndication_feed_entries = _read_entries(request)
    return request._syndication_feed_entries


def _read_entries(request) -> FeedEntries | None:
    try:
        locale = Locale.objects.get(language_code=translation.get_language())
        filters = feed_filters(request.GET, locale)
    except (BadFilter, Locale.DoesNotExist):
        return None
    listing, _count = counted_listing(locale=locale, filters=StoryFilters(**filters))
    stories = with_locale(
        listing.defer(None).select_related("hero_image", "sector", "issuing_office")[
            : limit("LIMIT_FEED_ENTRIES")
        ],
        locale,
    )
    pdfs = pdf_renditions(stories, request=request)
    parts = [locale.language_code, repr(sorted(request.GET.items()))]
    changes = []
    for story in stories:
        hero = story.hero_image.file.name if story.hero_image else ""
        ready = sorted(
            (pdf["name"], pdf.get("revision"), pdf.get("sizeInBytes"))
            for pdf in pdfs.get(story.pk, [])
            if not pdf.get("pending")
        )
        parts.append(f"{story.pk}:{story.live_revision_id}:{story.last_published_at}:{hero}:{ready}")
        changes += [story.last_published_at or story.posted_at, story.embargo_until]
    changes.append(
        CanceledItem.objects.filter(language=locale.language_code).aggregate(last=Max("canceled_at"))["last"]
    )
    last_modified = max((when for when in changes if when), default=None)
    etag = '"' + hashlib.sha256("|".join(parts).encode()).hexdigest()[:32] + '"'
    return FeedEntries(locale, filters, stories, pdfs, etag, last_modified)


def _etag(request, *args, **kwargs):
    found = feed_entries(request)
    return found.etag if found else None


def _last_modified(request, *args, **kwargs):
    found = feed_entries(request)
    return found.last_modified if found else None


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
