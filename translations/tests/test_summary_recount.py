"""The report's totals when counting them is slow: the last totals, marked,
while the worker counts them again (summary_cache)."""

import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from taxonomy.models import Sector
from translations import summary_cache
from translations.selectors import ReportQuery, report_locales
from translations.services.roles import enabled_codes

from .conftest import build_story

pytestmark = pytest.mark.django_db

URL = "/admin/translations/status/"


@pytest.fixture(autouse=True)
def _own_entries(monkeypatch):
    """Entries of this test only: the shared cache outlives a test's rows."""
    monkeypatch.setattr(summary_cache, "ENTRY_PREFIX", f"translations:summary:{uuid.uuid4().hex}:")


@pytest.fixture
def slow_counts(monkeypatch):
    """Every count counts as slow, as at 20,000 stories x 23 languages."""
    monkeypatch.setattr(summary_cache, "INLINE_COUNT_MS", -1.0)


def _totals(response):
    return response.context["paginator"].count, response.context["totals_counted_at"]


def test_after_a_change_the_last_totals_are_shown_marked_and_the_worker_counts_again(
    world, client, slow_counts, django_capture_on_commit_callbacks
):
    client.force_login(world.admin)
    first = client.get(URL)
    assert _totals(first) == (1, None), "never counted: counted in the request"
    food = Sector.objects.create(name="Food processing", slug="food")
    build_story(title="Pickles of Kutch", slug="pickles", sector=food)  # forgets the totals
    with django_capture_on_commit_callbacks() as asked:
        stale = client.get(URL)
    total, counted_at = _totals(stale)
    assert total == 1 and counted_at is not None
    assert len(stale.context["object_list"]) == 2, "the rows are read afresh"
    assert "counting again" in stale.content.decode()
    with django_capture_on_commit_callbacks() as asked_again:
        client.get(URL)
    assert len(asked) == 1 and not asked_again, "one recount at a time per entry"
    asked[0]()  # the worker runs the recount (the immediate backend in tests)
    fresh = client.get(URL)
    assert _totals(fresh) == (2, None)
    assert "counting again" not in fresh.content.decode()


def test_a_quick_count_is_redone_in_the_request(world, client):
    client.force_login(world.admin)
    assert _totals(client.get(URL)) == (1, None)
    build_story(title="Pickles of Kutch", slug="pickles", sector=Sector.objects.create(name="Food", slug="f"))
    assert _totals(client.get(URL)) == (2, None)


def test_a_recount_that_died_is_asked_for_again(
    world, client, slow_counts, django_capture_on_commit_callbacks
):
    client.force_login(world.admin)
    client.get(URL)
    summary_cache.forget()
    with django_capture_on_commit_callbacks() as asked:
        client.get(URL)
    assert len(asked) == 1
    # The worker was killed before the recount ran: its lock runs out.
    locales = report_locales(codes=enabled_codes())
    key = summary_cache.entry_key(ReportQuery(), [locale.pk for locale in locales])
    summary_cache.shared_cache().delete(key + ":recount")
    with django_capture_on_commit_callbacks() as asked_again:
        client.get(URL)
    assert len(asked_again) == 1


def test_the_recount_stores_what_the_report_reads_for_a_translator(
    world, client, slow_counts, django_capture_on_commit_callbacks
):
    translator = world.users[("translator", "ta")]
    client.force_login(translator)
    before = client.get(reverse("odop_translations:status_report"))
    summary_cache.forget()
    with django_capture_on_commit_callbacks(execute=True) as asked:
        stale = client.get(URL)
    assert len(asked) == 1 and _totals(stale)[1] is not None
    after = client.get(URL)
    assert _totals(after) == (_totals(before)[0], None), "the worker's count is the translator's entry"


def test_the_mark_is_in_the_readers_language_and_time(
    world, client, slow_counts, django_capture_on_commit_callbacks
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(world.admin)
    profile.preferred_language = "ur"
    profile.save()
    client.force_login(world.admin)
    client.get(URL)
    summary_cache.forget()
    with django_capture_on_commit_callbacks():
        stale = client.get(URL)
    counted_at = timezone.localtime(stale.context["totals_counted_at"])  # India Standard Time
    assert f"{counted_at:%H:%M:%S} بجے کی گنتی کے مطابق؛ دوبارہ گنتی جاری ہے" in stale.content.decode()


def test_with_a_per_process_cache_and_a_separate_worker_the_request_counts(
    world, client, slow_counts, settings, django_capture_on_commit_callbacks
):
    """The worker's count would land in its own memory, never in this
    process's: development's local-memory cache with `db_worker` beside it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"}
    }
    client.force_login(world.admin)
    assert _totals(client.get(URL)) == (1, None)
    build_story(title="Pickles of Kutch", slug="pickles", sector=Sector.objects.create(name="Food", slug="f"))
    with django_capture_on_commit_callbacks() as asked:
        response = client.get(URL)
    assert _totals(response) == (2, None) and not asked
