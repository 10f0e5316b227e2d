"""The review gate from each side: four eyes, who reviews what, and that a
refused publish leaves the page as it was and says why."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import Page, TaskState, WorkflowState
from wagtail_localize.models import TranslationSource

from stories.models import StoryIndexPage
from tests import factories
from translations.models import ReviewTask
from translations.services import gate, publishing, review

from .conftest import page_of, translate, translation_of

pytestmark = pytest.mark.django_db


def snapshot(page):
    page = Page.objects.get(pk=page.pk)
    return (
        page.live,
        page.live_revision_id,
        page.latest_revision_id,
        page.title,
        page.has_unpublished_changes,
    )


def messages_of(response):
    return [str(message) for message in response.wsgi_request._messages]


def send_for_review(page, user):
    review.submit_for_review(page=page, user=user)
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    return TaskState.objects.get(workflow_state=state, status=TaskState.STATUS_IN_PROGRESS)


def approve_url(page, task_state):
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])


def test_choke_points_are_installed():
    from wagtail_localize.models import TranslationSource

    assert getattr(PublishPageRevisionAction.check, "odop_review_gate", False)
    assert getattr(TranslationSource.create_or_update_translation, "odop_review_gate", False)


def test_setup_roles_gives_every_review_workflow_a_review_task(world):
    from wagtail.models import Workflow

    ours = Workflow.objects.filter(
        name__in=["Editorial review", *(f"Language review ({code})" for code in world.codes)]
    )
    assert ours.count() == 1 + len(world.codes)
    for workflow in ours:
        tasks = [task.specific for task in workflow.tasks.filter(active=True)]
        assert tasks and all(isinstance(task, ReviewTask) for task in tasks), workflow.name


def test_reviewer_cannot_approve_their_own_submission(world, client, django_capture_on_commit_callbacks):
    reviewer = world.users[("reviewer", "hi")]
    page = page_of(world.story, "hi")
    translate(translation_of(world.story, "hi"), world.users[("translator", "hi")])
    task_state = send_for_review(page, reviewer)
    assert "approve" not in [name for name, *_ in task_state.task.specific.get_actions(page, reviewer)]
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(approve_url(page, task_state), {"comment": ""})
    assert not page_of(world.story, "hi").live
    # Nor may they publish it directly while it waits for another reviewer.
    assert "another member" in gate.page_refusal(page=page, user=reviewer)


def test_reviewer_cannot_publish_segments_they_translated_themselves(
    world, client, django_capture_on_commit_callbacks
):
    reviewer = world.users[("reviewer", "ta")]
    translate(translation_of(world.story, "ta"), reviewer, prefix="தமிழ்")
    page = page_of(world.story, "ta")
    before = snapshot(page)
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    assert snapshot(page) == before
    assert any("four eyes" in message for message in messages_of(response))


def test_moderator_cannot_publish_a_hindi_translation_without_a_hindi_reviewer(
    world, client, django_capture_on_commit_callbacks
):
    translate(translation_of(world.story, "hi"), world.users[("translator", "hi")])
    page = page_of(world.story, "hi")
    before = snapshot(page)
    client.force_login(world.moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})
    assert response.status_code == 302 and response["Location"] == reverse(
        "wagtailadmin_pages:edit", args=[page.pk]
    )
    assert snapshot(page) == before
    assert any("Reviewers (hi)" in message for message in messages_of(response))


def test_superuser_cannot_approve_machine_text_in_language_review(
    world, client, django_capture_on_commit_callbacks
):
    translate(translation_of(world.story, "ur"), None, machine=True)
    page = page_of(world.story, "ur")
    task_state = send_for_review(page, world.users[("translator", "ur")])
    assert "approve" not in [name for name, *_ in task_state.task.specific.get_actions(page, world.admin)]
    client.force_login(world.admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(approve_url(page, task_state), {"comment": ""})
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not page_of(world.story, "ur").live


def test_the_gate_refuses_in_the_workflow_too_if_the_task_is_bypassed(world):
    translate(translation_of(world.story, "ur"), None, machine=True)
    page = page_of(world.story, "ur")
    task_state = send_for_review(page, world.users[("translator", "ur")])
    with pytest.raises(gate.PublishRefused, match="machine-translated"):
        # GroupApprovalTask's own approval, as a superuser: the publish at the end still passes the gate.
        task_state.approve(user=world.admin)


def test_hindi_source_story_goes_to_editorial_review(world, client, django_capture_on_commit_callbacks):
    hindi_index = StoryIndexPage.objects.get(locale__language_code="hi")
    story = factories.SuccessStoryPageFactory(
        parent=hindi_index, title="बनारसी साड़ी के बुनकर", slug="hindi-weavers", live=False
    )
    story.save_revision(user=world.editor)
    assert story.get_workflow().name == "Editorial review"
    task_state = send_editorial(story, world.editor)
    client.force_login(world.users[("reviewer", "hi")])
    assert client.post(approve_url(story, task_state), {"comment": ""}).status_code in (302, 403)
    assert not Page.objects.get(pk=story.pk).live, "a Hindi reviewer is not the editorial desk"
    client.force_login(world.moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(approve_url(story, task_state), {"comment": ""})
    assert Page.objects.get(pk=story.pk).live


def send_editorial(page, user):
    page.get_workflow().start(page, user)
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    return TaskState.objects.get(workflow_state=state, status=TaskState.STATUS_IN_PROGRESS)


def test_moderator_cannot_approve_their_own_story(world, client, django_capture_on_commit_callbacks):
    story = factories.SuccessStoryPageFactory(
        parent=world.story.get_parent(), slug="moderators-own", live=False
    )
    story.save_revision(user=world.moderator)
    task_state = send_editorial(story, world.moderator)
    assert "approve" not in [
        name for name, *_ in task_state.task.specific.get_actions(story, world.moderator)
    ]
    client.force_login(world.moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(approve_url(story, task_state), {"comment": ""})
    assert not Page.objects.get(pk=story.pk).live


def test_a_stopped_translation_still_needs_its_languages_reviewer(
    world, client, django_capture_on_commit_callbacks
):
    translation = translation_of(world.story, "hi")
    translate(translation, None, machine=True)
    page = page_of(world.story, "hi")
    client.force_login(world.editor)
    client.post(reverse("wagtail_localize:stop_translation", args=[translation.pk]))
    translation.refresh_from_db()
    assert not translation.enabled
    # Now edited in Wagtail's own editor, not wagtail-localize's: the gate still applies.
    client.force_login(world.moderator)
    response = client.post(
        f"/admin/api/main/pages/{page.pk}/action/publish/", content_type="application/json"
    )
    assert response.status_code == 403
    assert not page_of(world.story, "hi").live
    assert gate.page_refusal(page=page, user=world.users[("reviewer", "hi")]) is None


def test_a_draft_of_a_live_translation_leaves_the_public_page_as_it_was(
    world, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    translation = translation_of(world.story, "ta")
    translate(translation, world.users[("translator", "ta")], prefix="தமிழ்")
    with capture(execute=True):
        translation.save_target(user=world.users[("reviewer", "ta")], publish=True)
    live_summary = page_of(world.story, "ta").summary
    story = Page.objects.get(pk=world.story.pk).specific
    story.summary = "Changed in English."
    with capture(execute=True):
        story.save_revision().publish()
    TranslationSource.objects.get(pk=translation.source_id).update_from_db()

    review.submit_for_review(page=page_of(world.story, "ta"), user=world.users[("translator", "ta")])

    page = page_of(world.story, "ta")
    assert page.summary == live_summary, "the English fallback is in the draft under review, not on the site"
    assert page.has_unpublished_changes
    assert page.get_latest_revision().as_object().summary == "Changed in English."


def test_admin_api_publish_is_refused_with_a_403_json_reason(world, client):
    translate(translation_of(world.story, "hi"), None, machine=True)
    page = page_of(world.story, "hi")
    before = snapshot(page)
    client.force_login(world.moderator)
    response = client.post(
        f"/admin/api/main/pages/{page.pk}/action/publish/", content_type="application/json"
    )
    assert response.status_code == 403
    assert "machine-translated" in json.loads(response.content)["detail"]
    assert snapshot(page) == before


def test_bulk_publish_names_the_refused_pages_and_publishes_nothing(world, client):
    translate(translation_of(world.story, "hi"), world.users[("translator", "hi")])
    page = page_of(world.story, "hi")
    before = snapshot(page)
    client.force_login(world.moderator)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={page.pk}"
    response = client.post(url, {"include_descendants": ""})
    assert response.status_code == 302
    assert snapshot(page) == before
    assert any(page.title in message for message in messages_of(response))


def test_publish_command_refuses_with_a_command_error(world):
    translate(translation_of(world.story, "ta"), None, machine=True)
    page = page_of(world.story, "ta")
    with pytest.raises(CommandError, match="machine-translated"):
        call_command("publish_translation", "--page", page.pk, "--user", "admin")
    assert not page_of(world.story, "ta").live
    call_command("publish_translation", "--page", page.pk, "--user", "reviewer-ta")
    assert page_of(world.story, "ta").live


def test_code_without_a_person_cannot_publish_machine_text(world):
    translate(translation_of(world.story, "ur"), None, machine=True)
    page = page_of(world.story, "ur")
    revision = page.save_revision()
    with pytest.raises(gate.PublishRefused, match="unattended"):
        revision.publish()
    assert not page_of(world.story, "ur").live


def test_publishing_a_source_story_is_not_the_gates_business(world):
    assert gate.page_refusal(page=world.story, user=world.moderator) is None
    assert publishing.publish_page(page=world.story, user=world.moderator).live
