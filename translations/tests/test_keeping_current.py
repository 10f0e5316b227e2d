"""Review, republish, notify, sync: the life of a translation."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, TaskState, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from tests.translation import fill_strings, translation_into
from translations.selectors import Status, source_stories, status_matrix, translation_freshness
from translations.services.review import publish_blocked_reason
from translations.views.report import report_locales

pytestmark = pytest.mark.django_db


def _translate_all(translation, user, *, machine=False, prefix="அ"):
    """Every segment translated (the slug kept readable) by `user` or by a machine."""
    code = translation.target_locale.language_code
    fill_strings(
        translation,
        lambda text, path: f"{text}-{code}" if path == "slug" else f"{prefix} {text}",
        user=user,
        machine=machine,
    )


def _cell(story, code):
    stories = list(
        source_stories()
        .filter(pk=story.pk)
        .values("id", "title", "translation_key", "locale_id", "last_published_at")
    )
    row = status_matrix(stories, locales=report_locales(code))[0]
    return row.cells[0]


def test_translation_goes_through_language_review_before_it_is_live(world, client):
    translator, reviewer = world.users[("translator", "hi")], world.users[("reviewer", "hi")]
    translation = translation_into(world.story, "hi")
    _translate_all(translation, translator, prefix="हिंदी")
    page = Page.objects.get(translation_key=world.story.translation_key, locale__language_code="hi")
    assert _cell(world.story, "hi").status == Status.IN_PROGRESS
    assert _cell(world.story, "hi").percent == 100

    client.force_login(translator)
    assert client.post(reverse("odop_translations:submit_for_review", args=[page.pk])).status_code == 302
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow.name == "Language review (hi)"
    assert _cell(world.story, "hi").status == Status.AWAITING_REVIEW

    # A Tamil reviewer cannot approve; the Hindi reviewer can.
    task_state = TaskState.objects.get(workflow_state=state, status=TaskState.STATUS_IN_PROGRESS)
    approve = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    client.force_login(world.users[("reviewer", "ta")])
    assert client.post(approve, {"comment": ""}).status_code == 403
    client.force_login(reviewer)
    response = client.post(approve, {"comment": "शुद्ध"})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert page.title.startswith("हिंदी")
    assert _cell(world.story, "hi").status == Status.CURRENT


def test_machine_translation_cannot_be_published_without_a_reviewer(
    world, client, django_capture_on_commit_callbacks
):
    translation = translation_into(world.story, "ta")
    _translate_all(translation, None, machine=True)
    assert publish_blocked_reason(translation=translation, user=world.admin)
    assert publish_blocked_reason(translation=translation, user=world.users[("reviewer", "ta")]) is None
    page = Page.objects.get(translation_key=world.story.translation_key, locale__language_code="ta")
    client.force_login(world.admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    page.refresh_from_db()
    assert not page.live, "the superuser's publish was refused: machine segments need a Tamil reviewer"
    client.force_login(world.users[("reviewer", "ta")])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    page.refresh_from_db()
    assert page.live


def test_republishing_the_source_marks_translations_outdated_and_tells_translators(
    world, django_capture_on_commit_callbacks
):
    translation = translation_into(world.story, "ur")
    _translate_all(translation, None, prefix="اردو")
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert _cell(world.story, "ur").status == Status.CURRENT
    mail.outbox.clear()

    story = Page.objects.get(pk=world.story.pk).specific
    story.summary = "ODOP weavers now export Banarasi Saree."
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()

    assert _cell(world.story, "ur").status == Status.OUTDATED
    ur_page = Page.objects.get(translation_key=story.translation_key, locale__language_code="ur")
    assert translation_freshness(ur_page).outdated
    recipients = {address for message in mail.outbox for address in message.to}
    assert {
        "translator-hi@example.org",
        "translator-ta@example.org",
        "translator-ur@example.org",
    } <= recipients
    assert not any("reviewer" in address for address in recipients)
    assert any("outdated" in message.subject for message in mail.outbox)


def test_sync_keeps_unchanged_segments_and_leaves_changed_ones_untranslated(
    world, django_capture_on_commit_callbacks
):
    story = Page.objects.get(pk=world.story.pk).specific
    translation = translation_into(story, "ta")
    _translate_all(translation, None, prefix="தமிழ்")
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    old_title = story.title

    story.summary = "A brand new summary for exporters."
    story.save_revision().publish()
    story.refresh_from_db()
    source = TranslationSource.objects.get(pk=translation.source_id)
    assert story.last_published_at > source.last_updated_at  # outdated

    # What wagtail-localize's "Sync translated pages" does:
    source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    ta_page = Page.objects.get(translation_key=story.translation_key, locale__language_code="ta").specific
    assert ta_page.title == f"தமிழ் {old_title}", "unchanged segment keeps its translation"
    assert ta_page.summary == "A brand new summary for exporters.", "changed segment falls back to the source"
    summary_segment = StringSegment.objects.get(source=source, context__path="summary")
    assert not StringTranslation.objects.filter(
        translation_of_id=summary_segment.string_id,
        locale=translation.target_locale,
        context_id=summary_segment.context_id,
    ).exists()
    assert _cell(story, "ta").status == Status.CURRENT
    assert _cell(story, "ta").percent is None


def test_report_counts_missing_segments_as_in_progress(world):
    translation = translation_into(world.story, "hi")
    StringTranslation.objects.filter(locale=translation.target_locale).delete()
    first = StringSegment.objects.filter(source=translation.source).order_by("order").first()
    StringTranslation.objects.create(
        translation_of_id=first.string_id,
        locale=translation.target_locale,
        context_id=first.context_id,
        data="x",
        translation_type="manual",
    )
    total = StringSegment.objects.filter(source=translation.source).count()
    cell = _cell(world.story, "hi")
    assert cell.status == Status.IN_PROGRESS
    assert cell.percent == round(100 / total)


def test_never_requested_language_shows_not_requested(world):
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code="bn")
    assert _cell(world.story, "bn").status == Status.NOT_REQUESTED


def test_source_published_before_submission_is_current(world):
    source = TranslationSource.objects.get(object_id=world.story.translation_key)
    assert Page.objects.get(pk=world.story.pk).last_published_at < source.last_updated_at
    assert source.last_updated_at < timezone.now() + dt.timedelta(seconds=1)


def test_editor_syncs_through_wagtail_localizes_own_view(world, client, django_capture_on_commit_callbacks):
    story = Page.objects.get(pk=world.story.pk).specific
    translation = translation_into(story, "hi")
    _translate_all(translation, None, prefix="हिंदी")
    story.summary = "Synced through the admin."
    story.save_revision().publish()
    source = TranslationSource.objects.get(pk=translation.source_id)
    client.force_login(world.admin)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    hi_page = Page.objects.get(translation_key=story.translation_key, locale__language_code="hi").specific
    assert hi_page.summary == "Synced through the admin."
    assert hi_page.title.startswith("हिंदी")
