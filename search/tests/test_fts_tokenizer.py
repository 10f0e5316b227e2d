"""SQLite only: the FTS5 table keeps Indic words whole, and the fix is
re-applied if something recreates the table with the default tokenizer."""

import pytest
from django.core.checks import run_checks
from django.db import connection
from django.test import TestCase

from search.fts import DEFAULT_TOKENIZE, INDIC_TOKENIZE, PREFIX, fts_table_sql, recreate_fts_table

from .builders import story
from .test_indic_search import found_titles

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5 only")


class FtsTokenizerTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        story("hi", title="काशी", summary="वाराणसी के कारीगरों ने प्रधानमंत्री से बात की")

    def test_migrated_table_uses_the_indic_tokenizer(self):
        self.assertIn(INDIC_TOKENIZE, fts_table_sql(connection))
        self.assertIn(f"prefix='{PREFIX}'", fts_table_sql(connection))

    def test_short_prefixes_find_what_a_table_without_prefix_indexes_finds(self):
        # Two and three letters are read from the prefix indexes, longer ones from the terms.
        queries = ["का", "कार", "कारी", "प्र", "वा", "वाराणसी", "मं"]
        with_indexes = {query: found_titles("hi", query) for query in queries}
        recreate_fts_table(connection, tokenize=INDIC_TOKENIZE, prefix=None)
        self.assertEqual({query: found_titles("hi", query) for query in queries}, with_indexes)
        self.assertEqual(with_indexes["का"], {"काशी"})
        self.assertTrue(any(m.id == "search.W001" for m in run_checks(databases=["default"])))

    def test_default_tokenizer_breaks_hindi_and_migrate_guard_repairs_it(self):
        from search.apps import _keep_indic_tokenizer

        recreate_fts_table(connection, tokenize=DEFAULT_TOKENIZE)
        # unicode61 splits at vowel signs and viramas: "रध", a fragment of
        # प्रधानमंत्री that is no word, matches.
        self.assertEqual(found_titles("hi", "रध"), {"काशी"})
        self.assertTrue(any(m.id == "search.W001" for m in run_checks(databases=["default"])))

        _keep_indic_tokenizer(sender=None, using="default")  # what post_migrate runs

        self.assertIn(INDIC_TOKENIZE, fts_table_sql(connection))
        self.assertIn(f"prefix='{PREFIX}'", fts_table_sql(connection))
        self.assertEqual(found_titles("hi", "रध"), set())
        self.assertEqual(found_titles("hi", "कारी"), {"काशी"})  # rows were copied back
        self.assertFalse(any(m.id == "search.W001" for m in run_checks(databases=["default"])))
