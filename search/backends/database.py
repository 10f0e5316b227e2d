"""The embedded default: Wagtail's database backend, tuned for Indic scripts.

Indian languages add suffixes (कारीगर -> कारीगरों, கைவினைஞர் -> கைவினைஞர்கள்)
and neither SQLite FTS5 nor PostgreSQL has stemmers for them, so every term of
a plain-text query is matched as a prefix (the upstream compilers only do that
for the last term of an autocomplete query). SQLite's tokenizer itself is fixed
by ``search.fts`` (migration 0001 and a post_migrate guard).

Text is indexed in its search form (``search.normalize.index_text``: folded,
plus the romanized keys of its Indic words); a query term may carry
alternatives, ``kesar|qxkesr|qtkecr`` (``services.CleanQuery.backend_text``),
matched as one OR group, the groups combined with the query's operator.

Select with ``{"BACKEND": "search.backends.database"}``; on PostgreSQL pass
``"SEARCH_CONFIG": "simple"`` (the language-neutral text search configuration).
"""

import types

from django.db import connection
from django.db.models import FloatField, Func
from modelsearch.index import RelatedFields
from modelsearch.query import PlainText

from core.lookups import AnyOf
from search.normalize import index_text

ALTERNATIVES = "|"  # between the alternatives of one query term
# PostgreSQL: the newest visible stories whose index entries a search checks
# one by one before it reads the older matches from the GIN index.
WALKED = 1000


def _prefix_plaintext(compiler_class, lexeme_class, combine_and, combine_or):
    """A subclass of `compiler_class` whose PlainText terms are all prefixes."""

    class PrefixCompiler(compiler_class):
        def _prefix_lexemes(self, query, **lexeme_kwargs):
            terms = query.query_string.split()
            if not terms:
                return None

            def group(term):
                first, *others = [alt for alt in term.split(ALTERNATIVES) if alt]
                lexemes = lexeme_class(first, prefix=True, **lexeme_kwargs)
                for other in others:
                    lexemes = combine_or(lexemes, lexeme_class(other, prefix=True, **lexeme_kwargs))
                return lexemes

            lexemes = group(terms[0])
            for term in terms[1:]:
                lexeme = group(term)
                if query.operator.lower() == "and":
                    lexemes = combine_and(lexemes, lexeme)
                else:
                    lexemes = combine_or(lexemes, lexeme)
            return lexemes

    PrefixCompiler.__name__ = f"Prefix{compiler_class.__name__}"
    return PrefixCompiler


def _folding_index(index_class, indexer_class):
    """`index_class` whose objects are read by a subclass of its module's
    ObjectIndexer that indexes every text in its search form.

    Upstream's ``add_items`` names ``ObjectIndexer`` as a module global; the
    subclass gets upstream's own function, reading that name as our indexer,
    rather than a copy of its 50 lines."""

    class FoldingObjectIndexer(indexer_class):
        def prepare_field(self, obj, field):
            # Upstream's title, body and autocomplete each walk every search
            # field of the object (three stream renders and three foldings of
            # each text per object): the object's own fields are prepared once.
            if obj is not self.obj:
                yield from self._prepare_field(obj, field)
                return
            prepared = self.__dict__.setdefault("_prepared_fields", {})
            if id(field) not in prepared:
                prepared[id(field)] = list(self._prepare_field(obj, field))
            yield from prepared[id(field)]

        def _prepare_field(self, obj, field):
            if isinstance(field, RelatedFields):  # its fields come back through prepare_field
                yield from super().prepare_field(obj, field)
                return
            for *head, value in super().prepare_field(obj, field):
                yield (*head, index_text(value))

    upstream = index_class.add_items
    add_items = types.FunctionType(
        upstream.__code__,
        {**upstream.__globals__, "ObjectIndexer": FoldingObjectIndexer},
        upstream.__name__,
        upstream.__defaults__,
        upstream.__closure__,
    )
    return type(f"Folding{index_class.__name__}", (index_class,), {"add_items": add_items})


# The database backends filter in SQL, so `search_ids` and `match_ids` take
# any queryset (the public search passes what a reader may see, facets
# applied) and skip upstream's FilterField check, which exists for the
# engines; the engines' path searches `selectors.searchable_stories` only.


class RankedObjects:
    """Objects of `queryset` with primary keys `ids`, iterated in that order.

    Stands in for the queryset upstream's results class lists and counts."""

    def __init__(self, queryset, ids):
        self.queryset, self.ids = queryset, ids

    def __iter__(self):
        found = self.queryset.in_bulk(self.ids)
        return iter([found[pk] for pk in self.ids if pk in found])

    def count(self):
        return len(self.ids)


