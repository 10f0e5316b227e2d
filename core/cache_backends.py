"""The shared cache of a machine without Redis: Django's DatabaseCache, with
an atomic incr.

The content generation (core.cache), the partner API's rate limits
(syndication.throttle) and its validator generation count with
`cache.incr`. Django's DatabaseCache increments with a get and a set, so two
processes incrementing at once can both write n + 1. Here the read and the
write happen in one transaction holding the row: SELECT ... FOR UPDATE on
PostgreSQL; on SQLite the transaction starts IMMEDIATE (cms/settings/base.py),
which takes the write lock before the read.

Chosen over FileBasedCache, whose incr and add are not atomic either and
whose files would have to be writable by every service user; the table is
made by `migrate` (core.apps) and is shared by every machine on the database.
"""

from __future__ import annotations

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, router, transaction
from django.utils.timezone import now as tz_now


class DatabaseCache(DjangoDatabaseCache):
    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote_name = connection.ops.quote_name
        table = quote_name(self._table)
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        now = tz_now().replace(microsecond=0, tzinfo=None)
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {quote_name('value')} FROM {table} "  # noqa: S608 - names quoted, values bound
                f"WHERE {quote_name('cache_key')} = %s AND {quote_name('expires')} > %s{lock}",
                [key, connection.ops.adapt_datetimefield_value(now)],
            )
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found")
            value = pickle.loads(base64.b64decode(connection.ops.process_clob(row[0]).encode()))  # noqa: S301 - our own table
            value += delta
            cursor.execute(
                f"UPDATE {table} SET {quote_name('value')} = %s "  # noqa: S608 - names quoted, values bound
                f"WHERE {quote_name('cache_key')} = %s",
                [base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1"), key],
            )
        return value
