"""The admin's PIB release import: upload or paste → confirm → draft, and
zips of releases as one background task with a report per file."""

import io
import zipfile
from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, Revision
from wagtail.test.utils import WagtailTestUtils
from wagtail.users.models import UserProfile

from stories.models import ReleaseImportBatch, ReleaseImportFile, SuccessStoryPage
from stories.services.release_batches import create_batch, run_batch
from stories.tasks import import_release_batch
from taxonomy.models import Ministry
from tests.factories import MinistryFactory, StoryIndexPageFactory
from tests.translation import locale, translate

FIXTURES = Path(__file__).parent / "fixtures"
UPLOAD = reverse("stories_release_import:upload")


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def written() -> dict:
    return {"pages": Page.objects.count(), "revisions": Revision.objects.count()}


class ReleaseImportAdminTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = StoryIndexPageFactory()
        english = MinistryFactory(name="Ministry of Commerce & Industry")
        translate(english, "hi", strings=lambda text, path: "वाणिज्य एवं उद्योग मंत्रालय")
        cls.editor = cls.create_superuser("importer")

    def setUp(self):
        self.client.force_login(self.editor)

    def upload(self, **data):
        return self.client.post(UPLOAD, {"locale": "en", **data})

    def test_upload_confirm_creates_a_draft_with_the_release_fields(self):
        upload = SimpleUploadedFile("release.txt", fixture_bytes("english_release.txt"), "text/plain")
        response = self.upload(file=upload)
        self.assertTemplateUsed(response, "stories/admin/release_confirm.html")
        self.assertContains(response, "ODOP Sampark workshop in Varanasi")
        self.assertContains(response, "2024-02-15 12:05 IST")
        self.assertContains(response, "Ministry of Commerce &amp; Industry")
        self.assertFalse(SuccessStoryPage.objects.exists())  # the confirm screen writes nothing

        confirm = response.context["confirm_form"].initial
        response = self.client.post(UPLOAD, {"confirm": "1", **confirm})

        page = SuccessStoryPage.objects.get(release_id=2004512)
        self.assertRedirects(response, reverse("wagtailadmin_pages:edit", args=[page.pk]))
        self.assertFalse(page.live)
        story = page.get_latest_revision_as_object()
        self.assertTrue(story.title.startswith("ODOP Sampark workshop in Varanasi"))
        self.assertEqual(story.ministry.name, "Ministry of Commerce & Industry")
        self.assertEqual(story.issuing_office.name, "PIB Mumbai")
        self.assertEqual(story.footer_initials, "DS/SKS")
        self.assertEqual(len(story.body), 3)
        self.assertEqual(page.get_parent().pk, self.index.pk)
        self.assertEqual(page.get_latest_revision().user, self.editor)

    def test_pasted_release_with_a_banner_shows_the_warning(self):
        text = "Unknown banner\n" + fixture_bytes("hindi_release.txt").decode()
        response = self.upload(text=text, locale="hi")
        self.assertContains(response, "Unknown banner")
        self.assertEqual(response.context["release"].ministry, "वाणिज्य एवं उद्योग मंत्रालय")
        self.assertEqual([note.line for note in response.context["release"].warnings], [1, 3])

    def test_error_file_names_the_line_and_writes_nothing(self):
        before = written()
        upload = SimpleUploadedFile("bad.txt", fixture_bytes("malformed_bad_date.txt"), "text/plain")
        response = self.upload(file=upload, locale="hi")
        self.assertTemplateUsed(response, "stories/admin/release_import.html")
        self.assertContains(response, "Line 11 (")
        self.assertContains(response, "&#x27;30 FEB 2024&#x27; is not a date")
        self.assertContains(response, "Nothing was written.")
        self.assertEqual(written(), before)

    def test_unplaceable_header_at_confirm_is_refused_and_nothing_is_written(self):
        before = written()
        text = "Ministry of Textiles\n" + fixture_bytes("english_release.txt").decode().split("\n", 1)[1]
        response = self.client.post(UPLOAD, {"confirm": "1", "locale": "en", "text": text})
        self.assertContains(response, "Line 1 («Ministry of Textiles»)")
        self.assertContains(response, "is not a known ministry or office")
        self.assertEqual(written(), before)
        self.assertEqual(Ministry.objects.count(), 2)

    def test_neither_file_nor_text_is_refused(self):
        response = self.upload(text="  ")
        self.assertContains(response, "Choose a file or paste the text of a release.")

    def test_editor_without_add_permission_is_refused(self):
        user = self.create_user("reader")
        group = Group.objects.create(name="Admin readers")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        user.groups.add(group)
        self.client.force_login(user)
        self.assertRedirects(self.client.get(UPLOAD), reverse("wagtailadmin_home"))
        text = fixture_bytes("english_release.txt").decode()
        self.client.post(UPLOAD, {"confirm": "1", "locale": "en", "text": text})
        self.assertFalse(SuccessStoryPage.objects.exists())

    def test_editor_with_add_permission_on_stories_may_import(self):
        user = self.create_user("editor")
        group = Group.objects.create(name="Story writers")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        GroupPagePermission.objects.create(group=group, page=self.index, permission_type="add")
        user.groups.add(group)
        self.client.force_login(user)
        self.assertEqual(self.client.get(UPLOAD).status_code, 200)

    def test_zip_imports_every_file_as_a_background_task_with_a_report(self):
        archive = zip_of(
            {
                "a/english.txt": fixture_bytes("english_release.txt"),
                "b/hindi-in-english-locale.txt": fixture_bytes("hindi_release.txt"),
                "bad.txt": fixture_bytes("malformed_no_release_id.txt"),
                "notes.pdf": b"%PDF",
            }
        )
        with self.captureOnCommitCallbacks(execute=True):
            response = self.upload(file=SimpleUploadedFile("releases.zip", archive, "application/zip"))
        batch = ReleaseImportBatch.objects.get()
        self.assertRedirects(response, reverse("stories_release_import:batch", args=[batch.pk]))
        self.assertEqual(batch.status, ReleaseImportBatch.Status.DONE)
        results = dict(batch.files.values_list("name", "status"))
        self.assertEqual(
            results,
            {
                "a/english.txt": "created",
                "b/hindi-in-english-locale.txt": "created",
                "bad.txt": "failed",
                "notes.pdf": "failed",
            },
        )
        self.assertEqual(SuccessStoryPage.objects.filter(live=False).count(), 2)
        report = self.client.get(reverse("stories_release_import:batch", args=[batch.pk]))
        self.assertContains(report, "no &#x27;(Release ID: …)&#x27; line")
        self.assertContains(report, "not a .txt file")
        self.assertContains(report, "Draft created", count=2)

    def test_batch_task_run_directly_records_each_file(self):
        archive = zip_of({"one.txt": fixture_bytes("urdu_release.txt"), "two.txt": b"\xff\xfe"})
        translate(
            Ministry.objects.get(locale__language_code="en"), "ur", strings=lambda t, p: "وزارت تجارت و صنعت"
        )
        batch = create_batch(data=archive, archive_name="ur.zip", locale=locale("ur"), user=self.editor)
        self.assertEqual(run_batch(batch.pk), {"created": 1, "failed": 1})
        failed = batch.files.get(name="two.txt")
        self.assertIn("not UTF-8", failed.message)
        created = batch.files.get(name="one.txt")
        self.assertEqual(
            created.page.specific.get_latest_revision_as_object().ministry.name, "وزارت تجارت و صنعت"
        )
        self.assertEqual(created.text, "")
        # Running it again (a retried task) imports nothing twice.
        self.assertEqual(import_release_batch.call(batch.pk), {"created": 1, "failed": 1})
        self.assertEqual(SuccessStoryPage.objects.count(), 1)

    def test_not_a_zip_nor_text(self):
        response = self.upload(file=SimpleUploadedFile("x.zip", b"PK\x03\x04broken", "application/zip"))
        self.assertContains(response, "Nothing was written.")
        self.assertFalse(ReleaseImportFile.objects.exists())

    def test_hindi_admin_shows_the_screen_in_hindi(self):
        profile = UserProfile.get_for_user(self.editor)
        profile.preferred_language = "hi"
        profile.save()
        response = self.client.get(UPLOAD)
        self.assertContains(response, "पीआईबी विज्ञप्ति आयात करें")
        self.assertContains(response, "विज्ञप्ति पढ़ें")
        upload = SimpleUploadedFile("release.txt", fixture_bytes("hindi_release.txt"), "text/plain")
        response = self.client.post(UPLOAD, {"locale": "hi", "file": upload})
        self.assertContains(response, "ड्राफ़्ट कहानी बनाएँ")
        self.assertContains(response, "चेतावनियाँ")
