"""The partner feed's stored order keys (FeedPosition) follow every door that
moves a story, and the API lists in the order they give: the order computed
from the stories' own rows, as before the keys were stored."""

import datetime as dt
import io
from importlib import import_module
from types import SimpleNamespace

from django.apps import apps
from django.core import checks
from django.core.management import call_command
from django.db import connection
from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail.models import Page

from stories.models import SuccessStoryPage
from stories.services.embargo import lift_due_embargoes
from syndication.models import FeedPosition
from syndication.selectors import (
    FeedPositionDrift,
    StoryQuery,
    feed_position_drift,
    item_keys,
    story_key_rows,
)
from syndication.tests.content import auth, build_dataset, partner_key, publish_story, translation_of
from tests.translation import translate

LIST = "/api/v1/stories/"


def computed_position(page) -> tuple:
    """(language, published_at, visible_at) as the feed computed them from the
    story's row before they were stored (the old selector's expressions)."""
    page = SuccessStoryPage.objects.select_related("locale").get(pk=page.pk)
    published = page.last_published_at or page.first_published_at or page.posted_at
    visible = max(published, page.embargo_until) if page.embargo_until else published
    return (page.locale.language_code, published, visible)


def stored_position(page) -> tuple | None:
    return (
        FeedPosition.objects.filter(page_id=page.pk)
        .values_list("language", "published_at", "visible_at")
        .first()
    )


def uri(page) -> str:
    return f"tag:pib.gov.in,2024:odop/story/{page.release_id}/{page.locale.language_code}"


