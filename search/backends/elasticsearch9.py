"""Elasticsearch 9 with Indic analysis (see ``indic_analysis``).

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.elasticsearch9", ...}}``
"""

from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)

from .indic_analysis import indic_backend

SearchBackend = IndicElasticsearch9SearchBackend = indic_backend(
    mapping=Elasticsearch9Mapping,
    query_compiler=Elasticsearch9SearchQueryCompiler,
    backend=Elasticsearch9SearchBackend,
    name="Elasticsearch9",
)
IndicElasticsearch9Mapping = SearchBackend.mapping_class
IndicElasticsearch9SearchQueryCompiler = SearchBackend.query_compiler_class
