"""A read-only database (a replica, a standby, maintenance) degrades the site
to read-only service instead of failing every request.

- Writes that merely accompany a read (an API key's `last_used_at`, the
  pickup log, a visitor count, a rate-limit counter in the database cache) go
  through `tolerate_read_only`: the write is skipped, logged once per process
  and kind, and the read carries on.
- Any other write that meets a read-only database raises; `ReadOnlyMiddleware`
  answers it with a 503 "read-only maintenance" page in the reader's language
  (the partner API answers problem+json itself, see syndication/errors.py).
"""

from __future__ import annotations

import logging
from contextlib import contextmanager

from django.db import DatabaseError, transaction
from django.http import HttpResponse
from django.template import loader
from django.utils import translation

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 300
# SQLSTATE 25006 read_only_sql_transaction (PostgreSQL, a standby, a read-only role);
# SQLite's SQLITE_READONLY and `PRAGMA query_only` messages.
PG_READ_ONLY = "25006"
SQLITE_READ_ONLY = ("readonly database", "read-only database", "query_only", "attempt to write a readonly")
_logged: set[str] = set()


def is_read_only_error(error: BaseException) -> bool:
    """True when `error` (or what caused it) says the database refuses writes."""
    while error is not None:
        if getattr(error, "sqlstate", None) == PG_READ_ONLY or getattr(error, "pgcode", None) == PG_READ_ONLY:
            return True
        if isinstance(error, DatabaseError) or type(error).__module__.startswith(("sqlite3", "psycopg")):
            message = str(error).lower()
            if "read-only transaction" in message or any(part in message for part in SQLITE_READ_ONLY):
                return True
        error = error.__cause__ or error.__context__
    return False


@contextmanager
def tolerate_read_only(what: str, *, savepoint: bool = True):
    """Run a write that only accompanies a read: on a read-only database it is
    skipped and logged once per process for `what`. Other errors propagate.
    `savepoint` keeps a PostgreSQL transaction usable after the refused write;
    pass False when the code inside opens its own (a cache backend's incr)."""
    try:
        if savepoint:
            with transaction.atomic():
                yield
        else:
            yield
    except DatabaseError as error:
        if not is_read_only_error(error):
            raise
        if what not in _logged:
            _logged.add(what)
            logger.warning("Database is read-only: skipping %s (logged once): %s", what, error)


def read_only_response(request) -> HttpResponse:
    """503 in the reader's language; renders without touching the database."""
    from languages import registry

    code = translation.get_language() or registry.DEFAULT_CODE
    try:
        language = registry.get(code)
    except KeyError:
        language = registry.get(registry.DEFAULT_CODE)
    with translation.override(language.code):
        body = loader.render_to_string("503_read_only.html", {"current_language": language})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class ReadOnlyMiddleware:
    """A write refused by a read-only database becomes a clear 503, not a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_read_only_error(exception):
            logger.warning("Write refused, database is read-only: %s %s", request.method, request.path)
            return read_only_response(request)
        return None
