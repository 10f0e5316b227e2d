"""Invalidate what changed, not everything (stories.invalidation, core.cache).

One site in English and Hindi with three stories:
A (the full story: district, state, sector, product, a workshop),
B (A's district and sector; A is among B's related stories) and
C (another sector, nothing shared). Every page is cached, one story changes,
and each page is requested once more: X-Cache says which ones were forgotten.
The CDN purge (Wagtail's HTTP backend, a real server on 127.0.0.1) must be
sent exactly the pages forgotten here."""

from __future__ import annotations

import datetime as dt
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.test import TestCase
from django.utils import timezone
from wagtail.models import Locale

from home.tests.content import build_site
from stories.invalidation import affected_by_story
from stories.models import PendingRelease, SuccessStoryPage
from stories.services.embargo import lift_due_embargoes
from taxonomy.models import District, Product, Sector, State
from tests.factories import SectorFactory, SuccessStoryPageFactory
from tests.translation import translate

# Each test fills and rereads every page of a two-language site (~10 s on 2 busy cores).
pytestmark = pytest.mark.slow


def committed():
    return TestCase.captureOnCommitCallbacks(execute=True)


class _Purges(BaseHTTPRequestHandler):
    paths: list[str] = []

    def do_PURGE(self):  # noqa: N802 - HTTP method name
        self.paths.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Purges)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Purges.paths = []
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield _Purges
    server.shutdown()


