"""/healthz answers 200 when the database and the shared cache answer, 503
naming what failed otherwise, and is never cached."""

from unittest import mock

import pytest
from django.db import OperationalError


@pytest.fixture
def page_cache_on(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300


def test_healthy_process_answers_200_and_is_never_cached(client, db, page_cache_on):
    for _ in range(2):
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
        assert "no-store" in response["Cache-Control"]
        assert "X-Cache" not in response
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_unreachable_database_answers_503(client, db):
    with mock.patch("core.health.connections") as connections:
        connections.__getitem__.return_value.cursor.side_effect = OperationalError("connection refused")
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "error: OperationalError", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_unreachable_cache_answers_503(client, db, settings):
    # Nothing listens on port 1: the Redis client fails at once.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    settings.PUBLIC_DATA_CACHE_SECONDS = 0
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "ok"
    assert response.json()["cache"].startswith("error: ")
