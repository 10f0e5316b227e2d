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
