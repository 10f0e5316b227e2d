"""Index settings, mapping changes and queries for Indian languages, shared by
the Elasticsearch 9 and OpenSearch 3 backends (both need the ICU plugin:
``analysis-icu``).

- Every text field (``index.analysis.analyzer.default``) is analysed with the
  ICU tokenizer (word boundaries for every Indic script, Urdu included), the
  ICU normalizer (NFKC + case folding), ``decimal_digit`` (० १ ২ ௩ ۴ -> 0 1 2
  3 4) and ``indic_normalization`` (nukta, chandrabindu and similar variants);
  zero-width joiners are removed first.
- ``_all_text`` gets sub-fields: ``.prefix`` (edge n-grams, so a word or its
  start finds its suffixed forms in every language, as the database backend
  does) and one per language with a built-in stemming analyzer (``hindi``,
  ``bengali``, ``english``), where stemming helps.
- A plain-text query is a ``multi_match`` over those fields; a query whose
  terms carry alternatives (``kesar|qxkesr|qtkecr``, romanized keys) is one
  ``multi_match`` per term, any alternative matching, in a ``bool`` ``must``.
- Text is sent in its search form (``search.normalize.index_text``): folded
  as the database backends index it, with the romanized keys of Indic words,
  so that every backend matches the same way whatever the engine's analyzers.
"""

from __future__ import annotations

from copy import deepcopy

from modelsearch.index import AutocompleteField, SearchField

from languages import registry
from search.normalize import index_text

# Language code -> Elasticsearch/OpenSearch built-in analyzer that stems it.
STEMMING_ANALYZERS = {"hi": "hindi", "bn": "bengali", "en": "english"}
PREFIX_MAX_GRAM = 20  # code points; प्रधानमंत्री is 12

INDIC_FILTERS = ["icu_normalizer", "decimal_digit", "indic_normalization"]
# Autocomplete fields: n-grams at index time, the default analyzer at query time.
EDGENGRAM_ANALYZER_CONFIG = {"analyzer": "edgengram_analyzer", "search_analyzer": "default"}

INDIC_ANALYSIS = {
    "char_filter": {
        # ZWNJ/ZWJ change how a word looks, not what it is.
        "zero_width": {"type": "mapping", "mappings": ["\\u200C=>", "\\u200D=>"]},
    },
    "filter": {
        "indic_prefix": {"type": "edge_ngram", "min_gram": 1, "max_gram": PREFIX_MAX_GRAM},
    },
    "analyzer": {
        "default": {
            "type": "custom",
            "char_filter": ["zero_width"],
            "tokenizer": "icu_tokenizer",
            "filter": INDIC_FILTERS,
        },
        "indic_prefix": {
            "type": "custom",
            "char_filter": ["zero_width"],
            "tokenizer": "icu_tokenizer",
            "filter": [*INDIC_FILTERS, "indic_prefix"],
        },
    },
}


def index_settings(base: dict) -> dict:
    """`base` (the upstream backend's settings) with the Indic analysis added."""
    settings = deepcopy(base)
    analysis = settings["settings"].setdefault("analysis", {})
    for section, entries in INDIC_ANALYSIS.items():
        analysis.setdefault(section, {}).update(deepcopy(entries))
    # Wagtail's own n-gram analyzers (autocomplete fields) split on the
    # standard tokenizer; give them the same Indic chain.
    for name, ngram_filter in (("ngram_analyzer", "ngram"), ("edgengram_analyzer", "edgengram")):
        analysis["analyzer"][name] = {
            "type": "custom",
            "char_filter": ["zero_width"],
            "tokenizer": "icu_tokenizer",
            "filter": [*INDIC_FILTERS, ngram_filter],
        }
    settings["settings"]["index"]["max_ngram_diff"] = max(
        settings["settings"]["index"].get("max_ngram_diff", 0), PREFIX_MAX_GRAM
    )
    return settings


def language_subfields() -> dict:
    fields = {"prefix": {"type": "text", "analyzer": "indic_prefix", "search_analyzer": "default"}}
    for code, analyzer in STEMMING_ANALYZERS.items():
        registry.get(code)  # every language named here is one of ours
        fields[code] = {"type": "text", "analyzer": analyzer}
    return fields


def enrich_mapping(mapping: dict) -> dict:
    """Add the prefix and per-language sub-fields to ``_all_text`` and title."""
    properties = mapping["properties"]
    for name in ("_all_text", "title"):
        if name in properties and properties[name].get("type") == "text":
            properties[name]["fields"] = language_subfields()
    return mapping


def query_fields(base_fields: list[str]) -> list[str]:
    """The fields a plain-text query searches: the upstream ones, plus the
    prefix and stemmed sub-fields of the catch-all field (lower weight than an
    exact word)."""
    fields = list(base_fields)
    if any(field.split("^")[0] == "_all_text" for field in fields):
        fields.append("_all_text.prefix^0.5")
        fields += [f"_all_text.{code}^0.8" for code in STEMMING_ANALYZERS]
    return fields


def indexed_value(value):
    """A document value in its search form (text, or a list of texts)."""
    if isinstance(value, str):
        return index_text(value)
    if isinstance(value, list):
        return [indexed_value(item) for item in value]
    return value


def plaintext_query(query_string: str, *, fields: list[str], operator: str, boost: float = 1.0) -> dict:
    if "|" in query_string:
        groups = [
            _multi_match(" ".join(term.split("|")), fields=fields, operator="or")
            for term in query_string.split()
        ]
        query = {"bool": {"must" if operator != "or" else "should": groups}}
        if boost != 1.0:
            query["bool"]["boost"] = boost
        return query
    return _multi_match(query_string, fields=fields, operator=operator, boost=boost)


def _multi_match(query_string: str, *, fields: list[str], operator: str, boost: float = 1.0) -> dict:
    match = {
        "query": query_string,
        "fields": query_fields(fields),
        "type": "best_fields",
        "tie_breaker": 0.3,
    }
    if operator != "or":
        match["operator"] = operator
    if boost != 1.0:
        match["boost"] = boost
    return {"multi_match": match}


def indic_backend(*, mapping, query_compiler, backend, name: str):
    """The engine's search backend with Indic analysis: a mapping with the
    Indic analyzers, and plain-text queries that use them. One recipe for
    Elasticsearch 9 and OpenSearch 3, which differ only in their base classes."""

    class IndicMapping(mapping):
        edgengram_analyzer_config = EDGENGRAM_ANALYZER_CONFIG

        def get_mapping(self):
            return enrich_mapping(super().get_mapping())

        def _get_document_field_data(self, field, obj):
            name, value, edgengrams = super()._get_document_field_data(field, obj)
            if isinstance(field, (SearchField, AutocompleteField)):
                return name, indexed_value(value), [indexed_value(gram) for gram in edgengrams]
            return name, value, edgengrams

    class IndicQueryCompiler(query_compiler):
        mapping_class = IndicMapping

        def _compile_plaintext_query(self, query, fields, boost=1.0):
            return plaintext_query(
                query.query_string,
                fields=[field.field_name_with_boost for field in fields],
                operator=query.operator,
                boost=boost,
            )

    class IndicBackend(backend):
        mapping_class = IndicMapping
        query_compiler_class = IndicQueryCompiler
        settings = index_settings(backend.settings)

    for cls, suffix in (
        (IndicMapping, "Mapping"),
        (IndicQueryCompiler, "SearchQueryCompiler"),
        (IndicBackend, "SearchBackend"),
    ):
        cls.__name__ = cls.__qualname__ = f"Indic{name}{suffix}"
    return IndicBackend
