"""Search as Indians type, on the database backends (run on SQLite and on
PostgreSQL): either form of a nukta letter, Urdu with or without harakat and
Arabic letter variants, words with joiners, and Hindi, Bengali and Tamil typed
in Latin letters, in search, highlighting and autocomplete."""

from django.test import TestCase

from search.selectors import StoryFilters
from search.services import autocomplete_stories, search_stories

from .builders import story


def found(code, query):
    page = search_stories(raw_query=query, language_code=code, filters=StoryFilters())
    return {result.title: str(result.snippet) for result in page.results}


class IndianTypingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        story("hi", title="kesar", summary="पम्पोर का केसर और बनारसी \u095bरी के कारीगर")  # ज़ precomposed
        story("hi", title="chikan", summary="लखनऊ की चिकन\u200cकारी और मधुबनी चित्रकला")  # with ZWNJ
        story("hi", title="other", summary="आम के बाग़ और किसान")
        story("ur", title="urdu", summary="وزیرِ اعظم نے کاریگروں کی تعریف کی")
        story("bn", title="jamdani", summary="ঢাকাই জামদানি শাড়ির কারিগর")
        story("ta", title="silk", summary="காஞ்சிபுரம் பட்டு நெசவாளர்கள் மதுரை")
        story("en", title="english", summary="Saffron farmers of Pampore")

    def test_decomposed_and_bare_nukta_queries_find_the_precomposed_text(self):
        for query in ("\u091c\u093cरी", "जरी", "\u095bरी"):
            self.assertIn("kesar", found("hi", query), query)

    def test_word_typed_without_the_joiner_finds_it(self):
        self.assertEqual(set(found("hi", "चिकनकारी")), {"chikan"})

    def test_urdu_without_harakat_or_with_arabic_letters_finds_the_story(self):
        self.assertEqual(set(found("ur", "وزیر")), {"urdu"})
        self.assertEqual(set(found("ur", "كاريگروں")), {"urdu"})  # Arabic kaf and yeh
        self.assertEqual(set(found("ur", "تعرِیف")), {"urdu"})  # a zer the story does not have

    def test_hindi_typed_in_latin_letters_finds_and_marks_the_story(self):
        for query, word in (
            ("kesar", "केसर"),
            ("kesara", "केसर"),
            ("banarasi", "बनारसी"),
            ("banaarasi zari", "बनारसी"),
            ("jari", "\u095bरी"),
        ):
            results = found("hi", query)
            self.assertEqual(set(results), {"kesar"}, query)
            self.assertIn(f"<mark>{word}</mark>", results["kesar"], query)
        self.assertIn("<mark>चिकन\u200cकारी</mark>", found("hi", "chikankari")["chikan"])
        self.assertEqual(set(found("hi", "madhubani")), {"chikan"})

    def test_bengali_and_tamil_typed_in_latin_letters_find_their_stories(self):
        self.assertEqual(set(found("bn", "jamdani")), {"jamdani"})
        self.assertEqual(set(found("ta", "kanchipuram")), {"silk"})
        self.assertEqual(set(found("ta", "madurai")), {"silk"})

    def test_latin_query_finds_no_unrelated_story_and_english_still_works(self):
        self.assertEqual(found("hi", "kisan"), found("hi", "किसान"))
        self.assertEqual(found("hi", "silk"), {})
        self.assertEqual(set(found("en", "saffron")), {"english"})

    def test_autocomplete_in_latin_letters_finds_the_title(self):
        titles = [hit["title"] for hit in autocomplete_stories(raw_query="kes", language_code="hi")]
        self.assertEqual(titles, ["kesar"])