@pytest.fixture
def world(db, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    settings.PUBLIC_DATA_CACHE_SECONDS = 300
    cache.clear()
    site = build_site(languages=("hi",), extra_stories=1)
    hindi = Locale.objects.get(language_code="hi")
    a, b = site["story"], site["others"][0]
    c = SuccessStoryPageFactory(
        parent=site["index"], title="Khurja pottery", slug="khurja", sector=SectorFactory(name="Ceramics")
    )
    c.save_revision().publish()
    stories = {
        "A": [a, site["translated"]["hi"]["story"]],
        "B": [b, translate(b, "hi")],
        "C": [c, translate(c, "hi")],
    }
    indexes = {"en": site["index"], "hi": site["translated"]["hi"]["index"]}

    def localized(model, obj):
        return model.objects.get(translation_key=obj.translation_key, locale=hindi)

    landing = {}
    for code, index in indexes.items():
        objects = [
            ("state", site["state"] if code == "en" else localized(State, site["state"])),
            ("district", site["district"] if code == "en" else localized(District, site["district"])),
            ("sector", site["sector"] if code == "en" else localized(Sector, site["sector"])),
            ("product", site["product"] if code == "en" else localized(Product, site["product"])),
        ]
        landing[code] = [index.landing_url(kind, obj) for kind, obj in objects]
    ceramics = [indexes[code].landing_url("sector", c.sector) for code in indexes]
    urls = {
        "A": {page.url for page in stories["A"]},
        "B": {page.url for page in stories["B"]},
        "C": {page.url for page in stories["C"]},
        "listings": {index.url for index in indexes.values()} | set(landing["en"]) | set(landing["hi"]),
        "homes": {site["home"].url, site["translated"]["hi"]["home"].url},
        "site-wide": {"/sitemap.xml", "/en/search/", "/hi/search/"},
        "feeds": {"/en/feeds/stories.atom", "/hi/feeds/stories.atom"},
        "workshops of A": {site["workshop"].url, site["translated"]["hi"]["workshop"].url},
        "others": {site["workshops"].url, site["translated"]["hi"]["workshops"].url, *ceramics},
    }
    return {"site": site, "stories": stories, "urls": urls}


def everything(world) -> set[str]:
    return set().union(*world["urls"].values())


def fill(client, urls) -> None:
    for url in urls:
        client.get(url)
    for url in urls:
        if not url.endswith(".atom"):  # feeds are never page-cached
            assert client.get(url).get("X-Cache") == "HIT", url


def forgotten(client, urls) -> set[str]:
    """The pages that were not served from the cache on the next request."""
    return {url for url in urls if client.get(url).get("X-Cache") != "HIT"}


def expected(world, *groups) -> set[str]:
    return set().union(*(world["urls"][group] for group in groups))


CHANGED = ("listings", "homes", "site-wide", "feeds", "workshops of A")


def paths(urls) -> set[str]:
    return {urlsplit(url).path for url in urls}


def every_language(story, *, withdrawn=False) -> set[str]:
    """The same kinds of pages in the other 21 languages (wagtail-localize
    keeps an alias of each page in every locale): filled too, so that the
    purge list is compared with what was forgotten in every language."""
    return paths(affected_by_story(story, withdrawn=withdrawn).urls)


def assert_purged_what_was_forgotten(cdn, pages, gone) -> None:
    purged = paths(cdn.paths)
    assert purged == gone, (sorted(purged - gone), sorted(gone - purged))


def test_publishing_a_story_forgets_its_pages_and_listings_and_nothing_else(client, world, cdn):
    a = SuccessStoryPage.objects.get(pk=world["stories"]["A"][0].pk)
    pages = everything(world) | every_language(a)
    fill(client, pages)
    a.title = "Banarasi silk, second edition"
    with committed():
        a.save_revision().publish()

    gone = forgotten(client, pages)
    assert gone & everything(world) == expected(world, "A", *CHANGED)
    assert "Banarasi silk, second edition" in client.get(a.url).content.decode()
    # The CDN is told about exactly the pages forgotten here.
    assert_purged_what_was_forgotten(cdn, pages, gone)


def test_unpublishing_a_story_also_forgets_the_stories_that_link_it(client, world, cdn):
    a = SuccessStoryPage.objects.get(pk=world["stories"]["A"][0].pk)
    pages = everything(world) | every_language(a, withdrawn=True)
    fill(client, pages)
    b_hindi = world["stories"]["B"][1]
    assert world["stories"]["A"][1].title in client.get(b_hindi.url).content.decode()  # related
    with committed():
        a.unpublish()

    gone = forgotten(client, pages)
    assert gone & everything(world) == expected(world, "A", "B", *CHANGED)
    assert client.get(a.url).status_code == 410
    assert a.title not in client.get(world["stories"]["B"][0].url).content.decode()
    assert_purged_what_was_forgotten(cdn, pages, gone)


def test_an_embargo_lift_forgets_the_listings_but_not_other_stories(client, world):
    site = world["site"]
    embargoed = SuccessStoryPageFactory(
        parent=site["index"],
        title="Moradabad brass at dawn",
        slug="moradabad",
        sector=site["sector"],
        embargo_until=timezone.now() + dt.timedelta(hours=1),
        live=False,
    )
    with committed():
        embargoed.save_revision().publish()
    fill(client, everything(world))
    assert "Moradabad brass" not in client.get(site["index"].url).content.decode()

    # Its time has come (as publish_scheduled sees it a minute later).
    past = timezone.now() - dt.timedelta(minutes=1)
    SuccessStoryPage.objects.filter(pk=embargoed.pk).update(embargo_until=past)
    PendingRelease.objects.filter(page_id=embargoed.pk).update(embargo_until=past)
    with committed():
        assert [story.pk for story in lift_due_embargoes()] == [embargoed.pk]

    gone = forgotten(client, everything(world))
    assert gone >= {site["index"].url, site["home"].url, "/sitemap.xml"}
    assert gone.isdisjoint(expected(world, "A", "B", "C", "others"))
    assert "Moradabad brass" in client.get(site["index"].url).content.decode()


def test_a_taxonomy_edit_still_forgets_everything(client, world):
    fill(client, everything(world))
    sector = world["site"]["sector"]
    sector.name = "Handloom and textiles"
    with committed():
        sector.save()
    cacheable = everything(world) - world["urls"]["feeds"]
    assert forgotten(client, cacheable) == cacheable


def test_moving_a_story_to_another_sector_forgets_the_landing_it_left(client, world):
    """The old taxonomy is read before the publish saves the new one
    (stories.signals.remember_previous_taxonomy): the sector page the story
    left must not keep listing it."""
    c = SuccessStoryPage.objects.get(pk=world["stories"]["C"][0].pk)
    index = world["site"]["index"]
    left = index.landing_url("sector", c.sector)
    joined = index.landing_url("sector", world["site"]["sector"])
    fill(client, everything(world))
    assert "Khurja pottery" in client.get(left).content.decode()
    c.sector = world["site"]["sector"]
    with committed():
        c.save_revision().publish()

    gone = forgotten(client, everything(world))
    assert {left, joined} <= gone
    assert "Khurja pottery" not in client.get(left).content.decode()
    assert "Khurja pottery" in client.get(joined).content.decode()
