"""The publishing permission matrix: every door x role x language.

The translation is machine-translated throughout (unreviewed machine text),
the worst case. Only the language's own reviewer may bring it live, through
any door but "Sync translations + publish" (which would publish every
language at once, and is refused to locale-bound users). Every other success
is an unauthorized one; the target is 0. A refusal must leave the page as it
was. The figure is printed at the end of the test.
"""

import contextlib
import itertools

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState
from wagtail_localize.models import TranslationSource

from translations.services import review

from .conftest import CODES, translate, translation_of

pytestmark = pytest.mark.django_db

ROLES = ["translator", "reviewer", "moderator", "editor", "superuser"]


def user_for(world, role, code):
    if role in ("translator", "reviewer"):
        return world.users[(role, code)]
    return {"moderator": world.moderator, "editor": world.editor, "superuser": world.admin}[role]


def edit_view_publish(client, world, page, user):
    client.force_login(user)
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {"action": "publish"})


def bulk_publish(client, world, page, user):
    client.force_login(user)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) + f"?id={page.pk}"
    client.post(url, {"include_descendants": ""})


def admin_api_publish(client, world, page, user):
    client.force_login(user)
    client.post(f"/admin/api/main/pages/{page.pk}/action/publish/", content_type="application/json")


def sync_and_publish(client, world, page, user):
    client.force_login(user)
    source = TranslationSource.objects.get(object_id=world.story.translation_key)
    client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
    )


def send_for_review(world, page):
    review.submit_for_review(page=page, user=world.users[("translator", page.locale.language_code)])


def workflow_approve(client, world, page, user):
    """`user` approves what the language's translator sent for review."""
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    task_state = TaskState.objects.get(workflow_state=state, status=TaskState.STATUS_IN_PROGRESS)
    client.force_login(user)
    client.post(reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]), {})


workflow_approve.prepare = send_for_review


def management_command(client, world, page, user):
    with contextlib.suppress(CommandError):
        call_command("publish_translation", "--page", page.pk, "--user", user.username)


DOORS = [
    edit_view_publish,
    bulk_publish,
    admin_api_publish,
    sync_and_publish,
    workflow_approve,
    management_command,
]
AUTHORIZED = {
    (door, "reviewer")
    for door in (edit_view_publish, bulk_publish, admin_api_publish, workflow_approve, management_command)
}


def snapshot(page_id):
    page = Page.objects.get(pk=page_id)
    return (page.live, page.live_revision_id, page.latest_revision_id, page.title, page.draft_title)


def run_case(client, world, door, role, code, capture):
    """Returns (went live, left as it was). Rolled back afterwards."""
    with transaction.atomic():
        translate(translation_of(world.story, code), None, machine=True)
        page = Page.objects.get(
            translation_key=world.story.translation_key, locale__language_code=code
        ).specific
        if hasattr(door, "prepare"):
            door.prepare(world, page)
        before = snapshot(page.pk)
        with capture(execute=True):
            door(client, world, page, user_for(world, role, code))
        after = snapshot(page.pk)
        transaction.set_rollback(True)
    went_live = after[0] and not before[0]
    return went_live, after == before


def test_publish_permission_matrix(world, client, django_capture_on_commit_callbacks, capsys):
    unauthorized, refused_reviewers, half_written = [], [], []
    cases = list(itertools.product(DOORS, ROLES, CODES))
    for door, role, code in cases:
        went_live, untouched = run_case(client, world, door, role, code, django_capture_on_commit_callbacks)
        case = f"{door.__name__} as {role} ({code})"
        if went_live and (door, role) not in AUTHORIZED:
            unauthorized.append(case)
        if not went_live and (door, role) in AUTHORIZED:
            refused_reviewers.append(case)
        if not went_live and not untouched:
            half_written.append(case)
    with capsys.disabled():
        print(
            f"\npublish permission matrix: {len(cases)} cases ({len(DOORS)} doors x {len(ROLES)} roles x "
            f"{len(CODES)} languages), {len(unauthorized)} unauthorized successes, "
            f"{len(refused_reviewers)} reviewer publishes refused, {len(half_written)} refusals that changed the page"
        )
    assert unauthorized == [], unauthorized
    assert refused_reviewers == [], refused_reviewers
    assert half_written == [], half_written
