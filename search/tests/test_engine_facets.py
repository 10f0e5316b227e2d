"""Totals and facets on Elasticsearch/OpenSearch come from the engine.

No cluster runs here: the mapping and request bodies are checked as data,
and the whole search page runs against a local HTTP server that answers
OpenSearch's documented `_search` protocol (it records what it is sent and
answers with hits, `hits.total` and `aggregations` in the documented shape).
test_search_cluster.py runs the same flows on a real cluster.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import TestCase, override_settings

from languages.formatting import IST
from search.conf import search_backends
from search.engine import FACET_FIELDS, EngineSearch, read_counts
from search.selectors import StoryFilters
from stories.models import SuccessStoryPage
from tests.factories import DistrictFactory, StateFactory

from .builders import story

pytest.importorskip("opensearchpy", reason="pip install '.[opensearch]' to test the OpenSearch backend")

from search.backends.opensearch3 import IndicOpenSearch3SearchBackend  # noqa: E402

COLUMN = "stories_successstorypage__{}_filter"  # the mapping prefixes fields of a Page subclass
STATE_KEY = "0b7c5a3e-2f52-4f7f-9d43-7f3c1d7c9a11"


def backend():
    return IndicOpenSearch3SearchBackend({"URLS": ["http://127.0.0.1:9"], "INDEX_PREFIX": "odop_"})


class EngineRequestTests(TestCase):
    def test_mapping_indexes_facet_keys_as_keywords_year_as_integer_and_the_embargo(self):
        properties = backend().mapping_class(SuccessStoryPage).get_mapping()["properties"]
        for name in ("state_keys", "district_keys", "sector_key", "product_keys"):
            self.assertEqual(properties[COLUMN.format(name)]["type"], "keyword", name)
        self.assertEqual(properties[COLUMN.format("posted_year")]["type"], "integer")
        self.assertEqual(properties[COLUMN.format("embargo_until")]["type"], "date")

    def test_one_request_counts_every_hit_and_aggregates_every_facet_with_selections_as_filters(self):
        search = EngineSearch(
            backend(), "कारीगर", locale=None, filters=StoryFilters(state=STATE_KEY, year=2024)
        )
        body = search.count_body()
        self.assertIs(body["track_total_hits"], True)
        self.assertEqual(
            {name: agg["terms"]["field"] for name, agg in body["aggregations"].items()},
            {name: COLUMN.format(field) for name, field in FACET_FIELDS.items()},
        )
        self.assertEqual(
            body["query"]["bool"]["filter"],
            [
                {"term": {COLUMN.format("state_keys"): STATE_KEY}},
                {"term": {COLUMN.format("posted_year"): 2024}},
            ],
        )
        text = json.dumps(body["query"]["bool"]["must"], ensure_ascii=False, default=str)
        self.assertIn("कारीगर", text)
        self.assertIn(
            COLUMN.format("embargo_until"), text
        )  # embargoed stories are neither counted nor listed

    def test_counts_are_read_from_the_documented_response_shape(self):
        counted = read_counts(
            {
                "hits": {"total": {"value": 4321, "relation": "eq"}, "hits": []},
                "aggregations": {
                    "state": {"buckets": [{"key": STATE_KEY, "doc_count": 4000}]},
                    "year": {"buckets": [{"key": 2024, "doc_count": 4321}]},
                },
            }
        )
        self.assertEqual(counted.total, 4321)
        self.assertEqual(counted.facets["state"], [(STATE_KEY, 4000)])
        self.assertEqual(counted.facets["year"], [(2024, 4321)])
        self.assertEqual(counted.facets["district"], [])

    def test_indexed_facet_values_are_translation_keys_and_the_ist_year(self):
        state = StateFactory(name="Uttar Pradesh")
        district = DistrictFactory(name="Varanasi", state=state)
        page = story("hi", title="कहानी", posted_at=dt.datetime(2024, 12, 31, 23, 0, tzinfo=IST))
        page.districts.set([district])
        page.save()
        indexed = SuccessStoryPage.get_indexed_objects().get(pk=page.pk)
        self.assertEqual(indexed.state_keys(), [str(state.translation_key)])
        self.assertEqual(indexed.district_keys(), [str(district.translation_key)])
        self.assertEqual(indexed.posted_year(), 2024)  # 17:30 UTC on the 31st is still 2024 in IST


class FakeOpenSearch(BaseHTTPRequestHandler):
    """Answers `POST /<index>/_search` as OpenSearch documents it."""

    requests: list[tuple[str, dict]] = []
    hits: list[int] = []
    total = 0

    def do_POST(self):  # noqa: N802 - http.server's name
        length = int(self.headers.get("Content-Length") or 0)
        body = json.loads(self.rfile.read(length) or b"{}")
        self.requests.append((self.path, body))
        if "aggregations" in body:
            answer = {
                "hits": {"total": {"value": self.total, "relation": "eq"}, "hits": []},
                "aggregations": {
                    name: {"buckets": [{"key": 2024, "doc_count": self.total}] if name == "year" else []}
                    for name in FACET_FIELDS
                },
            }
        else:
            answer = {
                "hits": {
                    "total": {"value": self.total, "relation": "eq"},
                    "hits": [{"_score": 1.0, "fields": {"pk": [str(pk)]}} for pk in self.hits],
                }
            }
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class EngineSearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.stories = [story("hi", title=f"कारीगर {n}", summary="कारीगरों की कहानी") for n in range(3)]

    def setUp(self):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), FakeOpenSearch)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.addCleanup(self.server.server_close)
        self.addCleanup(self.server.shutdown)
        FakeOpenSearch.requests = []
        url = f"http://127.0.0.1:{self.server.server_address[1]}"
        settings = override_settings(
            WAGTAILSEARCH_BACKENDS=search_backends(
                urls=url, engine="opensearch", index_prefix="odop_", timeout=5
            )
        )
        settings.enable()
        self.addCleanup(settings.disable)

    def test_total_is_the_engines_count_past_any_hit_cap_and_the_page_is_read_from_the_engine(self):
        FakeOpenSearch.total = 25_000
        FakeOpenSearch.hits = [page.pk for page in self.stories]
        response = self.client.get("/hi/search/", {"q": "कारीगर", "page": "3"})
        self.assertEqual(response.status_code, 200)
        outcome = response.context["search"]
        self.assertEqual(outcome.total, 25_000)
        self.assertEqual(outcome.num_pages, 2_500)
        self.assertEqual([o.count for o in {f.name: f for f in outcome.facets}["year"].options], [25_000])
        self.assertEqual([r.title for r in outcome.results], [page.title for page in self.stories])
        [(count_path, count_body), (page_path, page_body)] = FakeOpenSearch.requests
        self.assertTrue(count_path.startswith("/odop_wagtailcore_page/_search"), count_path)
        self.assertIn("size=0", count_path)
        self.assertIn("from=20", page_path)  # page 3 of 10 a page, from the engine, not a local slice
        self.assertIn("size=10", page_path)
        self.assertNotIn("aggregations", page_body)

    def test_romanized_query_sends_each_term_with_its_keys_as_one_group(self):
        FakeOpenSearch.total = 1
        FakeOpenSearch.hits = [self.stories[0].pk]
        response = self.client.get("/hi/search/", {"q": "kesar ज़री"})
        self.assertEqual(response.status_code, 200)
        (_path, count_body), _page = FakeOpenSearch.requests
        text = json.dumps(count_body, ensure_ascii=False)
        self.assertIn('"query": "kesar qxkesr qtkecr"', text)  # any alternative of the term
        self.assertIn('"query": "जरी"', text)  # folded as the index is: precomposed ज़, nukta dropped
        self.assertNotIn("\u095b", text)


class EngineDocumentTests(TestCase):
    def test_document_text_is_folded_with_romanized_keys_as_the_database_indexes_it(self):
        page = story("hi", title="बनारसी \u095bरी", summary="वज़ीर-ए-आज़म और चिकन\u200cकारी")
        document = backend().mapping_class(SuccessStoryPage).get_document(page)
        summary = document["stories_successstorypage__summary"]
        self.assertEqual(summary, "वजीर-ए-आजम और चिकनकारी qxvjir qxe qxjm qxor qxciknkri")
        self.assertTrue(document["title"].startswith("बनारसी जरी qxbnrsi qxjri"), document["title"])
        self.assertEqual(document["_edgengrams"], [document["title"]])  # the autocomplete field
        self.assertEqual(document["locale_id_filter"], page.locale_id)  # filters untouched
