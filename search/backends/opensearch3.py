"""OpenSearch 3 with Indic analysis (see ``indic_analysis``).

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.opensearch3", ...}}``
"""

from modelsearch.backends.opensearch3 import (
    OpenSearch3Mapping,
    OpenSearch3SearchBackend,
    OpenSearch3SearchQueryCompiler,
)

from .indic_analysis import indic_backend

SearchBackend = IndicOpenSearch3SearchBackend = indic_backend(
    mapping=OpenSearch3Mapping,
    query_compiler=OpenSearch3SearchQueryCompiler,
    backend=OpenSearch3SearchBackend,
    name="OpenSearch3",
)
IndicOpenSearch3Mapping = SearchBackend.mapping_class
IndicOpenSearch3SearchQueryCompiler = SearchBackend.query_compiler_class