def _sqlite_backend_class():
    from django.db.models import CharField, Exists, IntegerField, OuterRef
    from django.db.models.functions import Cast
    from modelsearch.backends.database.sqlite.query import (
        Lexeme,
        MatchExpression,
        SearchQueryExpression,
        normalize,
    )
    from modelsearch.backends.database.sqlite.sqlite import (
        ObjectIndexer,
        SQLiteFTSIndexEntry,
        SQLiteIndex,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
    )
    from modelsearch.query import MatchAll, Not
    from modelsearch.utils import get_descendants_content_types_pks

    class WeightedBM25(Func):
        """bm25() over the FTS columns (autocomplete, body, title); lower is better."""

        output_field = FloatField()

        def as_sql(self, compiler, connection, **extra):
            return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, 0.0, 1.0, 2.0)", []

    base = _prefix_plaintext(SQLiteSearchQueryCompiler, Lexeme, lambda a, b: a & b, lambda a, b: a | b)

    class IndicSQLiteSearchQueryCompiler(base):
        def build_search_query_content(self, query, config=None):
            if isinstance(query, PlainText):
                lexemes = self._prefix_lexemes(query)
                return None if lexemes is None else SearchQueryExpression(lexemes, config=config)
            return super().build_search_query_content(query, config=config)

        def search(self, config, start, stop, score_field=None):
            """Relevance order without upstream's per-row score subquery.

            Upstream annotates every candidate row with a correlated subquery
            that re-runs the FTS match (28 s for a common word over 8,000
            stories). Here one query ranks the matching ids with bm25 (title
            weighted twice the body), restricted to the queryset's rows, and
            the page of ids is read back in that order.
            """
            entries = self.matching_entries(config)
            if not self.order_by_relevance or score_field is not None or entries is None:
                return super().search(config, start, stop, score_field=score_field)
            ranked = entries.order_by(WeightedBM25(), "-index_entry__object_id").values_list(
                "index_entry__object_id", flat=True
            )
            pk_field = self.queryset.model._meta.pk
            ids = [pk_field.to_python(object_id) for object_id in ranked[start:stop]]
            return RankedObjects(self.queryset, ids)

        def matching_entries(self, config):
            """FTS rows of the queryset's objects that match, or None for a
            query with no terms to match (match all, or only a negation)."""
            normalized = normalize(self.query)
            if isinstance(normalized, (MatchAll, Not)):
                return None
            match = MatchExpression(
                self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(normalized, config=config)
            )
            candidates = self.queryset.annotate(_object_id=Cast("pk", CharField())).values("_object_id")
            return SQLiteFTSIndexEntry.objects.filter(match).filter(
                index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
                index_entry__object_id__in=candidates,
            )

        def newest_matches(self, config, limit):
            """(pk, bm25 score) of at most `limit` matching objects of the
            queryset, the most recently indexed first: FTS5 reads its matches
            in rowid order and the query stops after `limit` of them, each
            checked against the queryset by primary key (an EXISTS, not the
            whole queryset as a list)."""
            normalized = normalize(self.query)
            if isinstance(normalized, (MatchAll, Not)):
                return []
            match = MatchExpression(
                self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(normalized, config=config)
            )
            pk_field = self.queryset.model._meta.pk
            visible = self.queryset.filter(pk=Cast(OuterRef("index_entry__object_id"), IntegerField()))
            rows = (
                SQLiteFTSIndexEntry.objects.filter(match)
                .filter(
                    Exists(visible),
                    index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
                )
                .annotate(score=WeightedBM25())
                .order_by("-pk")
                .values_list("index_entry__object_id", "score")[:limit]
            )
            return [(pk_field.to_python(object_id), score) for object_id, score in rows]

    class IndicSQLiteSearchBackend(SQLiteSearchBackend):
        query_compiler_class = IndicSQLiteSearchQueryCompiler
        index_class = _folding_index(SQLiteIndex, ObjectIndexer)

        def search_ids(self, query, queryset, *, limit, offset=0, operator="and"):
            """Primary keys of the best matches, best first (`offset` to
            `offset + limit`), without loading the objects."""
            if not query:
                return []
            compiler = self.query_compiler_class(queryset, query, operator=operator)
            ranked = compiler.search(self.config, offset, offset + limit)
            return ranked.ids if isinstance(ranked, RankedObjects) else [obj.pk for obj in ranked]

        def newest_ids(self, query, queryset, *, limit, operator="and"):
            """Primary keys of at most `limit` matches in `queryset`, best
            first, chosen among the most recently indexed: the work is bounded
            by `limit`, however many objects match."""
            if not query:
                return []
            compiler = self.query_compiler_class(queryset, query, operator=operator)
            rows = compiler.newest_matches(self.config, limit)
            return [pk for pk, _score in sorted(rows, key=lambda row: (row[1], -row[0]))]

        def match_ids(self, query, queryset, *, operator="and"):
            """Every matching primary key of `queryset`, as a subquery: exact
            counts and facets, however many stories match."""
            compiler = self.query_compiler_class(queryset, query, operator=operator)
            entries = compiler.matching_entries(self.config) if query else None
            if entries is None:
                return queryset.none().values("pk")
            return entries.annotate(story_pk=Cast("index_entry__object_id", IntegerField())).values(
                "story_pk"
            )

    return IndicSQLiteSearchBackend