@override_settings(SYNDICATION_RATE_LIMIT="10000/minute")
class FeedPositionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.data = build_dataset(stories=2, languages=("hi",))
        cls.key = partner_key("Daily Feed", languages=("en", "hi"))
        cls.embargo_key = partner_key("Early Desk", languages=("en", "hi"), embargo=True)

    def story(self, n: int, **extra):
        return publish_story(
            index=self.data["index"],
            n=n,
            sector=self.data["sector"],
            district=self.data["varanasi"],
            product=self.data["silk"],
            **extra,
        )

    def listed(self, key=None, **params) -> list[str]:
        """Every item's uri, page after page of two."""
        uris, params = [], {"limit": 2, **params}
        while True:
            response = self.client.get(LIST, params, **auth(key or self.key))
            self.assertEqual(response.status_code, 200, response.content)
            body = response.json()
            uris += [item["uri"] for item in body["items"] if item["pubStatus"] == "usable"]
            if not body["cursor"]:
                return uris
            params["cursor"] = body["cursor"]

    def expected_order(self, *, languages=("en", "hi"), embargo_access=False) -> list[str]:
        """The feed order the old selector computed from the story rows."""
        now = timezone.now()
        rows = []
        for page in SuccessStoryPage.objects.live().filter(locale__language_code__in=languages):
            language, published, visible = computed_position(page)
            if embargo_access:
                rows.append((published, page.pk, uri(page)))
            elif page.embargo_until is None or page.embargo_until <= now:
                rows.append((visible, page.pk, uri(page)))
        return [row[2] for row in sorted(rows)]

    def assertPlacedLikeItsRow(self, page):
        self.assertEqual(stored_position(page), computed_position(page))

    # --- what keeps the keys -------------------------------------------------------------

    def test_every_live_story_of_the_dataset_is_placed_by_its_row(self):
        live = SuccessStoryPage.objects.live()
        self.assertEqual(FeedPosition.objects.count(), live.count())
        for page in live:
            self.assertPlacedLikeItsRow(page)
        self.assertEqual(feed_position_drift(), FeedPositionDrift(unplaced=0, stray=0))

    def test_an_embargo_set_then_lifted_by_republishing_moves_the_key_and_the_order(self):
        story = self.story(300)
        page = SuccessStoryPage.objects.get(pk=story.pk)
        until = timezone.now() + dt.timedelta(days=1)
        page.embargo_until = until
        page.save_revision().publish()
        self.assertPlacedLikeItsRow(story)
        self.assertEqual(stored_position(story)[2], until)
        self.assertNotIn(uri(story), self.listed(lang="en"))
        early = self.listed(self.embargo_key, lang="en")
        self.assertEqual(early, self.expected_order(languages=("en",), embargo_access=True))
        self.assertEqual(early[-1], uri(story))  # by its last publish, the newest

        page = SuccessStoryPage.objects.get(pk=story.pk)
        page.embargo_until = None
        page.save_revision().publish()
        self.assertPlacedLikeItsRow(story)
        self.assertEqual(stored_position(story)[1], stored_position(story)[2])
        self.assertEqual(self.listed(lang="en")[-1], uri(story))
        self.assertEqual(self.listed(lang="en"), self.expected_order(languages=("en",)))

    def test_a_lifted_embargo_needs_no_write_its_end_is_the_stored_visible_time(self):
        until = timezone.now() + dt.timedelta(hours=1)
        story = self.story(301, embargo_until=until)
        before = stored_position(story)
        self.assertEqual(before[2], until)
        later = until + dt.timedelta(minutes=5)
        self.assertEqual([released.pk for released in lift_due_embargoes(now=later)], [story.pk])
        self.assertEqual(stored_position(story), before)
        query = StoryQuery(partner_id=0, languages=("en",), now=later)
        keys, _ = item_keys(query, limit=50)
        self.assertEqual((keys[-1].page_id, keys[-1].visible_at), (story.pk, until))
        self.assertNotIn(story.pk, [key.page_id for key in item_keys(StoryQuery(0, ("en",)), limit=50)[0]])

    def test_a_translation_publish_places_the_translation_in_its_language(self):
        story = self.story(302)
        self.assertIsNone(
            FeedPosition.objects.filter(page__translation_key=story.translation_key, language="hi").first()
        )
        hindi = translate(story, "hi")
        self.assertPlacedLikeItsRow(hindi)
        self.assertEqual(stored_position(hindi)[0], "hi")
        self.assertEqual(self.listed(lang="hi")[-1], uri(hindi))
        english_before = stored_position(story)
        hindi.save_revision().publish()  # a correction of the Hindi text only
        self.assertPlacedLikeItsRow(hindi)
        self.assertEqual(stored_position(story), english_before)
        self.assertEqual(self.listed(), self.expected_order())  # both languages, merged

    def test_a_withdrawal_takes_the_story_out_and_a_republish_puts_it_at_the_end(self):
        story = self.data["stories"][0]
        self.assertEqual(
            self.client.get(f"{LIST}{story.release_id}/", {"lang": "en"}, **auth(self.key)).status_code, 200
        )
        SuccessStoryPage.objects.get(pk=story.pk).unpublish()
        self.assertIsNone(stored_position(story))
        self.assertNotIn(uri(story), self.listed(lang="en"))
        canceled = self.client.get(LIST, {"lang": "en"}, **auth(self.key)).json()["items"]
        self.assertIn(uri(story), [item["uri"] for item in canceled if item["pubStatus"] == "canceled"])
        self.assertEqual(feed_position_drift(), FeedPositionDrift(unplaced=0, stray=0))
        SuccessStoryPage.objects.get(pk=story.pk).save_revision().publish()
        self.assertPlacedLikeItsRow(story)
        self.assertEqual(self.listed(lang="en")[-1], uri(story))

    def test_a_story_saved_as_a_plain_page_keeps_its_key(self):
        story = self.data["stories"][1]
        page = Page.objects.get(pk=story.pk)  # not the specific class
        page.live = False
        page.save()
        self.assertIsNone(stored_position(story))
        Page.objects.get(pk=story.pk).specific.save_revision().publish()
        self.assertPlacedLikeItsRow(story)

    def test_scheduled_publishing_places_the_story_when_it_goes_live(self):
        story = SuccessStoryPage.objects.get(pk=self.story(303).pk)
        story.unpublish()
        story.go_live_at = timezone.now() + dt.timedelta(hours=1)
        revision = story.save_revision()
        revision.publish()
        self.assertIsNone(stored_position(story))
        past = timezone.now() - dt.timedelta(seconds=1)
        revision.content["go_live_at"] = past.isoformat()
        revision.approved_go_live_at = past
        revision.save(update_fields=["content", "approved_go_live_at"])
        call_command("publish_scheduled", stdout=io.StringIO())
        self.assertTrue(SuccessStoryPage.objects.get(pk=story.pk).live)
        self.assertPlacedLikeItsRow(story)
        self.assertEqual(self.listed(lang="en")[-1], uri(story))

    def test_a_deleted_story_leaves_no_position(self):
        story = self.story(304)
        SuccessStoryPage.objects.get(pk=story.pk).delete()
        self.assertFalse(FeedPosition.objects.filter(page_id=story.pk).exists())
        self.assertEqual(feed_position_drift(), FeedPositionDrift(unplaced=0, stray=0))

    # --- what mends them -----------------------------------------------------------------

    def feed_warnings(self):
        found = checks.run_checks(tags=[checks.Tags.database], databases=["default"])
        return [message for message in found if message.id == "syndication.W001"]

    def test_a_missing_or_stale_key_is_reported_and_the_rebuild_mends_it(self):
        missing, stale = self.data["stories"]
        self.assertEqual(self.feed_warnings(), [])
        FeedPosition.objects.filter(page_id=missing.pk).delete()
        # A direct UPDATE bypasses every save signal.
        SuccessStoryPage.objects.filter(pk=stale.pk).update(posted_at=timezone.now())
        Page.objects.filter(pk=stale.pk).update(last_published_at=None, first_published_at=None)
        self.assertNotIn(uri(missing), self.listed(lang="en"))
        (warning,) = self.feed_warnings()
        self.assertIn("2 live stories", warning.msg)
        self.assertIn("rebuild_feed_positions", warning.hint)
        call_command("rebuild_feed_positions", stdout=io.StringIO())
        self.assertEqual(self.feed_warnings(), [])
        self.assertPlacedLikeItsRow(missing)
        self.assertPlacedLikeItsRow(stale)
        self.assertEqual(self.listed(lang="en"), self.expected_order(languages=("en",)))

    def test_the_backfill_migration_places_every_live_story(self):
        FeedPosition.objects.all().delete()
        migration = import_module("syndication.migrations.0005_backfill_feed_positions")
        migration.backfill(apps, SimpleNamespace(connection=connection))  # what migrate passes, in short
        self.assertEqual(feed_position_drift(), FeedPositionDrift(unplaced=0, stray=0))
        self.assertEqual(self.listed(), self.expected_order())

    # --- the order itself ----------------------------------------------------------------

    def test_the_order_is_the_one_computed_from_the_rows_for_both_kinds_of_partner(self):
        now = timezone.now()
        self.story(305, embargo_until=now - dt.timedelta(hours=1))  # lifted: placed at the lift, later
        self.story(306, embargo_until=now + dt.timedelta(hours=1))  # still embargoed
        self.story(307, embargo_until=now - dt.timedelta(days=3650))  # ended before its publish
        hindi = translation_of(self.data["stories"][0], "hi")
        hindi.save_revision().publish()
        for languages in (("en",), ("hi",), ("en", "hi")):
            params = {"lang": ",".join(languages)}
            self.assertEqual(self.listed(**params), self.expected_order(languages=languages))
            self.assertEqual(
                self.listed(self.embargo_key, **params),
                self.expected_order(languages=languages, embargo_access=True),
            )


