"""Stories as IPTC ninjs 3.1 items.

One news item is one story in one language. Its ``uri`` is a tag URI built
from the PIB Release ID, which every translation shares, and the language:
``tag:pib.gov.in,2024:odop/story/2000861/hi``. It does not change between
versions. ``serialize_items`` works on a batch with a fixed number of queries.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from core.cache import content_version
from core.site import absolute_url, page_url
from languages import registry

from .body import RenderedBody, body_images, render_bodies, subheadlines, word_count
from .conditional import FORMAT_REVISION
from .escaping import ninjs_fields
from .renditions import image_renditions, ninjs_pdf_renditions, pdf_renditions
from .selectors import ItemKey, StoryRelations, pages_for_items, story_relations, translation_links

NINJS_SCHEMA = "https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"


def rfc3339(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def bcp47(language_code: str) -> str:
    try:
        return registry.get(language_code).bcp47
    except KeyError:
        return language_code


def item_uri(*, release_id, language: str, page_id: int) -> str:
    authority = settings.SYNDICATION_URI_AUTHORITY
    if release_id:
        return f"tag:{authority}:odop/story/{release_id}/{language}"
    return f"tag:{authority}:odop/page/{page_id}"


def image_uri(image_id: int) -> str:
    return f"tag:{settings.SYNDICATION_URI_AUTHORITY}:odop/image/{image_id}"


def api_item_path(*, release_id, language: str) -> str:
    return f"{reverse('syndication_api:story_detail', kwargs={'release_id': release_id})}?lang={language}"


class Links:
    """Absolute URLs for one batch, with reverse() and image signing done
    once per distinct target rather than once per item."""

    def __init__(self, request):
        self.request = request
        self.absolute = absolute_url
        self._detail = reverse("syndication_api:story_detail", kwargs={"release_id": 0})
        self._pdf = reverse("syndication_api:story_pdf", kwargs={"release_id": 0, "name": "NAME"})
        self._images: dict[int, list[dict]] = {}

    def api_item(self, *, release_id, language: str) -> str:
        return self.absolute(self._detail.replace("/0/", f"/{release_id}/") + f"?lang={language}")

    def api_pdf(self, *, release_id, language: str, name: str, revision: int) -> str:
        path = self._pdf.replace("/0/", f"/{release_id}/").replace("/NAME/", f"/{name}/")
        return self.absolute(f"{path}?lang={language}&revision={revision}")

    def image(self, image) -> list[dict]:
        if image.pk not in self._images:
            self._images[image.pk] = image_renditions(image, absolute=self.absolute)
        return self._images[image.pk]

    def page(self, page) -> str | None:
        return page_url(page, request=self.request)


def canceled_item(key: ItemKey) -> dict:
    item = key.canceled
    data = {
        "uri": item_uri(release_id=item.release_id, language=item.language, page_id=item.page_id),
        "type": "text",
        "representationType": "partial",
        "standard": {"name": "ninjs", "version": "3.1", "schema": NINJS_SCHEMA},
        "version": str(item.version),
        "versionCreated": rfc3339(item.canceled_at),
        "pubStatus": "canceled",
        "language": bcp47(item.language),
        "headlines": [{"role": "main", "value": item.headline}],
    }
    if item.first_created:
        data["firstCreated"] = rfc3339(item.first_created)
    if item.release_id:
        data["altIds"] = [{"role": "pib-release-id", "value": str(item.release_id)}]
    return data


def _places(page, relations: StoryRelations) -> list[dict]:
    places = [
        {"name": state.name, "rel": "state", "literal": f"lgd:state:{state.lgd_code}"}
        for state in relations.states[page.pk]
    ]
    places += [
        {"name": district.name, "rel": "district", "literal": f"lgd:district:{district.lgd_code}"}
        for district in relations.districts[page.pk]
    ]
    return places


def _subjects(page, relations: StoryRelations) -> list[dict]:
    subjects = []
    if page.sector:
        subjects.append(
            {"name": page.sector.name, "rel": "sector", "literal": f"odop:sector:{page.sector.slug}"}
        )
    for product in relations.products[page.pk]:
        subjects.append({"name": product.name, "rel": "product", "literal": f"odop:product:{product.key}"})
        if product.has_gi_tag:
            # ninjs subjects have no flag field: a GI tag is a subject of its own.
            subjects.append({"name": product.name, "rel": "gi-tag", "literal": f"odop:gi-tag:{product.key}"})
    return subjects


def _associations(
    page, body: RenderedBody, images: dict, relations: StoryRelations, links: Links
) -> list[dict]:
    associations = []
    if page.hero_image:
        hero = {
            "name": "hero",
            "rel": "hero-image",
            "uri": image_uri(page.hero_image.pk),
            "type": "picture",
            "renditions": links.image(page.hero_image),
        }
        if page.hero_caption:
            hero["descriptions"] = [{"role": "caption", "value": page.hero_caption}]
        if page.hero_credit:
            hero["by"] = page.hero_credit
        associations.append(hero)
    for position, image_id in enumerate(body.image_ids, start=1):
        image = images.get(image_id)
        if image is not None:
            associations.append(
                {
                    "name": f"body-image-{position}",
                    "rel": "body-image",
                    "uri": image_uri(image_id),
                    "type": "picture",
                    "renditions": links.image(image),
                }
            )
    for sibling in relations.translations.get(page.translation_key, []):
        if sibling.page_id == page.pk:
            continue
        associations.append(
            {
                "name": f"translation-{sibling.language}",
                "rel": "translation",
                "uri": item_uri(
                    release_id=page.release_id, language=sibling.language, page_id=sibling.page_id
                ),
                "type": "text",
                "language": bcp47(sibling.language),
                "headlines": [{"role": "main", "value": sibling.title}],
                "renditions": [
                    {
                        "name": "ninjs",
                        "href": links.api_item(release_id=page.release_id, language=sibling.language),
                        "contentType": "application/json",
                    }
                ],
            }
        )
    return associations


def story_item(
    page,
    key: ItemKey,
    *,
    body: RenderedBody,
    images: dict,
    relations: StoryRelations,
    pdfs: list[dict],
    links: Links,
) -> dict:
    language = page.locale.language_code
    headlines = [{"role": "main", "value": page.title}]
    headlines += [{"role": "sub", "value": text} for text in subheadlines(page)]
    item = {
        "uri": item_uri(release_id=page.release_id, language=language, page_id=page.pk),
        "type": "text",
        "representationType": "full",
        "profile": "odop-success-story",
        "standard": {"name": "ninjs", "version": "3.1", "schema": NINJS_SCHEMA},
        "version": str(key.version),
        "firstCreated": rfc3339(page.first_published_at or page.posted_at),
        "versionCreated": rfc3339(key.visible_at),
        "contentCreated": rfc3339(page.posted_at),
        "pubStatus": "usable",
        "language": bcp47(language),
        "headlines": headlines,
        "bodies": [
            {
                "role": "main",
                "contentType": "text/html",
                "value": body.html,
                "charCount": len(body.text),
                "wordCount": word_count(body.text),
            },
            {
                "role": "main",
                "contentType": "text/plain",
                "value": body.text,
                "charCount": len(body.text),
                "wordCount": word_count(body.text),
            },
        ],
        "copyrightHolder": settings.SYNDICATION_COPYRIGHT_HOLDER,
        "usageTerms": settings.SYNDICATION_USAGE_TERMS,
        "altIds": [{"role": "pib-release-id", "value": str(page.release_id)}] if page.release_id else [],
        "renditions": [],
        "places": _places(page, relations),
        "subjects": _subjects(page, relations),
    }
    if key.embargo_until:
        item["embargoedUntil"] = rfc3339(key.embargo_until)
    if page.summary:
        item["descriptions"] = [{"role": "summary", "contentType": "text/plain", "value": page.summary}]
    if page.issuing_office:
        item["by"] = page.issuing_office.name
        item["located"] = page.issuing_office.city or page.issuing_office.name
    if page.ministry:
        item["infoSources"] = [{"name": page.ministry.name, "role": "originator"}]
    public_url = links.page(page)
    if public_url:
        item["renditions"].append({"name": "web", "href": public_url, "contentType": "text/html"})
    if page.hero_image:
        for rendition in links.image(page.hero_image):
            item["renditions"].append({**rendition, "name": f"{rendition['name']}-image"})
    item["renditions"] += pdfs
    item["associations"] = _associations(page, body, images, relations, links)
    return {name: value for name, value in item.items() if value != []}


def _cache_key(key: ItemKey, generation: str, translations: dict) -> str:
    siblings = translations.get(key.translation_key, [])
    signature = hashlib.sha256(
        repr(
            (
                FORMAT_REVISION,
                generation,
                key.page_id,
                key.version,
                key.visible_at,
                key.embargo_until,
                [(s.page_id, s.language, s.title) for s in siblings],
            )
        ).encode()
    ).hexdigest()[:40]
    return f"syndication:item:{signature}"


def serialize_items(keys: list[ItemKey], *, request) -> list[dict]:
    """ninjs items for `keys` in order, with a fixed number of queries.

    A served item is cached (SYNDICATION_ITEM_CACHE_SECONDS) under its page,
    version, versionCreated, embargo and the list of its language versions, so
    a poll that gets the same items again skips loading and rendering them.
    """
    links = Links(request)
    live_keys = [key for key in keys if key.canceled is None]
    translations = translation_links(key.translation_key for key in live_keys) if live_keys else {}
    timeout = settings.SYNDICATION_ITEM_CACHE_SECONDS
    # The content version (core.cache) is in the key: storing a revision's PDFs or renaming taxonomy bumps it.
    generation = content_version()
    cache_keys = {key.page_id: _cache_key(key, generation, translations) for key in live_keys}
    cached = cache.get_many(list(cache_keys.values())) if timeout else {}
    missing = [key.page_id for key in live_keys if cache_keys[key.page_id] not in cached]
    fresh = _serialize_pages(
        [key for key in live_keys if key.page_id in set(missing)], links=links, translations=translations
    )
    if timeout and fresh:
        cache.set_many({cache_keys[page_id]: item for page_id, item in fresh.items()}, timeout)
    items = []
    for key in keys:
        if key.canceled is not None:
            items.append(ninjs_fields(canceled_item(key)))
        elif key.page_id in fresh:
            items.append(fresh[key.page_id])
        elif cache_keys[key.page_id] in cached:
            items.append(cached[cache_keys[key.page_id]])
        # else: deleted between the two queries
    return items


def _serialize_pages(keys: list[ItemKey], *, links: Links, translations: dict) -> dict[int, dict]:
    if not keys:
        return {}
    pages = pages_for_items([key.page_id for key in keys])
    page_list = list(pages.values())
    relations = story_relations(page_list, translations=translations)
    images = body_images(page_list)
    bodies = render_bodies(page_list, images=images, absolute=links.absolute)
    pdfs = _pdfs(page_list, links)
    items = {
        key.page_id: ninjs_fields(
            story_item(
                pages[key.page_id],
                key,
                body=bodies[key.page_id],
                images=images,
                relations=relations,
                pdfs=pdfs.get(key.page_id, []),
                links=links,
            )
        )
        for key in keys
        if key.page_id in pages
    }
    return items


def _pdfs(pages: list, links: Links) -> dict[int, list[dict]]:
    """{page id: ninjs renditions of the ready PDFs}, linking to the API's own download."""
    found = pdf_renditions(pages, request=links.request)
    by_id = {page.pk: page for page in pages}
    renditions = {}
    for page_id, provided in found.items():
        page = by_id[page_id]

        def href(name, revision, page=page):
            return links.api_pdf(
                release_id=page.release_id, language=page.locale.language_code, name=name, revision=revision
            )

        renditions[page_id], _ = ninjs_pdf_renditions(provided, href=href)
    return renditions


def now_rfc3339() -> str:
    return rfc3339(timezone.now())
