"""The same tests run on SQLite and PostgreSQL: for each language a whole word,
a prefix (as typed into autocomplete) and a word with a conjunct find the
story, and only stories in the requested language."""

import pytest
from django.test import TestCase

from search.selectors import StoryFilters
from search.services import autocomplete_stories, search_stories

from .builders import story

# language -> (story text, whole word, prefix, word with a conjunct or virama)
CASES = {
    "hi": (
        "वाराणसी के कारीगरों ने प्रधानमंत्री की योजना से नए बाज़ार पाए",
        "कारीगर",
        "कारी",
        "प्रधानमंत्री",
    ),
    "ta": (
        "காஞ்சிபுரம் கைவினைஞர்கள் பட்டுச் சேலைகளை ஏற்றுமதி செய்கின்றனர்",
        "கைவினைஞர்",
        "கைவி",
        "ஏற்றுமதி",
    ),
    "bn": (
        "মুর্শিদাবাদের কারিগরদের রেশম প্রধানমন্ত্রীর প্রশংসা পেয়েছে",
        "কারিগর",
        "কারি",
        "প্রধানমন্ত্রীর",
    ),
    "ur": (
        "بنارس کے کاریگروں نے وزیرِاعظم کی اسکیم سے نئے بازار پائے",
        "کاریگر",
        "کاری",
        "وزیرِاعظم",
    ),
    "en": (
        "Artisans of Varanasi export Banarasi silk through ONDC",
        "artisan",
        "arti",
        "Banarasi",
    ),
}


def found_titles(code, query, **kwargs):
    page = search_stories(raw_query=query, language_code=code, filters=StoryFilters(), **kwargs)
    return {result.title for result in page.results}


class IndicSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        for code, (text, *_queries) in CASES.items():
            story(code, title=f"story-{code}", summary=text)
        # The same Hindi words in a Marathi (also Devanagari) story: a Hindi
        # search must not find it.
        story("mr", title="story-mr", summary=CASES["hi"][0])
        story("hi", title="story-hi-other", summary="आम के बाग़ और किसान")

    def test_whole_word_finds_the_story_with_a_suffixed_form(self):
        for code, (_text, word, _prefix, _conjunct) in CASES.items():
            with self.subTest(code=code):
                self.assertEqual(found_titles(code, word), {f"story-{code}"})

    def test_prefix_as_typed_finds_the_story(self):
        for code, (_text, _word, prefix, _conjunct) in CASES.items():
            with self.subTest(code=code):
                titles = [
                    item["title"] for item in autocomplete_stories(raw_query=prefix, language_code=code)
                ]
                self.assertEqual(titles, [f"story-{code}"])

    def test_word_with_conjunct_or_virama_finds_the_story(self):
        for code, (_text, _word, _prefix, conjunct) in CASES.items():
            with self.subTest(code=code):
                self.assertEqual(found_titles(code, conjunct), {f"story-{code}"})

    def test_fragment_between_combining_marks_finds_nothing(self):
        # With FTS5's default tokenizer "रध" (inside प्रधानमंत्री) was a token.
        self.assertEqual(found_titles("hi", "रध"), set())

    def test_search_stays_in_the_readers_language(self):
        self.assertEqual(found_titles("mr", "कारीगर"), {"story-mr"})
        self.assertEqual(found_titles("ta", "कारीगर"), set())

    def test_all_languages_finds_every_language_and_labels_it(self):
        page = search_stories(
            raw_query="कारीगरों", language_code="en", filters=StoryFilters(), all_languages=True
        )
        self.assertEqual(
            {(r.title, r.language_code) for r in page.results}, {("story-hi", "hi"), ("story-mr", "mr")}
        )
        self.assertEqual({r.language_name for r in page.results}, {"हिन्दी", "मराठी"})


@pytest.mark.django_db
def test_index_update_runs_as_a_background_task(django_capture_on_commit_callbacks):
    from django_tasks.backends.immediate import ImmediateBackend  # noqa: F401
    from modelsearch.signal_handlers import post_save_signal_handler  # noqa: F401

    with django_capture_on_commit_callbacks(execute=True):
        story("hi", title="नई कहानी", summary="बुनकरों की नई कहानी")
    assert found_titles("hi", "बुनकर") == {"नई कहानी"}
