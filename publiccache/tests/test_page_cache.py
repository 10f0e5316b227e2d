"""The anonymous full-page cache: headers, hits, and invalidation when a page
or one of its translations is published or unpublished. Invalidation runs
after commit, so each change runs its on-commit work as a commit would."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.cache import cache
from django.test import TestCase

from home.tests.content import build_site
from stories.models import SuccessStoryPage


def committed():
    return TestCase.captureOnCommitCallbacks(execute=True)


@pytest.fixture
def site(db, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    settings.PUBLIC_DATA_CACHE_SECONDS = 300
    cache.clear()
    return build_site(languages=("hi",), extra_stories=0)


def test_anonymous_page_is_cacheable_with_etag_and_served_from_cache(client, site):
    url = site["story"].url
    first = client.get(url)
    assert first.status_code == 200
    assert first["X-Cache"] == "MISS"
    assert "public" in first["Cache-Control"] and "s-maxage=300" in first["Cache-Control"]
    assert first["ETag"]
    second = client.get(url)
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_reader_with_a_session_is_never_served_from_cache(client, site):
    url = site["story"].url
    client.get(url)
    client.cookies["sessionid"] = "an-editor"
    response = client.get(url)
    assert response.status_code == 200
    assert "X-Cache" not in response


def test_publishing_a_translation_refreshes_every_cached_language(client, site):
    hindi = SuccessStoryPage.objects.get(pk=site["translated"]["hi"]["story"].pk)
    english_index = site["index"].url
    client.get(hindi.url)
    client.get(english_index)
    assert client.get(hindi.url)["X-Cache"] == "HIT"

    hindi.title = "बनारसी रेशम: नया शीर्षक"
    with committed():
        hindi.save_revision().publish()

    fresh = client.get(hindi.url)
    assert fresh["X-Cache"] == "MISS"
    assert "बनारसी रेशम: नया शीर्षक" in fresh.content.decode()
    assert client.get(english_index)["X-Cache"] == "MISS"


def test_unpublishing_removes_page_from_cache(client, site):
    story = SuccessStoryPage.objects.get(pk=site["story"].pk)
    assert client.get(story.url).status_code == 200
    assert client.get(story.url)["X-Cache"] == "HIT"
    with committed():
        story.unpublish()
    assert client.get(story.url).status_code == 410  # withdrawn: gone, not mistyped


class _PurgeRecorder(BaseHTTPRequestHandler):
    purged: list[str] = []

    def do_PURGE(self):  # noqa: N802 - HTTP method name
        self.purged.append(f"{self.headers['Host']}{self.path}")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_publish_purges_page_translations_and_listings_from_the_cdn(
    site, settings, django_capture_on_commit_callbacks
):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _PurgeRecorder.purged = []
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    try:
        story = SuccessStoryPage.objects.get(pk=site["story"].pk)
        with django_capture_on_commit_callbacks(execute=True):
            story.save_revision().publish()
    finally:
        server.shutdown()
    purged = set(_PurgeRecorder.purged)
    for path in ("/en/stories/banarasi-silk/", "/hi/stories/banarasi-silk/", "/en/stories/", "/hi/"):
        assert f"localhost{path}" in purged, purged


def test_publishing_the_source_shows_the_stale_notice_through_both_caches(client, site):
    hindi_url = site["translated"]["hi"]["story"].url
    assert "stale-notice" not in client.get(hindi_url).content.decode()
    assert client.get(hindi_url)["X-Cache"] == "HIT"
    source = SuccessStoryPage.objects.get(pk=site["story"].pk)
    source.summary = "Now also sold abroad."
    with committed():
        source.save_revision().publish()
    assert "stale-notice" in client.get(hindi_url).content.decode()


def test_partner_api_feeds_and_authorised_requests_are_never_cached(client, site):
    url = site["story"].url
    assert "X-Cache" not in client.get(url, HTTP_AUTHORIZATION="Token abc")
    for path in ("/api/v1/stories/", "/en/feeds/stories/", "/images/abc/1/x/y"):
        assert "X-Cache" not in client.get(path)


def test_publish_moves_the_story_tag_after_the_commit(site, django_capture_on_commit_callbacks):
    from core.cache import current_generation, shared_cache, tag_key
    from stories.invalidation import story_tag

    story = SuccessStoryPage.objects.get(pk=site["story"].pk)
    key = tag_key(story_tag(story.translation_key))
    generation = current_generation()
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
        # Before the commit another worker still reads the old rows; what it
        # renders now is stored under this version.
        before_commit = shared_cache().get(key)
    assert shared_cache().get(key) != before_commit
    assert current_generation() == generation  # a story publish forgets only what shows it
