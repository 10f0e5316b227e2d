"""The rate limit is one count per key across processes: two cache clients
(as two workers have) against the same Redis database or database cache
table allow the limit once, not twice, and the first refusal logs once."""

from __future__ import annotations

import logging
import uuid

import pytest
from django.core.cache.backends.redis import RedisCache
from django.core.management.commands.createcachetable import Command as CreateCacheTable

from core.cache_backends import DatabaseCache
from syndication import throttle

REDIS_URL = "redis://127.0.0.1:6379/8"
LIMIT = 6


def _redis_clients():
    first, second = RedisCache(REDIS_URL, {}), RedisCache(REDIS_URL, {})
    try:
        first.get("syndication:ping")
    except Exception as error:  # noqa: BLE001 - no server: nothing to test against
        pytest.skip(f"Redis not reachable at {REDIS_URL}: {error}")
    return first, second


def _allowed(clients, *, requests: int, prefix: str) -> int:
    return sum(throttle.check(key_prefix=prefix, cache=clients[n % 2]) is None for n in range(requests))


@pytest.fixture
def limit(settings):
    settings.SYNDICATION_RATE_LIMIT = f"{LIMIT}/hour"


def test_two_redis_clients_share_one_count(limit, caplog):
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    with caplog.at_level(logging.WARNING, logger="syndication.throttle"):
        assert _allowed(_redis_clients(), requests=3 * LIMIT, prefix=prefix) == LIMIT
    assert [r.getMessage() for r in caplog.records if prefix in r.getMessage()] == [
        f"API key {prefix} exceeded {LIMIT} requests per 3600 s; refusing until the window ends"
    ]


@pytest.mark.django_db(transaction=True)
def test_two_database_cache_clients_share_one_count(limit):
    table = "syndication_test_rate_cache"
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table("default", table, dry_run=False)
    clients = (DatabaseCache(table, {}), DatabaseCache(table, {}))
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    assert _allowed(clients, requests=2 * LIMIT + 1, prefix=prefix) == LIMIT
    assert throttle.check(key_prefix=f"{prefix}-other", cache=clients[1]) is None
