"""Every partner API error is RFC 9457 problem+json (syndication/errors.py),
and a read-only database leaves reads working (core/readonly.py)."""

import datetime as dt

import pytest
from django.utils import timezone

from syndication.models import ApiKey, FetchRecord, PrintRecord
from syndication.tests.content import auth, partner_key
from tests.factories import SuccessStoryPageFactory
from tests.readonly import read_only_database

pytestmark = pytest.mark.django_db


def assert_problem(response, status: int):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"], body
    return body


@pytest.fixture
def key():
    return partner_key("Errors desk", languages=("en",))


def test_405_401_404_400_and_429_are_problems(client, key, settings):
    response = client.delete("/api/v1/stories/", **auth(key))
    assert_problem(response, 405)
    assert "GET" in response["Allow"]
    assert_problem(client.get("/api/v1/stories/"), 401)
    assert_problem(client.get("/api/v1/nothing-here/", **auth(key)), 404)
    assert_problem(client.get("/api/v1/stories/", {"limit": "many"}, **auth(key)), 400)
    settings.SYNDICATION_RATE_LIMIT = "1/hour"
    client.get("/api/v1/stories/", **auth(key))
    assert_problem(client.get("/api/v1/stories/", **auth(key)), 429)


def test_an_unexpected_error_is_a_500_problem_and_is_logged(client, key, settings, caplog):
    settings.SYNDICATION_RATE_LIMIT = "lots"  # ImproperlyConfigured inside the request
    body = assert_problem(client.get("/api/v1/stories/", **auth(key)), 500)
    assert "lots" not in body["detail"]  # nothing internal leaks
    assert "SYNDICATION_RATE_LIMIT" in caplog.text


def test_a_read_only_database_serves_reads_and_refuses_writes_with_503(client, key):
    story = SuccessStoryPageFactory(live=False)
    story.save_revision().publish()
    ApiKey.objects.update(last_used_at=timezone.now() - dt.timedelta(hours=1))
    with read_only_database():
        listing = client.get("/api/v1/stories/", **auth(key))
        detail = client.get(f"/api/v1/stories/{story.release_id}/", {"lang": "en"}, **auth(key))
        assert listing.status_code == 200 and detail.status_code == 200, (listing.content, detail.content)
        assert [item["uri"] for item in listing.json()["items"]] == [detail.json()["uri"]]
        pickup = client.post(
            f"/api/v1/stories/{story.release_id}/pickups/",
            {"lang": "en", "paper_name": "Dainik", "edition": "Lucknow", "date": "2026-01-05", "page": "3"},
            **auth(key),
        )
    body = assert_problem(pickup, 503)
    assert "read-only" in body["detail"].lower() and pickup["Retry-After"] == "300"
    assert not PrintRecord.objects.exists() and not FetchRecord.objects.exists()
    assert ApiKey.objects.get().last_used_at < timezone.now() - dt.timedelta(minutes=30)
