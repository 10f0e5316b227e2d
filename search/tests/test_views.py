import datetime as dt
import socket
import sys
from contextlib import ExitStack, contextmanager
from importlib.util import find_spec
from unittest import mock, skipUnless
from unittest.mock import patch

from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

import search.backends as search_backends_package
from languages.formatting import IST
from search.services import max_query_length
from tests.factories import DistrictFactory, ProductFactory, SectorFactory, StateFactory
from tests.translation import translate

from .builders import story


def search_url(code: str) -> str:
    return f"/{code}/search/"


class SearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.state = StateFactory(name="Uttar Pradesh")
        cls.district = DistrictFactory(name="Varanasi", state=cls.state)
        cls.textiles = SectorFactory(name="Handloom and textiles", slug="textiles")
        cls.textiles_hi = translate(cls.textiles, "hi", strings={"Handloom and textiles": "हथकरघा और वस्त्र"})
        cls.food = SectorFactory(name="Food processing", slug="food")
        cls.silk = ProductFactory(name="Banarasi silk", sector=cls.textiles, district=cls.district)
        cls.silk_story = story(
            "hi",
            title="बनारसी रेशम के कारीगर",
            summary="वाराणसी के कारीगरों ने <b>नए</b> बाज़ार पाए",
            sector=cls.textiles_hi,
            posted_at=dt.datetime(2024, 1, 31, 13, 42, tzinfo=IST),
        )
        cls.silk_story.districts.set([cls.district])
        cls.silk_story.products.set([cls.silk])
        cls.silk_story.save_revision().publish()
        for number in range(11):
            story(
                "hi",
                title=f"आम कहानी {number}",
                summary="आम के कारीगरों की कहानी",
                sector=cls.food,
                posted_at=dt.datetime(2023, 5, 1, tzinfo=IST),
            )
        story("hi", title="छिपी कहानी", summary="कारीगरों की छिपी कहानी", live=False)
        story(
            "hi",
            title="प्रतिबंधित कहानी",
            summary="कारीगरों की प्रतिबंधित कहानी",
            embargo_until=timezone.now() + dt.timedelta(days=3),
        )
        private = story("hi", title="निजी कहानी", summary="कारीगरों की निजी कहानी")
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")  # noqa: S106

    def get(self, code="hi", **params):
        return self.client.get(search_url(code), params)

    def test_hindi_search_finds_suffixed_word_and_marks_it(self):
        response = self.get(q="रेशम कारीगर")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("बनारसी रेशम के कारीगर", html)
        self.assertIn("<mark>कारीगरों</mark>", html)

    def test_snippet_escapes_markup_from_the_summary(self):
        html = self.get(q="रेशम").content.decode()
        self.assertIn("&lt;b&gt;नए&lt;/b&gt;", html)
        self.assertNotIn("<b>नए</b>", html)

    def test_drafts_embargoed_and_private_stories_are_not_found(self):
        response = self.get(q="कारीगर")
        self.assertEqual(response.context["search"].total, 12)
        html = response.content.decode()
        for title in ("छिपी कहानी", "प्रतिबंधित कहानी", "निजी कहानी"):
            self.assertNotIn(title, html)

    def test_facets_count_and_narrow_in_the_readers_language(self):
        facets = {facet.name: facet for facet in self.get(q="कारीगर").context["search"].facets}
        sectors = {option.label: option.count for option in facets["sector"].options}
        self.assertEqual(sectors, {"हथकरघा और वस्त्र": 1, "Food processing": 11})
        self.assertEqual({o.label: o.count for o in facets["year"].options}, {"2024": 1, "2023": 11})
        self.assertEqual([o.label for o in facets["state"].options], ["Uttar Pradesh"])
        self.assertEqual([o.label for o in facets["district"].options], ["Varanasi"])
        self.assertEqual([o.label for o in facets["product"].options], ["Banarasi silk"])

        narrowed = self.get(q="कारीगर", district=str(self.district.translation_key))
        self.assertEqual([r.title for r in narrowed.context["search"].results], ["बनारसी रेशम के कारीगर"])
        by_year = self.get(q="कारीगर", year="2023").context["search"]
        self.assertEqual(by_year.total, 11)

    def test_totals_facets_and_pages_are_exact_past_the_id_list_cap(self):
        from search import services

        with mock.patch.object(services, "MAX_HITS", 5):  # id lists (autocomplete) are capped; totals never
            first = self.get(q="कारीगर").context["search"]
            second = self.get(q="कारीगर", page="2").context["search"]
        self.assertEqual(first.total, 12)
        facets = {facet.name: facet for facet in first.facets}
        self.assertEqual(sum(option.count for option in facets["year"].options), 12)
        titles = [r.title for r in first.results + second.results]
        self.assertEqual(len(titles), 12)
        self.assertEqual(len(set(titles)), 12, "pages overlap or repeat a story")

    def test_results_are_paginated(self):
        first = self.get(q="कारीगर").context["search"]
        second = self.get(q="कारीगर", page="2").context["search"]
        self.assertEqual((first.num_pages, len(first.results), len(second.results)), (2, 10, 2))
        self.assertTrue(first.next_url.endswith("page=2"))
        self.assertEqual(self.get(q="कारीगर", page="999").context["search"].page_number, 2)

    def test_awkward_queries_give_a_clear_page(self):
        cases = {
            "": "Type a word to search",
            "!!! ??? *** ()": "no letters or numbers",
            '"NEAR( AND OR * ^-:': "No stories found",  # FTS syntax is only words
            "Привет мир 🙂": "No stories found",
            "ि्": "no letters or numbers",  # stray vowel sign and virama
        }
        for query, expected in cases.items():
            with self.subTest(query=query):
                response = self.get("en", q=query)
                self.assertEqual(response.status_code, 200)
                self.assertIn(expected, response.content.decode())

    def test_very_long_query_is_cut_at_the_documented_limit(self):
        response = self.get(q="कारीगर " * 500)
        self.assertEqual(response.status_code, 200)
        self.assertLessEqual(len(response.context["search"].query.text), max_query_length())
        self.assertTrue(response.context["search"].query.truncated)
        html = response.content.decode()
        self.assertIn("पहले 200 अक्षरों तक छोटा किया गया", html)
        self.assertLess(len(html), 40_000)  # links carry the cut query, not the 3,500 characters sent

    def test_unknown_filter_values_are_ignored(self):
        response = self.get(q="कारीगर", sector="not-a-key", year="abc", page="x")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["search"].total, 12)

    def test_page_speaks_the_readers_language_and_urdu_is_right_to_left(self):
        hindi = self.get(q="रेशम").content.decode()
        self.assertIn('lang="hi"', hindi)
        self.assertIn("सफलता की कहानियाँ खोजें", hindi)
        self.assertIn("“रेशम” के लिए 1 कहानी मिली", hindi)
        urdu = self.get("ur", q="x").content.decode()
        self.assertIn('dir="rtl"', urdu)
        self.assertIn("کامیابی کی کہانیاں تلاش کریں", urdu)

    def test_autocomplete_returns_titles_and_urls_as_json(self):
        response = self.client.get(search_url("hi") + "autocomplete/", {"q": "बनार"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json(), {"results": [{"title": "बनारसी रेशम के कारीगर", "url": self.silk_story.url}]}
        )
        self.assertEqual(
            self.client.get(search_url("hi") + "autocomplete/", {"q": "!!"}).json(), {"results": []}
        )


@contextmanager
def _without_attribute(owner, name: str):
    saved = owner.__dict__.pop(name, None)
    try:
        yield
    finally:
        if saved is not None:
            setattr(owner, name, saved)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when the socket is


@skipUnless(find_spec("elasticsearch"), "the elasticsearch client (requirements-dev.txt) is not installed")
class DegradedSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = story("hi", title="बनारसी रेशम", summary="कारीगरों की कहानी")

    def unreachable_backend(self):
        from search.conf import search_backends

        return override_settings(
            WAGTAILSEARCH_BACKENDS=search_backends(
                urls=f"http://127.0.0.1:{closed_port()}", engine="", index_prefix="odop_", timeout=5
            )
        )

    def test_search_says_unavailable_in_hindi_with_503_and_site_still_works(self):
        with self.unreachable_backend():
            response = self.client.get(search_url("hi"), {"q": "कारीगर"}, HTTP_ACCEPT_LANGUAGE="hi")
            self.assertEqual(response.status_code, 503)
            self.assertTemplateUsed(response, "search/unavailable.html")
            html = response.content.decode()
            self.assertIn('lang="hi"', html)
            self.assertIn("खोज उपलब्ध नहीं है", html)
            self.assertEqual(self.client.get(self.story.url).status_code, 200)
            self.assertEqual(self.client.get("/hi/").status_code, 200)

    def test_a_cluster_client_that_is_not_installed_gives_503_in_urdu_and_a_check_error(self):
        from django.core.checks import run_checks

        names = [name for name in sys.modules if name.split(".")[0] in {"elasticsearch", "elastic_transport"}]
        names += ["search.backends.elasticsearch9", "modelsearch.backends.elasticsearch9"]
        with ExitStack() as stack:
            stack.enter_context(patch.dict(sys.modules, dict.fromkeys(names)))  # import fails
            # ... also when another test imported the module first (it is then an attribute of its package).
            stack.enter_context(_without_attribute(search_backends_package, "elasticsearch9"))
            stack.enter_context(self.unreachable_backend())
            response = self.client.get(search_url("ur"), {"q": "کاریگر"})
            errors = [message.id for message in run_checks()]
        self.assertEqual(response.status_code, 503)
        self.assertTemplateUsed(response, "search/unavailable.html")
        self.assertIn('lang="ur"', response.content.decode())
        self.assertIn("search.E002", errors)
        self.assertNotIn("search.E002", [message.id for message in run_checks()])

    def test_autocomplete_answers_503_json(self):
        with self.unreachable_backend():
            response = self.client.get(search_url("hi") + "autocomplete/", {"q": "कारी"})
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["results"], [])

    def test_empty_query_needs_no_backend(self):
        with self.unreachable_backend():
            self.assertEqual(self.client.get(search_url("hi")).status_code, 200)


class AdminSearchStillWorksTests(TestCase):
    """The admin searches with the same default backend (and its fast path)."""

    def test_editor_finds_a_hindi_story_from_the_admin_search(self):
        from django.contrib.auth import get_user_model

        story("hi", title="बनारसी रेशम के कारीगर", summary="कारीगरों की कहानी")
        admin = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
        self.client.force_login(admin)
        response = self.client.get("/admin/pages/search/", {"q": "कारीगर"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("बनारसी रेशम के कारीगर", response.content.decode())


class OneStoryCannotBreakSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        story("en", title="Longword weavers", summary="Zqxlongword" * 40)

    def test_a_word_longer_than_the_snippet_window_is_still_found_in_every_language_search(self):
        for params in ({"q": "Longword"}, {"q": "Zqxlongword"}, {"q": "Longword", "languages": "all"}):
            response = self.client.get(search_url("en"), params)
            self.assertEqual(response.status_code, 200, params)
            self.assertContains(response, "Zqxlongword", msg_prefix=str(params))
