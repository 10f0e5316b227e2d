"""The embedded default: Wagtail's database backend, tuned for Indic scripts.

Indian languages add suffixes (कारीगर -> कारीगरों, கைவினைஞர் -> கைவினைஞர்கள்)
and neither SQLite FTS5 nor PostgreSQL has stemmers for them, so every term of
a plain-text query is matched as a prefix (the upstream compilers only do that
for the last term of an autocomplete query). SQLite's tokenizer itself is fixed
by ``search.fts`` (migration 0001 and a post_migrate guard).

Select with ``{"BACKEND": "search.backends.database"}``; on PostgreSQL pass
``"SEARCH_CONFIG": "simple"`` (the language-neutral text search configuration).
"""

from django.db import connection
from modelsearch.query import PlainText


def _prefix_plaintext(compiler_class, lexeme_class, combine_and, combine_or):
    """A subclass of `compiler_class` whose PlainText terms are all prefixes."""

    class PrefixCompiler(compiler_class):
        def _prefix_lexemes(self, query, **lexeme_kwargs):
            terms = query.query_string.split()
            if not terms:
                return None
            lexemes = lexeme_class(terms[0], prefix=True, **lexeme_kwargs)
            for term in terms[1:]:
                lexeme = lexeme_class(term, prefix=True, **lexeme_kwargs)
                if query.operator.lower() == "and":
                    lexemes = combine_and(lexemes, lexeme)
                else:
                    lexemes = combine_or(lexemes, lexeme)
            return lexemes

    PrefixCompiler.__name__ = f"Prefix{compiler_class.__name__}"
    return PrefixCompiler


def _sqlite_backend_class():
    from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend, SQLiteSearchQueryCompiler

    base = _prefix_plaintext(SQLiteSearchQueryCompiler, Lexeme, lambda a, b: a & b, lambda a, b: a | b)

    class IndicSQLiteSearchQueryCompiler(base):
        def build_search_query_content(self, query, config=None):
            if isinstance(query, PlainText):
                lexemes = self._prefix_lexemes(query)
                return None if lexemes is None else SearchQueryExpression(lexemes, config=config)
            return super().build_search_query_content(query, config=config)

    class IndicSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = IndicSQLiteSearchQueryCompiler

    return IndicSQLiteSearchBackend


def _postgres_backend_class():
    from django.contrib.postgres.search import SearchQuery
    from modelsearch.backends.database.postgres.postgres import (
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.backends.database.postgres.query import Lexeme

    base = _prefix_plaintext(PostgresSearchQueryCompiler, Lexeme, lambda a, b: a & b, lambda a, b: a | b)

    class IndicPostgresSearchQueryCompiler(base):
        def build_tsquery_content(self, query, config=None, invert=False):
            if isinstance(query, PlainText):
                lexemes = self._prefix_lexemes(query, invert=invert)
                return None if lexemes is None else SearchQuery(lexemes, search_type="raw", config=config)
            return super().build_tsquery_content(query, config=config, invert=invert)

    class IndicPostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = IndicPostgresSearchQueryCompiler

    return IndicPostgresSearchBackend


def SearchBackend(params):  # noqa: N802 - Wagtail looks the factory up by this name
    if connection.vendor == "sqlite":
        from modelsearch.backends.database import SearchBackend as upstream

        backend = upstream(params)
        if type(backend).__name__ == "SQLiteSearchBackend":
            return _sqlite_backend_class()(params)
        return backend  # no FTS5: the upstream fallback (LIKE queries)
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    from modelsearch.backends.database import SearchBackend as upstream

    return upstream(params)
