"""/healthz answers 200 when the database and the shared cache answer, 503
naming what failed otherwise, and is never cached. Checks registered by
feature apps only make the answer "degraded", never 503."""

from unittest import mock

import pytest
from django.db import OperationalError

from core import health


@pytest.fixture
def page_cache_on(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300


@pytest.fixture
def no_extra_checks(monkeypatch):
    """Only the core's own checks (feature apps register theirs in ready())."""
    monkeypatch.setattr(health, "_extra_checks", {})


def test_healthy_process_answers_200_and_is_never_cached(client, db, page_cache_on, no_extra_checks):
    for _ in range(2):
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
        assert "no-store" in response["Cache-Control"]
        assert "X-Cache" not in response
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_registered_check_failing_makes_it_degraded_not_503(client, db, no_extra_checks):
    def broken():
        raise RuntimeError("boom")

    health.register_check("worker", lambda: "no worker heartbeat for 90 s")
    health.register_check("broken", broken)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded", "database": "ok", "cache": "ok",
        "worker": "no worker heartbeat for 90 s", "broken": "error: RuntimeError",
    }  # fmt: skip


def test_unreachable_database_answers_503(client, db, no_extra_checks):
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
