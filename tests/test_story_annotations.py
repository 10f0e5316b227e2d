"""The story route's feature values (stories.annotations) are compiled to SQL
once per vendor; they must give exactly what the ORM's own expressions give,
for every kind of story: a source, an up-to-date and an outdated translation,
a story with views and a ready PDF and one with neither."""

from django.test import TestCase

from home.tests.content import build_site
from printing.models import StoryPdf
from stories.annotations import compiled_story_annotations, story_annotations
from stories.models import SuccessStoryPage
from visitors.models import PageViewCount


class CompiledAnnotationsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site = build_site(languages=("hi", "ur"), extra_stories=1)
        source = SuccessStoryPage.objects.get(pk=site["story"].pk)
        source.summary = "Handloom weavers now also sell abroad."
        source.save_revision().publish()  # every translation is now outdated
        source.refresh_from_db()
        PageViewCount.objects.create(page_id=source.pk, views=41)
        StoryPdf.objects.create(
            page_id=source.pk,
            revision_id=source.live_revision_id,
            locale="en",
            format=StoryPdf.Format.RELEASE,
            file="printing/pdfs/x.pdf",
            size=1234,
            status=StoryPdf.Status.READY,
        )

    def values(self, annotations) -> list[dict]:
        names = list(annotations)
        # "title" joins wagtailcore_page, as the route's query does (the
        # compiled SQL names its columns by table).
        return list(
            SuccessStoryPage.objects.annotate(**annotations).order_by("pk").values("pk", "title", *names)
        )

    def test_compiled_sql_gives_the_orms_values(self):
        expected = self.values(story_annotations())
        self.assertGreaterEqual(len(expected), 4)
        # The fixture exercises every value: not all None.
        for name in ("visitors_views", "printing_ready_release_size", "translations_source_page"):
            self.assertTrue(any(row[name] for row in expected), name)
        outdated = [
            row
            for row in expected
            if row["translations_up_to_date_with"] is not None
            and row["translations_up_to_date_with"] != row["translations_source_revision"]
        ]
        self.assertTrue(outdated, "an outdated translation is in the fixture")
        self.assertEqual(self.values(compiled_story_annotations()), expected)
