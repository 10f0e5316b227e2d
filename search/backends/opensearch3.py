"""OpenSearch 3 with Indic analysis (see ``indic_analysis``).

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.opensearch3", ...}}``
"""

from modelsearch.backends.opensearch3 import (
    OpenSearch3Mapping,
    OpenSearch3SearchBackend,
    OpenSearch3SearchQueryCompiler,
)

from . import indic_analysis


class IndicOpenSearch3Mapping(OpenSearch3Mapping):
    edgengram_analyzer_config = indic_analysis.EDGENGRAM_ANALYZER_CONFIG

    def get_mapping(self):
        return indic_analysis.enrich_mapping(super().get_mapping())


class IndicOpenSearch3SearchQueryCompiler(OpenSearch3SearchQueryCompiler):
    mapping_class = IndicOpenSearch3Mapping

    def _compile_plaintext_query(self, query, fields, boost=1.0):
        return indic_analysis.plaintext_query(
            query.query_string,
            fields=[field.field_name_with_boost for field in fields],
            operator=query.operator,
            boost=boost,
        )


class IndicOpenSearch3SearchBackend(OpenSearch3SearchBackend):
    mapping_class = IndicOpenSearch3Mapping
    query_compiler_class = IndicOpenSearch3SearchQueryCompiler
    settings = indic_analysis.index_settings(OpenSearch3SearchBackend.settings)


SearchBackend = IndicOpenSearch3SearchBackend
