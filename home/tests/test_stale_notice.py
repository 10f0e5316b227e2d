"""The stale-translation notice: shown in the page's own language when the
source was published after the translation, gone once that language has
translated the change (a sync alone is not enough: translations/NOTES.md)."""

from django.test import TestCase

from home.tests.content import build_site
from stories.models import SuccessStoryPage
from tests.translation import sync, translate

NOTICE_HI = "यह अनुवाद मूल के नवीनतम संस्करण से पुराना है"
NOTICE_UR = "یہ ترجمہ اصل متن کے تازہ ترین نسخے سے پرانا ہے"


class StaleTranslationNoticeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_site(languages=("hi", "ur"), extra_stories=0)

    def get(self, code: str) -> str:
        return self.client.get(self.site["translated"][code]["story"].url).content.decode()

    def publish_source_again(self):
        source = SuccessStoryPage.objects.get(pk=self.site["story"].pk)
        source.summary = "Handloom weavers now also sell abroad."
        source.save_revision().publish()

    def test_fresh_translation_has_no_notice(self):
        self.assertNotIn(NOTICE_HI, self.get("hi"))

    def test_notice_appears_in_page_language_then_goes_after_retranslation(self):
        self.publish_source_again()
        hindi = self.get("hi")
        self.assertIn(NOTICE_HI, hindi)
        self.assertIn('<a href="/en/stories/banarasi-silk/" hreflang="en">मूल पढ़ें', hindi)
        self.assertIn(NOTICE_UR, self.get("ur"))
        # The English source itself never carries the notice.
        self.assertNotIn("stale-notice", self.client.get(self.site["story"].url).content.decode())

        source = SuccessStoryPage.objects.get(pk=self.site["story"].pk)
        sync(source)  # synced, but the changed summary still shows in English
        self.assertIn(NOTICE_HI, self.get("hi"))
        translate(source, "hi", strings={source.summary: "हथकरघा बुनकर अब विदेश में भी बेचते हैं।"})
        self.assertNotIn(NOTICE_HI, self.get("hi"))
        self.assertIn(NOTICE_UR, self.get("ur"), "Urdu has not translated the change yet")

    def test_the_story_route_answers_the_notice_without_a_query_while_up_to_date(self):
        """translation_freshness reads stories.annotations' values when the
        route loaded the story; outdated, it reads the source page as before."""
        from stories.selectors import story_for_route
        from translations.selectors import translation_freshness

        hindi = self.site["translated"]["hi"]["story"]
        routed = story_for_route(parent=hindi.get_parent(), slug=hindi.slug)
        with self.assertNumQueries(0):
            self.assertFalse(translation_freshness(routed).outdated)
        self.assertFalse(translation_freshness(SuccessStoryPage.objects.get(pk=hindi.pk)).outdated)
        english = self.site["story"]
        routed_source = story_for_route(parent=english.get_parent(), slug=english.slug)
        with self.assertNumQueries(0):
            self.assertIsNone(translation_freshness(routed_source))  # a source page

        self.publish_source_again()
        routed = story_for_route(parent=hindi.get_parent(), slug=hindi.slug)
        with self.assertNumQueries(1):
            freshness = translation_freshness(routed)
        self.assertTrue(freshness.outdated)
        self.assertEqual(freshness.source_page.pk, english.pk)
