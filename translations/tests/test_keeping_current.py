"""Review, republish, notify, sync: the life of a translation, one language at a time."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, Page, TaskState, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from translations.models import LanguageVersion
from translations.selectors import Status, translation_freshness

from .conftest import page_of, status_cell, translate, translation_of

pytestmark = pytest.mark.django_db


def publish_reviewed(world, code, *, prefix, capture):
    """A translator translates, the language's reviewer publishes (wagtail-localize's publish)."""
    translation = translation_of(world.story, code)
    translate(translation, world.users[("translator", code)], prefix=prefix)
    with capture(execute=True):
        translation.save_target(user=world.users[("reviewer", code)], publish=True)
    return translation


def republish_source(world, capture, *, summary):
    story = Page.objects.get(pk=world.story.pk).specific
    story.summary = summary
    with capture(execute=True):
        story.save_revision().publish()
    return story


def test_translation_goes_through_language_review_before_it_is_live(world, client):
    translator, reviewer = world.users[("translator", "hi")], world.users[("reviewer", "hi")]
    translate(translation_of(world.story, "hi"), translator, prefix="हिंदी")
    page = page_of(world.story, "hi")
    assert status_cell(world.story, "hi").status == Status.IN_PROGRESS
    assert status_cell(world.story, "hi").percent == 100

    client.force_login(translator)
    assert client.post(reverse("odop_translations:submit_for_review", args=[page.pk])).status_code == 302
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow.name == "Language review (hi)"
    assert status_cell(world.story, "hi").status == Status.AWAITING_REVIEW

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
    assert status_cell(world.story, "hi").status == Status.CURRENT
    version = LanguageVersion.objects.get(translation=translation_of(world.story, "hi"))
    assert version.reviewed_by == reviewer
    assert version.source_revision_id == Page.objects.get(pk=world.story.pk).live_revision_id


def test_machine_translation_cannot_be_published_without_a_reviewer(
    world, client, django_capture_on_commit_callbacks
):
    translate(translation_of(world.story, "ta"), None, machine=True)
    page = page_of(world.story, "ta")
    client.force_login(world.admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    page.refresh_from_db()
    assert not page.live, "the superuser's publish was refused: machine segments need a Tamil reviewer"
    messages = [str(message) for message in response.wsgi_request._messages]
    assert any("machine-translated" in message for message in messages), messages
    client.force_login(world.users[("reviewer", "ta")])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    page.refresh_from_db()
    assert page.live


def test_republishing_the_source_marks_translations_outdated_and_tells_translators(
    world, django_capture_on_commit_callbacks
):
    publish_reviewed(world, "ur", prefix="اردو", capture=django_capture_on_commit_callbacks)
    assert status_cell(world.story, "ur").status == Status.CURRENT
    assert not translation_freshness(page_of(world.story, "ur")).outdated
    mail.outbox.clear()

    republish_source(
        world, django_capture_on_commit_callbacks, summary="ODOP weavers now export Banarasi Saree."
    )

    assert status_cell(world.story, "ur").status == Status.OUTDATED
    assert translation_freshness(page_of(world.story, "ur")).outdated
    recipients = {address for message in mail.outbox for address in message.to}
    assert {
        "translator-hi@example.org",
        "translator-ta@example.org",
        "translator-ur@example.org",
    } <= recipients
    assert not any("reviewer" in address for address in recipients)
    # The mail is the workspace app's, in each translator's language.
    from workspace.models import Notification

    assert set(Notification.objects.values_list("kind", flat=True)) == {Notification.Kind.OUTDATED}


def test_a_sync_leaves_every_language_outdated_until_it_is_reviewed(
    world, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    publish_reviewed(world, "hi", prefix="हिंदी", capture=capture)
    tamil = publish_reviewed(world, "ta", prefix="தமிழ்", capture=capture)
    republish_source(world, capture, summary="The cluster now ships to Europe.")
    TranslationSource.objects.get(pk=tamil.source_id).update_from_db()  # "Sync translated pages"

    assert status_cell(world.story, "hi").status == Status.OUTDATED, "a sync brings no language up to date"
    assert status_cell(world.story, "ta").status == Status.OUTDATED
    # Tamil is brought up to date and reviewed; Hindi is not.
    publish_reviewed(world, "ta", prefix="தமிழ்", capture=capture)

    assert status_cell(world.story, "ta").status == Status.CURRENT
    assert not translation_freshness(page_of(world.story, "ta")).outdated
    assert status_cell(world.story, "hi").status == Status.OUTDATED
    assert translation_freshness(page_of(world.story, "hi")).outdated, "the Hindi page keeps its notice"


def test_sync_keeps_unchanged_segments_and_a_translation_showing_source_text_is_outdated(
    world, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    translation = publish_reviewed(world, "ta", prefix="தமிழ்", capture=capture)
    old_title = world.story.title
    story = republish_source(world, capture, summary="A brand new summary for exporters.")
    source = TranslationSource.objects.get(pk=translation.source_id)
    source.update_from_db()  # what wagtail-localize's "Sync translated pages" does
    with capture(execute=True):
        translation.save_target(user=world.users[("reviewer", "ta")], publish=True)

    ta_page = page_of(story, "ta")
    assert ta_page.title == f"தமிழ் {old_title}", "unchanged segment keeps its translation"
    assert ta_page.summary == "A brand new summary for exporters.", "changed segment falls back to the source"
    summary_segment = StringSegment.objects.get(source=source, context__path="summary")
    assert not StringTranslation.objects.filter(
        translation_of_id=summary_segment.string_id,
        locale=translation.target_locale,
        context_id=summary_segment.context_id,
    ).exists()
    assert status_cell(story, "ta").status == Status.OUTDATED, "English shows on the Tamil page: not current"
    assert translation_freshness(ta_page).outdated


def test_report_counts_missing_segments_as_in_progress(world):
    translation = translation_of(world.story, "hi")
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
    cell = status_cell(world.story, "hi")
    assert cell.status == Status.IN_PROGRESS
    assert cell.percent == round(100 / total)


def test_never_requested_language_shows_not_requested(world):
    Locale.objects.get_or_create(language_code="bn")
    assert status_cell(world.story, "bn").status == Status.NOT_REQUESTED


def test_draft_extracted_from_an_older_source_is_outdated_until_synced(
    world, django_capture_on_commit_callbacks
):
    republish_source(world, django_capture_on_commit_callbacks, summary="Changed before anyone translated.")
    assert status_cell(world.story, "ur").status == Status.OUTDATED
    TranslationSource.objects.get(object_id=world.story.translation_key).update_from_db()
    assert status_cell(world.story, "ur").status == Status.IN_PROGRESS


def test_editor_syncs_through_wagtail_localizes_own_view_but_cannot_publish_with_it(
    world, client, django_capture_on_commit_callbacks
):
    story = Page.objects.get(pk=world.story.pk).specific
    translate(translation_of(story, "hi"), world.users[("translator", "hi")], prefix="हिंदी")
    story.summary = "Synced through the admin."
    story.save_revision().publish()
    source = TranslationSource.objects.get(object_id=story.translation_key)
    client.force_login(world.editor)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.get(url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    assert not page_of(story, "hi").live, "sync + publish would publish every language unreviewed"
    source.refresh_from_db()
    assert "Synced through the admin." not in source.content_json, "the refused request changed nothing"

    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {}).status_code == 302
    source.refresh_from_db()
    assert "Synced through the admin." in source.content_json


def _backfill():
    import importlib

    from django.apps import apps

    from translations.models import SourceSync

    LanguageVersion.objects.all().delete()
    SourceSync.objects.all().delete()
    importlib.import_module("translations.migrations.0002_review_gates").record_existing_versions(apps, None)
    importlib.import_module("translations.migrations.0003_language_version_untranslated").record_untranslated(
        apps, None
    )


def test_migration_backfills_what_each_language_was_made_from(world, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    publish_reviewed(world, "hi", prefix="हिंदी", capture=capture)
    _backfill()
    assert status_cell(world.story, "hi").status == Status.CURRENT
    assert status_cell(world.story, "ta").status == Status.IN_PROGRESS

    republish_source(world, capture, summary="Published after the last sync.")
    _backfill()
    assert status_cell(world.story, "hi").status == Status.OUTDATED, "synced before the last publish: unknown"


def test_first_publish_with_gaps_is_partial_not_outdated(world, django_capture_on_commit_callbacks):
    translation = translation_of(world.story, "ur")
    translate(translation, world.users[("translator", "ur")], prefix="اردو")
    StringTranslation.objects.filter(locale=translation.target_locale, context__path="summary").delete()
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=world.users[("reviewer", "ur")], publish=True)
    cell = status_cell(world.story, "ur")
    assert cell.status == Status.PARTIAL and cell.percent < 100, "not reported as published and current"
    assert not translation_freshness(page_of(world.story, "ur")).outdated, (
        "nothing changed in the source since"
    )


def test_the_stored_outdated_flag_follows_every_publish_and_mends_itself(
    world, django_capture_on_commit_callbacks
):
    """`LanguageVersion.outdated`, which the dashboards read by its index, says
    what the exact comparison says: after the source's republish, after the
    language catches up, after the source is withdrawn; and
    `refresh_outdated` mends a flag written behind its back."""
    from translations.services.publishing import refresh_outdated

    capture = django_capture_on_commit_callbacks
    tamil = publish_reviewed(world, "ta", prefix="தமிழ்", capture=capture)

    def flagged() -> bool:
        return LanguageVersion.objects.get(translation=tamil).outdated

    assert not flagged()
    republish_source(world, capture, summary="The cluster now ships to Europe.")
    assert flagged() and translation_freshness(page_of(world.story, "ta")).outdated
    TranslationSource.objects.get(pk=tamil.source_id).update_from_db()
    publish_reviewed(world, "ta", prefix="தமிழ்", capture=capture)
    assert not flagged() and not translation_freshness(page_of(world.story, "ta")).outdated

    republish_source(world, capture, summary="Exports doubled.")
    assert flagged()
    with capture(execute=True):
        Page.objects.get(pk=world.story.pk).specific.unpublish()
    assert not flagged(), "a withdrawn source leaves nothing to catch up with"

    LanguageVersion.objects.update(outdated=True)  # as a bulk change might leave it
    assert refresh_outdated() >= 1
    assert not flagged()
    LanguageVersion.objects.update(outdated=True)
    out = io.StringIO()
    call_command("refresh_outdated_translations", stdout=out)
    assert not flagged() and "language versions changed" in out.getvalue()