class IndexOrderedPlanTests(TestCase):
    """The list's query reads a language's stories along the feed index, in
    the order asked for, rather than sorting every story of that language.

    SQLite: the plan has no "USE TEMP B-TREE FOR ORDER BY". PostgreSQL: with
    sorting priced out (enable_sort off; on a test-sized table it would
    rightly sort in memory), the plan reads the index and has no Sort node,
    so the index can give the order; without the feed index it would still sort.
    """

    @classmethod
    def setUpTestData(cls):
        cls.data = build_dataset(stories=2, languages=())

    def plan(self, query: StoryQuery, **after) -> str:
        rows = story_key_rows(query, **after)[:51]
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_sort = off")
        return rows.explain()

    def assertIndexOrdered(self, plan: str, index: str):
        self.assertIn(index, plan)
        if connection.vendor == "sqlite":
            self.assertNotIn("TEMP B-TREE", plan)
        elif connection.vendor == "postgresql":
            self.assertNotRegex(plan, r"(?m)^\s*(->\s*)?(Incremental )?Sort\b")
        else:
            self.fail(f"no plan check written for {connection.vendor}")

    def test_each_page_of_the_list_reads_along_the_feed_index(self):
        cursor = {"after": (timezone.now() - dt.timedelta(days=1), 1, ()), "window": dt.timedelta(minutes=5)}
        for embargo_access, index in ((False, "synd_feed_visible"), (True, "synd_feed_published")):
            query = StoryQuery(partner_id=0, languages=("en",), include_embargoed=embargo_access)
            with self.subTest(embargo_access=embargo_access, page="first"):
                self.assertIndexOrdered(self.plan(query), index)
            with self.subTest(embargo_access=embargo_access, page="after a cursor"):
                self.assertIndexOrdered(self.plan(query, **cursor), index)