def _postgres_backend_class():
    from django.contrib.postgres.search import SearchQuery
    from django.db.models import Case, F, FloatField, IntegerField, When
    from django.db.models.expressions import CombinedExpression
    from django.db.models.functions import Cast
    from modelsearch.backends.database.postgres.postgres import (
        IndexEntry,
        ObjectIndexer,
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.backends.database.postgres.query import Lexeme
    from modelsearch.utils import get_descendants_content_types_pks

    base = _prefix_plaintext(PostgresSearchQueryCompiler, Lexeme, lambda a, b: a & b, lambda a, b: a | b)

    class IndicPostgresSearchQueryCompiler(base):
        def build_tsquery_content(self, query, config=None, invert=False):
            if isinstance(query, PlainText):
                lexemes = self._prefix_lexemes(query, invert=invert)
                return None if lexemes is None else SearchQuery(lexemes, search_type="raw", config=config)
            return super().build_tsquery_content(query, config=config, invert=invert)

        def newest_matches(self, config, limit):
            """(pk, rank) of at most `limit` matching objects of the queryset,
            the newest (highest primary key) first.

            The match is read on the index entries alone, ``title || body``
            as upstream matches it, the stories found by primary key
            (upstream's join casts every story's key to text, so PostgreSQL
            scanned them all). First the newest WALKED visible stories, their
            entries checked by unique key: a common word is found there
            (PostgreSQL's own plan read every match from the GIN index, 20,000
            at 20,000 stories, or for a rare word checked every story). Only
            if they hold fewer than `limit`, the older stories' matches, read
            from the GIN index on that expression (migration 0002): few, or
            the word would have been found among the newest. Those are ranked
            with upstream's weights, each entry by its unique key.
            """
            search_query = self.build_tsquery(self.query, config=config)
            entries = IndexEntry.objects.filter(
                content_type_id__in=get_descendants_content_types_pks(self.queryset.model)
            ).annotate(_vector_=CombinedExpression(F("title"), "||", F("body")))
            rank = self.build_tsrank(F("title"), self.query, config=config) * F(
                "title_norm"
            ) + self.build_tsrank(F("body"), self.query, config=config)

            def ranked(pks, *, checked):
                """object_id -> rank of the entries of `pks` that match (all
                of them match when `checked`). The match is tested in the
                select list, so each entry is read by its unique key and
                ranked only if it matches."""
                rows = entries.filter(AnyOf(F("object_id"), [str(pk) for pk in pks])).annotate(
                    _rank_=rank
                    if checked
                    else Case(When(_vector_=search_query, then=rank), output_field=FloatField())
                )
                return {
                    object_id: value
                    for object_id, value in rows.values_list("object_id", "_rank_")
                    if value is not None
                }

            newest_first = self.queryset.order_by("-pk").values_list("pk", flat=True)
            window = list(newest_first[:WALKED])
            ranks = ranked(window, checked=False)
            newest = [pk for pk in window if str(pk) in ranks][:limit]
            if len(newest) < limit and len(window) == WALKED:
                matching = entries.filter(_vector_=search_query)
                older = matching.annotate(_story_=Cast("object_id", IntegerField())).values("_story_")
                found = list(newest_first.filter(pk__lt=window[-1], pk__in=older)[: limit - len(newest)])
                ranks.update(ranked(found, checked=True))
                newest += found
            return [(pk, ranks.get(str(pk), 0.0)) for pk in newest]

    class IndicPostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = IndicPostgresSearchQueryCompiler
        index_class = _folding_index(PostgresIndex, ObjectIndexer)

        def search_ids(self, query, queryset, *, limit, offset=0, operator="and"):
            """Primary keys of the best matches, best first (`offset` to
            `offset + limit`), in one query and without loading the objects."""
            if not query:
                return []
            compiler = self.query_compiler_class(queryset, query, operator=operator)
            ranked = compiler.search(self.config, offset, offset + limit, backend=self)
            return list(ranked.values_list("pk", flat=True))

        def newest_ids(self, query, queryset, *, limit, operator="and"):
            """Primary keys of at most `limit` matches in `queryset`, best
            first (upstream's order: rank, then the newest), chosen among the
            newest (highest primary keys)."""
            if not query:
                return []
            compiler = self.query_compiler_class(queryset, query, operator=operator)
            rows = compiler.newest_matches(self.config, limit)
            return [pk for pk, _rank in sorted(rows, key=lambda row: (-row[1], -row[0]))]

        def match_ids(self, query, queryset, *, operator="and"):
            """Every matching primary key of `queryset`, as a subquery: exact
            counts and facets, however many stories match."""
            if not query:
                return queryset.none().values("pk")
            compiler = self.query_compiler_class(queryset, query, operator=operator)
            return compiler.search(self.config, None, None, backend=self).order_by().values("pk")

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
