"""Versioned tags: what every public cache entry depends on, and how a change
forgets only the entries that depended on it.

Each cached page (publiccache) and each piece of per-page data (`remember`)
is stored with the tags it depends on and their versions at store time, e.g.
``story:<translation_key>`` or ``index:hi`` (stories.invalidation names them),
plus the content generation, which every entry depends on. A read fetches the
current versions in one `get_many` and treats any changed version as a miss.
`invalidate(tags)` moves those tags' versions once the change is committed, in
the shared cache (REDIS_URL in production), so every process sees it.

- The content generation is the tag for site-wide changes (taxonomy, site
  settings, non-story pages, partner grants): `bump_generation` forgets all.
- While a page renders, the tags it declares (`depends_on`) and those of the
  data it reads through `remember` (cached or not) are collected
  (`collecting`), so the page's entry depends on the union.
- A render that overlaps an invalidation is not stored: `CHANGES_KEY` moves
  before any tag does, and an entry is stored only if it has not moved since
  the render started (otherwise rows read before the commit could be stored
  under versions taken after it).
- A lost version (flush, eviction) reads as a change. A version restarts at a
  value from the clock, larger than any it had, so an old entry never matches.
"""

from __future__ import annotations

import contextlib
import contextvars
import time
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import caches

GENERATION_KEY = "content:generation"
CHANGES_KEY = "content:changes"
TAG_PREFIX = "content:tag:"
# The tag of pages that declare nothing more precise: every story change moves it.
ANY_CONTENT = "content"


def shared_cache():
    return caches[settings.PUBLIC_PAGE_CACHE_ALIAS]


def shared_across_processes() -> bool:
    """Whether `shared_cache()` is one store for every process (Redis, the
    database), not each process's own (local memory, as in development)."""
    from .checks import PROCESS_LOCAL_CACHES

    return settings.CACHES[settings.PUBLIC_PAGE_CACHE_ALIAS]["BACKEND"] not in PROCESS_LOCAL_CACHES


def _fresh_start() -> int:
    # Microseconds since the epoch: larger than any counter value in use.
    return time.time_ns() // 1000


def current_generation() -> int:
    cache = shared_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _fresh_start(), timeout=None)
        generation = cache.get(GENERATION_KEY) or _fresh_start()
    return generation


def _increment(cache, key: str) -> int:
    try:
        return cache.incr(key)
    except ValueError:  # the counter was lost (or never set): restart above every old value
        if cache.add(key, _fresh_start(), timeout=None):
            return cache.get(key)
        return cache.incr(key)


def bump_generation() -> int:
    """Start a new generation (forget every entry); returns it."""
    cache = shared_cache()
    _increment(cache, CHANGES_KEY)
    return _increment(cache, GENERATION_KEY)


def tag_key(tag: str) -> str:
    return TAG_PREFIX + tag


def invalidate(tags: Iterable[str]) -> None:
    """Forget every entry that depends on one of `tags` (call after commit)."""
    cache = shared_cache()
    _increment(cache, CHANGES_KEY)  # first: a render now in progress is not stored
    for tag in sorted(set(tags)):
        _increment(cache, tag_key(tag))


def content_version() -> str:
    """The generation and the ANY_CONTENT tag's version, read together: what
    moves on any change a reader or partner may see (the partner API's
    validators key on it)."""
    found = shared_cache().get_many([GENERATION_KEY, tag_key(ANY_CONTENT)])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = current_generation()
    any_content = found.get(tag_key(ANY_CONTENT))
    if any_content is None:
        shared_cache().add(tag_key(ANY_CONTENT), _fresh_start(), timeout=None)
        any_content = shared_cache().get(tag_key(ANY_CONTENT))
    return f"{generation}.{any_content}"


def changes_now() -> int | None:
    return shared_cache().get(CHANGES_KEY)


# --- Collecting a render's tags --------------------------------------------------


class Dependencies:
    """The tags one render depends on. `declared` says the page named its own
    tags (`depends_on(..., page=True)`); a page that did not depends on
    ANY_CONTENT, so it is never kept across a story change it might show."""

    def __init__(self, changes: int | None):
        self.tags: set[str] = set()
        self.declared = False
        self.changes = changes

    def page_tags(self) -> set[str]:
        return self.tags if self.declared else {*self.tags, ANY_CONTENT}


_collecting: contextvars.ContextVar[tuple[Dependencies, ...]] = contextvars.ContextVar(
    "content_dependencies", default=()
)


