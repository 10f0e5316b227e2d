"""The partner API: cursor pagination, rate limits and the life of a key."""

import datetime as dt
import io

from django.test import TestCase, override_settings
from django.utils import timezone

from stories.models import SuccessStoryPage
from syndication import cursors
from syndication.models import ApiKey
from syndication.tests.content import auth, build_dataset, partner_key, publish_story
from syndication.tests.test_api import LIST


@override_settings(SYNDICATION_RATE_LIMIT="10000/minute")
class CursorPaginationTests(TestCase):
    """English-only stories: nothing to translate, so this class is quick."""

    @classmethod
    def setUpTestData(cls):
        cls.data = build_dataset(stories=5, languages=())
        cls.key = partner_key("Pager", languages=("en",))

    def test_paging_while_stories_are_published_skips_and_repeats_nothing(self):
        seen: list[str] = []
        response = self.client.get(LIST, {"limit": 2}, **auth(self.key)).json()
        published = []
        for n in range(10):
            seen += [item["uri"] for item in response["items"]]
            if n < 3:  # two new stories land between every page fetch
                for m in range(2):
                    published.append(
                        publish_story(
                            index=self.data["index"],
                            n=300 + 10 * n + m,
                            sector=self.data["sector"],
                            district=self.data["varanasi"],
                            product=self.data["silk"],
                        )
                    )
            if not response["next"]:
                break
            self.assertTrue(response["next"].startswith("http://localhost/api/v1/stories/?"))
            response = self.client.get(
                LIST, {"limit": 2, "cursor": response["cursor"]}, **auth(self.key)
            ).json()
        self.assertEqual(len(seen), len(set(seen)), "an item was repeated")
        expected = {
            f"tag:pib.gov.in,2024:odop/story/{page.release_id}/en"
            for page in SuccessStoryPage.objects.live().filter(locale__language_code="en")
        }
        self.assertEqual(set(seen), expected)
        self.assertEqual(len(expected), 6 + len(published))

    def test_cursor_is_signed_and_bound_to_filters(self):
        response = self.client.get(LIST, {"limit": 2}, **auth(self.key)).json()
        keys = ("lang", "state", "district", "sector", "product", "since", "q")
        fingerprint = cursors.filters_fingerprint(dict.fromkeys(keys))
        visible_at, page_id, _ = cursors.decode(response["cursor"], fingerprint=fingerprint)
        self.assertEqual(
            visible_at.isoformat().replace("+00:00", "Z")[:19], response["items"][-1]["versionCreated"][:19]
        )
        with self.assertRaises(cursors.BadCursor):
            cursors.decode(response["cursor"], fingerprint="other")


class RateLimitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.key = partner_key("Busy Paper", languages=("en",))
        cls.other = partner_key("Calm Paper", languages=("en",))

    def test_key_over_its_limit_gets_429_with_retry_after(self):
        from django.core.cache import cache

        cache.clear()
        with self.settings(SYNDICATION_RATE_LIMIT="3/minute"):
            statuses = [self.client.get(LIST, **auth(self.key)).status_code for _ in range(3)]
            self.assertEqual(statuses, [200, 200, 200])
            response = self.client.get(LIST, **auth(self.key))
            self.assertEqual(response.status_code, 429)
            self.assertEqual(response["Content-Type"], "application/problem+json")
            self.assertTrue(1 <= int(response["Retry-After"]) <= 60)
            self.assertEqual(self.client.get(LIST, **auth(self.other)).status_code, 200)


class KeyLifecycleTests(TestCase):
    def test_create_use_revoke_and_expire(self):
        from django.core.management import call_command

        out = io.StringIO()
        call_command(
            "create_partner", "Amar Ujala Test", "--languages", "hi,en", stdout=out, stderr=io.StringIO()
        )
        key = out.getvalue().strip()
        prefix = key.split(".")[0]
        stored = ApiKey.objects.get(prefix=prefix)
        self.assertNotIn(key.split(".")[1], stored.hashed_secret)
        self.assertEqual(self.client.get(LIST, **auth(key)).status_code, 200)
        stored.refresh_from_db()
        self.assertIsNotNone(stored.last_used_at)

        call_command("revoke_key", prefix, stdout=io.StringIO())
        response = self.client.get(LIST, **auth(key))
        self.assertEqual(response.status_code, 401)
        self.assertIn("revoked", response.json()["detail"])

        out = io.StringIO()
        call_command("issue_key", "Amar Ujala Test", "--expires", "1", stdout=out, stderr=io.StringIO())
        second = out.getvalue().strip()
        self.assertEqual(self.client.get(LIST, **auth(second)).status_code, 200)
        ApiKey.objects.filter(prefix=second.split(".")[0]).update(
            expires_at=timezone.now() - dt.timedelta(seconds=1)
        )
        response = self.client.get(LIST, **auth(second))
        self.assertEqual(response.status_code, 401)
        self.assertIn("expired", response.json()["detail"])

    def test_create_partner_refuses_bad_input_and_writes_nothing(self):
        from django.core.management import CommandError, call_command

        with self.assertRaisesMessage(CommandError, "Unknown language code(s): xx"):
            call_command("create_partner", "Bad", "--languages", "hi,xx", stdout=io.StringIO())
        with self.assertRaisesMessage(CommandError, "Unknown state(s): Atlantis"):
            call_command(
                "create_partner", "Bad", "--languages", "hi", "--states", "Atlantis", stdout=io.StringIO()
            )
        self.assertFalse(ApiKey.objects.exists())
