"""A story's life, seen through every door a reader or partner uses.

The page cache and the data cache are on (as in production), so each test
also shows that the caches follow the story. "Time passes" is written as
moving the embargo into the past, which is what the clock does to it."""

from __future__ import annotations

import datetime as dt

import feedparser
import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from core.cache import shared_cache, tag_key
from stories.invalidation import story_tag
from stories.lifecycle import StoryState, story_state
from stories.models import PendingRelease, SuccessStoryPage
from stories.services.embargo import lift_due_embargoes
from syndication import services as syndication
from tests.factories import SectorFactory, StoryIndexPageFactory, SuccessStoryPageFactory, home_page

pytestmark = pytest.mark.django_db(transaction=False)

TITLE = "Zardozi artisans of Bareilly reach Europe"


@pytest.fixture(autouse=True)
def production_caches(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    settings.PUBLIC_DATA_CACHE_SECONDS = 300
    settings.SYNDICATION_RATE_LIMIT = "10000/minute"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def index():
    return StoryIndexPageFactory()


@pytest.fixture
def partner_key():
    return syndication.create_partner(name="Lifecycle Daily", languages=["en"]).plaintext


def committed():
    """Run the on-commit work (cache invalidation, signals) as the end of a
    real transaction would; the test database never commits."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def publish(page):
    with committed():
        page.save_revision().publish()
    return SuccessStoryPage.objects.get(pk=page.pk)


def doors(client, story, key) -> dict[str, bool]:
    """Whether the story shows through each door, for an anonymous reader
    (and a partner without embargo rights for the API)."""
    found = {}
    found["story page"] = client.get(story.url).status_code == 200
    found["index"] = TITLE in client.get(story.get_parent().url).content.decode()
    found["home"] = TITLE in client.get(home_page().url).content.decode()
    found["sitemap"] = story.full_url in client.get("/sitemap.xml").content.decode()
    found["search"] = TITLE in client.get("/en/search/", {"q": "Zardozi Bareilly"}).content.decode()
    feed = feedparser.parse(client.get("/en/feeds/stories.atom").content)
    found["feed"] = any(entry.title == TITLE for entry in feed.entries)
    api = client.get("/api/v1/stories/", {"lang": "en"}, HTTP_AUTHORIZATION=f"Bearer {key}").json()
    found["api"] = any(
        item["pubStatus"] == "usable" and item["headlines"][0]["value"] == TITLE for item in api["items"]
    )
    found["pdf"] = client.get(f"{story.url}pdf/release/").status_code not in (404, 410)
    return found


def test_an_embargoed_story_shows_nowhere_until_publish_scheduled_lifts_it(client, index, partner_key):
    story = SuccessStoryPageFactory(
        parent=index, title=TITLE, embargo_until=timezone.now() + dt.timedelta(hours=1), live=False
    )
    story = publish(story)
    assert story_state(story) == StoryState.EMBARGOED
    assert PendingRelease.objects.filter(page=story).exists()
    assert not any(doors(client, story, partner_key).values()), doors(client, story, partner_key)

    # An hour passes: the embargo is in the past, but the cached home page,
    # index and sitemap were made before it ended.
    past = timezone.now() - dt.timedelta(seconds=1)
    SuccessStoryPage.objects.filter(pk=story.pk).update(embargo_until=past)
    PendingRelease.objects.filter(page=story).update(embargo_until=past)
    assert TITLE not in client.get(home_page().url).content.decode()  # still the cached copy

    with committed():
        call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115

    story.refresh_from_db()
    assert story_state(story) == StoryState.LIVE
    seen = doors(client, story, partner_key)
    seen.pop("pdf")  # PDFs are rendered by the worker; the printing tests follow them
    assert all(seen.values()), seen
    assert not PendingRelease.objects.exists()


def test_a_withdrawn_story_is_gone_on_the_next_request(client, index, partner_key):
    story = publish(SuccessStoryPageFactory(parent=index, title=TITLE, live=False))
    shown = doors(client, story, partner_key)
    shown.pop("pdf")
    assert all(shown.values()), shown
    assert client.get(story.url)["X-Cache"] in {"HIT", "MISS"}  # the page is in the page cache

    with committed():
        story.unpublish()

    response = client.get(story.url)
    assert response.status_code == 410
    assert "withdrawn" in response.content.decode().lower()
    assert not any(doors(client, story, partner_key).values())
    assert story_state(SuccessStoryPage.objects.get(pk=story.pk)) == StoryState.WITHDRAWN
    item = client.get(
        f"/api/v1/stories/{story.release_id}/", {"lang": "en"}, HTTP_AUTHORIZATION=f"Bearer {partner_key}"
    )
    assert item.status_code == 200 and item.json()["pubStatus"] == "canceled"


def test_a_correction_reaches_cached_pages(client, index):
    story = publish(SuccessStoryPageFactory(parent=index, title=TITLE, live=False))
    assert TITLE in client.get(home_page().url).content.decode()
    story.title = "Zardozi artisans of Bareilly reach Europe and Japan"
    story = publish(story)
    assert story_state(story) == StoryState.CORRECTED
    assert "reach Europe and Japan" in client.get(home_page().url).content.decode()
    assert "reach Europe and Japan" in client.get(story.url).content.decode()


def test_editing_a_sector_reaches_cached_pages(client, index):
    sector = SectorFactory(name="Handicrafts")
    publish(SuccessStoryPageFactory(parent=index, title=TITLE, sector=sector, live=False))
    assert "Handicrafts" in client.get(index.url).content.decode()
    sector.name = "Handicrafts and zari"
    with committed():
        sector.save()
    assert "Handicrafts and zari" in client.get(index.url).content.decode()


def test_caches_are_forgotten_only_after_the_publish_commits(index, django_capture_on_commit_callbacks):
    story = SuccessStoryPageFactory(parent=index, title=TITLE, live=False)
    key = tag_key(story_tag(story.translation_key))
    before = shared_cache().get(key)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        story.save_revision().publish()
        assert shared_cache().get(key) == before  # readers could still see the rolled-back state otherwise
    for callback in callbacks:
        callback()
    assert shared_cache().get(key) != before


def test_an_embargo_is_released_once_even_if_two_schedulers_run(index):
    story = publish(
        SuccessStoryPageFactory(
            parent=index, title=TITLE, embargo_until=timezone.now() + dt.timedelta(hours=1), live=False
        )
    )
    later = timezone.now() + dt.timedelta(hours=2)
    assert lift_due_embargoes(now=timezone.now()) == []  # not yet
    assert [s.pk for s in lift_due_embargoes(now=later)] == [story.pk]
    assert lift_due_embargoes(now=later) == []


def test_republishing_with_a_new_embargo_moves_the_release(index):
    story = publish(
        SuccessStoryPageFactory(
            parent=index, title=TITLE, embargo_until=timezone.now() + dt.timedelta(hours=1), live=False
        )
    )
    story.embargo_until = timezone.now() + dt.timedelta(days=2)
    publish(story)
    assert lift_due_embargoes(now=timezone.now() + dt.timedelta(hours=2)) == []
    story.embargo_until = None
    publish(story)
    assert not PendingRelease.objects.exists()


def test_publish_scheduled_publishes_a_revision_whose_go_live_time_came(index):
    story = SuccessStoryPageFactory(parent=index, title=TITLE, live=False)
    story.go_live_at = timezone.now() + dt.timedelta(hours=1)
    revision = story.save_revision()
    revision.publish()
    story.refresh_from_db()
    assert story_state(story) == StoryState.SCHEDULED
    past = timezone.now() - dt.timedelta(seconds=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    with committed():
        call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115
    story.refresh_from_db()
    assert story.live and story_state(story) == StoryState.LIVE


def test_run_scheduler_once_runs_publish_scheduled(index):
    story = publish(
        SuccessStoryPageFactory(
            parent=index, title=TITLE, embargo_until=timezone.now() + dt.timedelta(hours=1), live=False
        )
    )
    PendingRelease.objects.filter(page=story).update(embargo_until=timezone.now() - dt.timedelta(seconds=1))
    SuccessStoryPage.objects.filter(pk=story.pk).update(
        embargo_until=timezone.now() - dt.timedelta(seconds=1)
    )
    call_command("run_scheduler", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not PendingRelease.objects.exists()


def test_an_embargo_moved_later_waits_for_its_new_time(index):
    story = publish(
        SuccessStoryPageFactory(
            parent=index, title=TITLE, embargo_until=timezone.now() + dt.timedelta(hours=1), live=False
        )
    )
    later = timezone.now() + dt.timedelta(days=1)
    SuccessStoryPage.objects.filter(pk=story.pk).update(embargo_until=later)
    assert lift_due_embargoes(now=timezone.now() + dt.timedelta(hours=2)) == []
    assert PendingRelease.objects.get(page=story).embargo_until == later
    assert [s.pk for s in lift_due_embargoes(now=later + dt.timedelta(seconds=1))] == [story.pk]