@contextlib.contextmanager
def collecting(changes: int | None = None):
    """Collect the tags declared inside the block; `changes` is the value of
    CHANGES_KEY read before the render's first query."""
    dependencies = Dependencies(changes)
    token = _collecting.set((*_collecting.get(), dependencies))
    try:
        yield dependencies
    finally:
        _collecting.reset(token)


def depends_on(*tags: str, page: bool = False) -> None:
    """What is being rendered depends on `tags`; `page=True` from a page's
    own view: these are all the content tags it needs (others come from the
    data it remembers)."""
    for dependencies in _collecting.get():
        dependencies.tags.update(tags)
    if page and _collecting.get():
        _collecting.get()[-1].declared = True


def _earliest_changes() -> int | None:
    """CHANGES_KEY as the enclosing render first read it (before it loaded
    the page), else now."""
    stack = _collecting.get()
    if stack and stack[0].changes is not None:
        return stack[0].changes
    return changes_now()


# --- Versioned entries -----------------------------------------------------------


def _is_current(cache, versions: dict[str, int]) -> bool:
    current = cache.get_many(list(versions))
    return all(current.get(key) == version for key, version in versions.items())


def load(key: str) -> tuple[object, set[str]] | None:
    """The value stored under `key` and its tags, if none of its tags moved
    since it was stored: two round trips (the entry, then its versions)."""
    cache = shared_cache()
    entry = cache.get(key)
    if not (isinstance(entry, tuple) and len(entry) == 3 and entry[0] == "tagged"):
        return None
    _, versions, value = entry
    if not _is_current(cache, versions):
        return None
    return value, {key[len(TAG_PREFIX) :] for key in versions if key.startswith(TAG_PREFIX)}


def store(key: str, value, *, tags: Iterable[str], timeout: int, changes: int | None) -> bool:
    """Keep `value` under the current versions of `tags` (and the generation),
    unless something was invalidated since `changes` was read. True if stored."""
    cache = shared_cache()
    keys = [tag_key(tag) for tag in sorted(set(tags))]
    found = cache.get_many([*keys, GENERATION_KEY, CHANGES_KEY])
    if found.get(CHANGES_KEY) != changes:
        return False
    missing = [key for key in [*keys, GENERATION_KEY] if key not in found]
    if missing:
        for missing_key in missing:
            cache.add(missing_key, _fresh_start(), timeout=None)
        found.update(cache.get_many(missing))
        if any(missing_key not in found for missing_key in missing):
            return False
    versions = {key: found[key] for key in [*keys, GENERATION_KEY]}
    cache.set(key, ("tagged", versions, value), timeout=timeout)
    return True


def remember(*, name: str, parts: tuple, compute: Callable, tags: Iterable[str] = (), tags_of=None):
    """The value of `compute()`, cached until one of its tags (or the
    generation) moves. `tags_of(value)` adds tags found in the value (the
    stories a page links). Used for the per-page data that does not depend
    on the reader (alternates, navigation, related stories); the tags also go
    to the page being rendered. PUBLIC_DATA_CACHE_SECONDS = 0 turns it off."""
    tags = set(tags)
    seconds = settings.PUBLIC_DATA_CACHE_SECONDS
    if seconds <= 0:
        value = compute()
        depends_on(*tags, *(tags_of(value) if tags_of else ()))
        return value
    key = f"publicdata:{name}:" + ":".join(str(part) for part in parts)
    found = load(key)
    if found is not None:
        value, stored_tags = found
        depends_on(*stored_tags)
        return value
    changes = _earliest_changes()
    value = compute()
    tags |= set(tags_of(value) if tags_of else ())
    depends_on(*tags)
    store(key, value, tags=tags, timeout=seconds, changes=changes)
    return value


def count_in_window(name: str, *, period: int, cache=None) -> tuple[int, int]:
    """Count one more event under `name` in the current fixed window of
    `period` seconds; (the count so far, seconds until the window ends).

    `add` creates the window's counter and `incr` counts atomically (Redis, or
    the database cache table), so every worker process counts into one number.
    """
    from django.core.cache import cache as default_cache

    cache = cache or default_cache
    now = time.time()
    window = int(now // period)
    key = f"{name}:{period}:{window}"
    cache.add(key, 0, timeout=period + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=period + 1)
        count = 1
    return count, max(1, int((window + 1) * period - now + 0.999))
