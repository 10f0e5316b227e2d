"""The database cache of a machine without Redis counts exactly, whoever
increments at the same time (rate limits, the content generation)."""

import threading

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection

DATABASE_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {"BACKEND": "core.cache_backends.DatabaseCache", "LOCATION": "odop_cache_test"},
}


@pytest.fixture
def shared_cache(settings, transactional_db):
    settings.CACHES = DATABASE_CACHE
    call_command("createcachetable", verbosity=0)
    yield caches["shared"]
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE odop_cache_test")


def test_concurrent_increments_are_never_lost(shared_cache):
    shared_cache.set("hits", 0, timeout=60)
    threads, per_thread, failures = 4, 25, []

    def hit():
        try:
            for _ in range(per_thread):
                shared_cache.incr("hits")
        except Exception as error:  # reported below, not swallowed
            failures.append(error)
        finally:
            connection.close()

    workers = [threading.Thread(target=hit) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert failures == []
    assert shared_cache.get("hits") == threads * per_thread


def test_incr_and_decr_return_and_store_the_new_value(shared_cache):
    shared_cache.set("count", 5, timeout=60)
    assert shared_cache.incr("count", 3) == 8
    assert shared_cache.decr("count") == 7
    assert shared_cache.get("count") == 7


def test_incr_of_a_missing_or_expired_key_raises_value_error(shared_cache):
    with pytest.raises(ValueError):
        shared_cache.incr("never-set")
    shared_cache.set("gone", 1, timeout=-1)
    with pytest.raises(ValueError):
        shared_cache.incr("gone")


def test_add_is_refused_for_a_live_key_as_rate_limits_expect(shared_cache):
    assert shared_cache.add("window", 0, timeout=60) is True
    assert shared_cache.add("window", 0, timeout=60) is False
    assert shared_cache.incr("window") == 1
