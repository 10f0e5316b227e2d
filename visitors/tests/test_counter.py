"""The visitor counter: concurrent beacons lose no count; bots, prefetches,
GETs and cross-site posts count nothing."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client

from tests.factories import SuccessStoryPageFactory
from visitors.models import PageViewCount
from visitors.services import record_view

BROWSER = (
    "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"
)


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
