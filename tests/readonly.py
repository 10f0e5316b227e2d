"""A really read-only database for a block of a test: PostgreSQL refuses
writes in a READ ONLY transaction (SQLSTATE 25006, as a standby or a
read-only role does), SQLite under `PRAGMA query_only`. Everything done in
the block is rolled back at its end."""

from contextlib import contextmanager

from django.db import connection, transaction


@contextmanager
def read_only_database():
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                if connection.vendor == "postgresql":
                    cursor.execute("SET TRANSACTION READ ONLY")  # undone by the rollback below
                else:
                    cursor.execute("PRAGMA query_only = ON")
            try:
                yield
            finally:
                transaction.set_rollback(True)
    finally:
        if connection.vendor != "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA query_only = OFF")
