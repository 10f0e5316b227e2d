"""Elasticsearch 9 with Indic analysis (see ``indic_analysis``).

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.elasticsearch9", ...}}``
"""

from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)

from . import indic_analysis


class IndicElasticsearch9Mapping(Elasticsearch9Mapping):
    edgengram_analyzer_config = indic_analysis.EDGENGRAM_ANALYZER_CONFIG

    def get_mapping(self):
        return indic_analysis.enrich_mapping(super().get_mapping())


class IndicElasticsearch9SearchQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = IndicElasticsearch9Mapping

    def _compile_plaintext_query(self, query, fields, boost=1.0):
        return indic_analysis.plaintext_query(
            query.query_string,
            fields=[field.field_name_with_boost for field in fields],
            operator=query.operator,
            boost=boost,
        )


class IndicElasticsearch9SearchBackend(Elasticsearch9SearchBackend):
    mapping_class = IndicElasticsearch9Mapping
    query_compiler_class = IndicElasticsearch9SearchQueryCompiler
    settings = indic_analysis.index_settings(Elasticsearch9SearchBackend.settings)


SearchBackend = IndicElasticsearch9SearchBackend
