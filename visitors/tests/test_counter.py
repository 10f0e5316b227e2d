"""The visitor counter: concurrent beacons lose no count; bots, prefetches,
GETs and cross-site posts count nothing."""

import datetime as dt
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from tests.factories import SuccessStoryPageFactory
from visitors.models import PageViewCount
from visitors.services import record_view

BROWSER = (
    "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"
)


@pytest.fixture(autouse=True)
def no_beacon_limit(settings):
    """Tests send many beacons from 127.0.0.1; the limit's own tests set it."""
    settings.VISITORS_BEACON_RATE_LIMIT = (0, 600)


def beacon(client: Client, page, **headers):
    return client.post(f"/visitors/hit/{page.pk}/", HTTP_USER_AGENT=headers.pop("ua", BROWSER), **headers)


@pytest.mark.django_db(transaction=True)
def test_parallel_beacons_lose_no_count():
    story = SuccessStoryPageFactory()
    threads, per_thread = 8, 25

    def read_many(_):
        client = Client()
        try:
            for _n in range(per_thread):
                assert beacon(client, story).status_code == 200
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(read_many, range(threads)))
    assert PageViewCount.objects.get(page=story).views == threads * per_thread


@pytest.mark.django_db(transaction=True)
def test_first_views_racing_to_create_the_row_are_all_counted():
    story = SuccessStoryPageFactory()

    def one(_):
        try:
            return record_view(page_id=story.pk)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=12) as pool:
        totals = sorted(pool.map(one, range(12)))
    assert PageViewCount.objects.get(page=story).views == 12
    assert totals[-1] == 12


@pytest.mark.django_db
def test_beacon_returns_count_formatted_in_page_language(client):
    story = SuccessStoryPageFactory()
    PageViewCount.objects.create(page=story, views=1234566)
    data = beacon(client, story).json()
    assert data == {"views": 1234567, "display": "12,34,567", "counted": True}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"ua": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"},
        {"ua": "facebookexternalhit/1.1"},
        {"ua": "curl/8.5.0"},
        {"ua": ""},
        {"ua": "Mozilla/5.0 HeadlessChrome/131.0"},
        {"HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
        {"HTTP_PURPOSE": "prefetch"},
        {"HTTP_X_MOZ": "prefetch"},
    ],
)
def test_bots_and_prefetches_are_not_counted(client, headers):
    story = SuccessStoryPageFactory()
    response = beacon(client, story, **headers)
    assert response.status_code == 200
    assert response.json()["counted"] is False
    assert not PageViewCount.objects.filter(page=story).exists()


@pytest.mark.django_db
def test_page_views_themselves_and_get_requests_count_nothing(client):
    story = SuccessStoryPageFactory()
    client.get(story.url, HTTP_USER_AGENT=BROWSER)
    assert client.get(f"/visitors/hit/{story.pk}/", HTTP_USER_AGENT=BROWSER).status_code == 405
    assert not PageViewCount.objects.filter(page=story).exists()


@pytest.mark.django_db
def test_cross_site_beacon_is_refused(client):
    story = SuccessStoryPageFactory()
    assert beacon(client, story, HTTP_SEC_FETCH_SITE="cross-site").status_code == 403
    assert beacon(client, story, HTTP_ORIGIN="https://evil.example").status_code == 403
    assert not PageViewCount.objects.filter(page=story).exists()


@pytest.mark.django_db
def test_unknown_or_draft_page_is_a_clear_404(client):
    draft = SuccessStoryPageFactory(live=False)
    response = beacon(client, draft)
    assert response.status_code == 404
    assert f"no live page with id {draft.pk}" in response.json()["error"]


@pytest.mark.django_db
@pytest.mark.parametrize("state", ["embargoed", "unpublished", "withdrawn"])
def test_a_page_readers_may_not_see_is_neither_counted_nor_confirmed(client, state):
    if state == "embargoed":
        story = SuccessStoryPageFactory(embargo_until=timezone.now() + dt.timedelta(days=2))
    else:
        story = SuccessStoryPageFactory()
        if state == "withdrawn":
            story.save_revision().publish()
        story.unpublish()
    response = beacon(client, story)
    assert response.status_code == 404
    assert response.json() == {"error": f"no live page with id {story.pk}"}  # as for an unknown id
    assert beacon(client, story, ua="curl/8.5.0").status_code == 404
    assert not PageViewCount.objects.filter(page=story).exists()


@pytest.mark.django_db
def test_a_page_whose_embargo_has_ended_is_counted(client):
    story = SuccessStoryPageFactory(embargo_until=timezone.now() - dt.timedelta(minutes=1))
    assert beacon(client, story).json()["counted"] is True


@pytest.mark.django_db
def test_one_client_is_limited_per_window_and_others_are_not(client, settings):
    settings.VISITORS_BEACON_RATE_LIMIT = (3, 600)
    story = SuccessStoryPageFactory()
    script = f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.7"  # fresh in a shared Redis too
    answers = [beacon(client, story, REMOTE_ADDR=script).status_code for _ in range(5)]
    assert answers == [200, 200, 200, 429, 429]
    limited = beacon(client, story, REMOTE_ADDR=script)
    assert 1 <= int(limited["Retry-After"]) <= 600
    # Another reader behind the same proxy is counted: the address is the last forwarded hop.
    reader = script.removesuffix(".7") + ".8"
    behind_proxy = beacon(client, story, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"{script}, {reader}")
    assert behind_proxy.status_code == 200
    assert PageViewCount.objects.get(page=story).views == 4
    # A forwarded header from a client that is not a trusted proxy changes nothing.
    assert beacon(client, story, REMOTE_ADDR=script, HTTP_X_FORWARDED_FOR="9.9.9.9").status_code == 429


@pytest.mark.django_db
def test_the_story_page_shows_the_count_read_with_the_story(client, django_assert_num_queries):
    """The counter comes with the story's route query (stories.annotations),
    the same as a read of its own, and costs no query while the page renders."""
    from stories.selectors import story_for_route
    from visitors.selectors import visitor_counter

    story = SuccessStoryPageFactory(slug="counted")
    PageViewCount.objects.create(page=story, views=1234566)
    routed = story_for_route(parent=story.get_parent(), slug="counted")
    with django_assert_num_queries(0):
        counter = visitor_counter(routed)
    assert counter == visitor_counter(type(story).objects.get(pk=story.pk))
    assert counter["views"] == 1234566
    assert "12,34,566" in client.get(story.url).content.decode()

    uncounted = SuccessStoryPageFactory(slug="uncounted")
    assert visitor_counter(story_for_route(parent=story.get_parent(), slug="uncounted"))["views"] == 0
    assert uncounted.pk != story.pk
