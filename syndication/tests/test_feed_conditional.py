"""The Atom feed's conditional GET tells a reader when the feed changed:
its ETag follows what the entries are made of (a PDF that finishes after the
publish included), its Last-Modified moves when a story leaves, and its
cost does not grow with the number of stories."""

from __future__ import annotations

import datetime as dt

import feedparser
from django.core.files.base import ContentFile
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from printing.models import StoryPdf
from stories.models import SuccessStoryPage
from syndication.tests.content import build_dataset, publish_story

FEED = "/en/feeds/stories.atom"


class FeedConditionalTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.data = build_dataset(stories=2, languages=())

    def story(self):
        return (
            SuccessStoryPage.objects.live().filter(locale__language_code="en").order_by("-posted_at").first()
        )

    def test_a_pdf_ready_after_the_publish_changes_the_etag_and_is_enclosed(self):
        first = self.client.get(FEED)
        self.assertEqual(self.client.get(FEED, HTTP_IF_NONE_MATCH=first["ETag"]).status_code, 304)
        story = self.story()
        row = StoryPdf(
            page=story, revision_id=story.live_revision_id, locale="en", format=StoryPdf.Format.RELEASE
        )
        row.file.save("release.pdf", ContentFile(b"%PDF-1.7\n%stand-in\n"), save=False)
        row.size, row.status = 19, StoryPdf.Status.READY
        row.save()

        again = self.client.get(FEED, HTTP_IF_NONE_MATCH=first["ETag"])
        self.assertEqual(again.status_code, 200)
        entry = next(e for e in feedparser.parse(again.content).entries if e.title == story.title)
        self.assertEqual([e.length for e in entry.enclosures if e.type == "application/pdf"], ["19"])
        self.assertEqual(self.client.get(FEED, HTTP_IF_NONE_MATCH=again["ETag"]).status_code, 304)

    def test_a_withdrawn_story_moves_last_modified_and_the_etag(self):
        # Published an hour ago, so the withdrawal falls in a later second.
        SuccessStoryPage.objects.update(last_published_at=timezone.now() - dt.timedelta(hours=1))
        first = self.client.get(FEED)
        since = first["Last-Modified"]
        self.assertEqual(self.client.get(FEED, HTTP_IF_MODIFIED_SINCE=since).status_code, 304)
        withdrawn = self.story()
        withdrawn.unpublish()

        by_date = self.client.get(FEED, HTTP_IF_MODIFIED_SINCE=since)
        self.assertEqual(by_date.status_code, 200)
        self.assertNotIn(withdrawn.title, [e.title for e in feedparser.parse(by_date.content).entries])
        self.assertEqual(self.client.get(FEED, HTTP_IF_NONE_MATCH=first["ETag"]).status_code, 200)

    def test_queries_do_not_grow_with_the_stories(self):
        def queries(path):
            with CaptureQueriesContext(connection) as captured:
                self.assertIn(self.client.get(path).status_code, (200, 304))
            return len(captured)

        paths = (FEED, f"{FEED}?sector=handloom-textiles")
        for path in paths:  # the first request reads the site's root paths
            queries(path)
        before = {path: queries(path) for path in paths}
        for n in range(10, 16):
            publish_story(
                index=self.data["index"],
                n=n,
                sector=self.data["sector"],
                district=self.data["varanasi"],
                product=self.data["silk"],
            )
        after = {path: queries(path) for path in before}
        self.assertEqual(after, before)
        self.assertEqual(len(feedparser.parse(self.client.get(FEED).content).entries), 9)
