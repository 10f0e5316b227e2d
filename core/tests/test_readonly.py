"""A read-only database degrades the site to read-only service: pages, feeds,
search and the visitor counter read on; a write is a 503 "read-only
maintenance" page in the reader's language (core/readonly.py)."""

from django.contrib.auth import get_user_model
from django.test import TestCase

from core.readonly import is_read_only_error
from tests.factories import SuccessStoryPageFactory
from tests.readonly import read_only_database
from visitors.models import PageViewCount

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


class ReadOnlyDatabaseTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.story = SuccessStoryPageFactory(title="Weavers of Varanasi", summary="Looms and markets")
        cls.editor = get_user_model().objects.create_superuser("ro-editor", "ro@example.com", "pw")

    def test_public_pages_feed_and_search_are_served(self):
        with read_only_database():
            for url in (self.story.url, "/en/", "/en/feeds/stories.atom", "/en/search/?q=Weavers"):
                response = self.client.get(url, HTTP_USER_AGENT=BROWSER)
                self.assertEqual(response.status_code, 200, url)
            self.assertContains(self.client.get("/en/search/?q=Weavers"), "Weavers of Varanasi")

    def test_the_visitor_counter_shows_the_count_without_counting(self):
        PageViewCount.objects.create(page=self.story, views=41)
        with read_only_database():
            response = self.client.post(f"/visitors/hit/{self.story.pk}/", HTTP_USER_AGENT=BROWSER)
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response.json(), {"views": 41, "display": "41", "counted": False})

    def test_an_admin_write_is_a_503_in_the_readers_language(self):
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get("/admin/").status_code, 200)  # the editor's profile exists
        with read_only_database():
            self.assertEqual(self.client.get(f"/admin/pages/{self.story.pk}/").status_code, 200)  # a read
            response = self.client.post(
                f"/admin/pages/{self.story.pk}/unpublish/", {}, HTTP_ACCEPT_LANGUAGE="hi"
            )
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response["Retry-After"], "300")
        self.assertTemplateUsed(response, "503_read_only.html")
        self.story.refresh_from_db()
        self.assertTrue(self.story.live)

    def test_the_503_page_speaks_urdu_right_to_left(self):
        self.client.force_login(self.editor)
        with read_only_database():
            response = self.client.post(
                f"/admin/pages/{self.story.pk}/unpublish/", {}, HTTP_ACCEPT_LANGUAGE="ur"
            )
        self.assertEqual(response.status_code, 503)
        html = response.content.decode()
        self.assertIn('dir="rtl"', html)
        self.assertIn("صرف پڑھنے کی دیکھ بھال", html)

    def test_only_read_only_errors_are_recognised(self):
        from django.db import DatabaseError, IntegrityError

        self.assertFalse(is_read_only_error(IntegrityError("UNIQUE constraint failed")))
        self.assertFalse(is_read_only_error(ValueError("read-only transaction")))
        self.assertTrue(is_read_only_error(DatabaseError("attempt to write a readonly database")))
