"""A story whose publish commits late, with a timestamp earlier than a cursor
a partner already holds, still reaches that partner on its next page."""

import datetime as dt

from django.test import TestCase, override_settings

from stories.models import SuccessStoryPage
from syndication import cursors, services
from syndication.tests.content import auth, build_dataset, partner_key, publish_story
from syndication.tests.test_api import LIST


@override_settings(SYNDICATION_RATE_LIMIT="10000/minute", SYNDICATION_CURSOR_SAFETY_SECONDS=300)
class LateCommitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.data = build_dataset(stories=3, languages=())
        cls.key = partner_key("Pager", languages=("en",))

    def page(self, cursor=None):
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        response = self.client.get(LIST, params, **auth(self.key))
        self.assertEqual(response.status_code, 200, response.content)
        return response.json()

    def late_story(self, *, n: int, seconds_before: float, cursor_at: dt.datetime):
        story = publish_story(
            index=self.data["index"],
            n=n,
            sector=self.data["sector"],
            district=self.data["varanasi"],
            product=self.data["silk"],
        )
        # As if its transaction stamped the time, then committed after the partner's fetch.
        stamped = cursor_at - dt.timedelta(seconds=seconds_before)
        SuccessStoryPage.objects.filter(pk=story.pk).update(
            last_published_at=stamped, first_published_at=stamped
        )
        # The publish's own save would have stored its feed position with that time.
        services.refresh_feed_positions(page_ids=[story.pk])
        return f"tag:pib.gov.in,2024:odop/story/{story.release_id}/en"

    def cursor_time(self, cursor: str) -> dt.datetime:
        keys = ("lang", "state", "district", "sector", "product", "since", "q")
        return cursors.decode(cursor, fingerprint=cursors.filters_fingerprint(dict.fromkeys(keys))).visible_at

    def test_a_story_committed_late_with_an_earlier_timestamp_is_on_the_next_page(self):
        first = self.page()
        late = self.late_story(n=500, seconds_before=2, cursor_at=self.cursor_time(first["cursor"]))
        served = [item["uri"] for item in first["items"]]
        response = first
        while response["cursor"]:
            response = self.page(response["cursor"])
            served += [item["uri"] for item in response["items"]]
        self.assertIn(late, served)
        self.assertEqual(len(served), len(set(served)), "an item was repeated")
        self.assertEqual(
            len(served), SuccessStoryPage.objects.live().filter(locale__language_code="en").count()
        )

    def test_without_the_safety_window_the_late_story_would_be_skipped(self):
        first = self.page()
        with self.settings(SYNDICATION_CURSOR_SAFETY_SECONDS=0):
            late = self.late_story(n=501, seconds_before=2, cursor_at=self.cursor_time(first["cursor"]))
            served, response = [], first
            while response["cursor"]:
                response = self.page(response["cursor"])
                served += [item["uri"] for item in response["items"]]
        self.assertNotIn(late, served)
