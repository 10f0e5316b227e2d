"""Elasticsearch 9 and OpenSearch 3: settings, mapping and queries checked as
data (no cluster here; test_search_cluster.py runs against a real one)."""

import pytest
from django.test import SimpleTestCase

from search.conf import SearchConfigError, search_backends
from stories.models import SuccessStoryPage

pytest.importorskip(
    "elasticsearch", reason="pip install '.[elasticsearch]' to test the Elasticsearch backend"
)
pytest.importorskip("opensearchpy", reason="pip install '.[opensearch]' to test the OpenSearch backend")

from search.backends.elasticsearch9 import IndicElasticsearch9SearchBackend  # noqa: E402
from search.backends.opensearch3 import IndicOpenSearch3SearchBackend  # noqa: E402

UNUSED = ["http://127.0.0.1:9"]  # never contacted: the clients connect lazily
BACKENDS = [IndicElasticsearch9SearchBackend, IndicOpenSearch3SearchBackend]


def backend(cls):
    return cls({"URLS": list(UNUSED), "INDEX_PREFIX": "odop_"})


def configured(*, urls: str = "", engine: str = "", index_prefix: str = "odop_") -> dict:
    return search_backends(urls=urls, engine=engine, index_prefix=index_prefix, timeout=5)


class BackendSwitchTests(SimpleTestCase):
    def test_no_url_means_the_embedded_database_backend(self):
        config = configured()["default"]
        self.assertEqual(config["BACKEND"], "search.backends.database")
        self.assertEqual(config["SEARCH_CONFIG"], "simple")

    def test_search_url_picks_elasticsearch_with_prefix(self):
        config = configured(urls="https://u:p@es1:9200, https://es2:9200", index_prefix="stage_")["default"]
        self.assertEqual(config["BACKEND"], "search.backends.elasticsearch9")
        self.assertEqual(config["URLS"], ["https://u:p@es1:9200", "https://es2:9200"])
        self.assertEqual(config["INDEX_PREFIX"], "stage_")
        self.assertEqual(config["TIMEOUT"], 5)

    def test_engine_or_scheme_picks_opensearch(self):
        by_engine = configured(urls="http://os:9200", engine="opensearch")
        by_scheme = configured(urls="opensearchs://os:9200")
        self.assertEqual(by_engine["default"]["BACKEND"], "search.backends.opensearch3")
        self.assertEqual(by_scheme["default"]["BACKEND"], "search.backends.opensearch3")
        self.assertEqual(by_scheme["default"]["URLS"], ["https://os:9200"])

    def test_bad_engine_or_scheme_is_named_in_the_error(self):
        with self.assertRaisesMessage(SearchConfigError, "SEARCH_ENGINE='solr'"):
            configured(urls="http://x:9200", engine="solr")
        with self.assertRaisesMessage(SearchConfigError, "ftp://x"):
            configured(urls="ftp://x")


class IndexSettingsTests(SimpleTestCase):
    def test_default_analyzer_is_icu_with_indic_normalisation_and_digits(self):
        for cls in BACKENDS:
            with self.subTest(backend=cls.__name__):
                analysis = backend(cls).settings["settings"]["analysis"]
                default = analysis["analyzer"]["default"]
                self.assertEqual(default["tokenizer"], "icu_tokenizer")
                self.assertEqual(
                    default["filter"], ["icu_normalizer", "decimal_digit", "indic_normalization"]
                )
                self.assertEqual(default["char_filter"], ["zero_width"])
                self.assertEqual(
                    analysis["char_filter"]["zero_width"]["mappings"], ["\\u200C=>", "\\u200D=>"]
                )

    def test_autocomplete_ngrams_use_the_icu_tokenizer_not_standard(self):
        analyzers = backend(IndicElasticsearch9SearchBackend).settings["settings"]["analysis"]["analyzer"]
        for name in ("edgengram_analyzer", "ngram_analyzer", "indic_prefix"):
            self.assertEqual(analyzers[name]["tokenizer"], "icu_tokenizer")
        self.assertGreaterEqual(
            backend(IndicElasticsearch9SearchBackend).settings["settings"]["index"]["max_ngram_diff"], 19
        )

    def test_index_name_has_the_prefix(self):
        self.assertEqual(
            backend(IndicElasticsearch9SearchBackend).get_index_for_model(SuccessStoryPage).name,
            "odop_wagtailcore_page",
        )


class MappingTests(SimpleTestCase):
    def test_catch_all_text_has_prefix_and_stemmed_language_fields(self):
        for cls in BACKENDS:
            with self.subTest(backend=cls.__name__):
                properties = backend(cls).mapping_class(SuccessStoryPage).get_mapping()["properties"]
                fields = properties["_all_text"]["fields"]
                self.assertEqual(fields["hi"], {"type": "text", "analyzer": "hindi"})
                self.assertEqual(fields["bn"], {"type": "text", "analyzer": "bengali"})
                self.assertEqual(fields["prefix"]["analyzer"], "indic_prefix")
                self.assertEqual(fields["prefix"]["search_analyzer"], "default")
                self.assertIn("hi", properties["title"]["fields"])
                self.assertEqual(properties["_edgengrams"]["search_analyzer"], "default")
                self.assertEqual(properties["locale_id_filter"], {"type": "integer"})
                self.assertEqual(properties["stories_successstorypage__summary"]["copy_to"], "_all_text")


class QueryTests(SimpleTestCase):
    def compile(self, cls, text, locale_id=7):
        queryset = SuccessStoryPage.objects.live().filter(locale_id=locale_id)
        b = backend(cls)
        return b.query_compiler_class(queryset, text, operator="and").get_query()

    def test_plain_text_is_a_multi_match_over_exact_prefix_and_stemmed_fields(self):
        for cls in BACKENDS:
            with self.subTest(backend=cls.__name__):
                query = self.compile(cls, "कारीगर")
                match = query["bool"]["must"]["multi_match"]
                self.assertEqual(match["query"], "कारीगर")
                self.assertEqual(match["operator"], "and")
                self.assertEqual(
                    match["fields"],
                    [
                        "_all_text",
                        "_all_text_boost_2_0^2.0",
                        "_all_text.prefix^0.5",
                        "_all_text.hi^0.8",
                        "_all_text.bn^0.8",
                        "_all_text.en^0.8",
                    ],
                )

    def test_query_filters_to_live_stories_in_one_locale(self):
        filters = self.compile(IndicOpenSearch3SearchBackend, "கைவினைஞர்", locale_id=11)["bool"]["filter"]
        self.assertEqual(filters[0], {"match": {"_django_content_type": "stories.SuccessStoryPage"}})
        self.assertEqual(
            filters[1],
            {"bool": {"must": [{"term": {"live_filter": True}}, {"term": {"locale_id_filter": 11}}]}},
        )
