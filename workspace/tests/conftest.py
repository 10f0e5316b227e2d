"""A hand-made newsroom for the workspace tests, built once per module.

English source stories, one in each state an editor sees, translated into
Hindi and Tamil in the states a translator and a reviewer see; a failed PDF
and a newspaper's fetch. Titles say where each page belongs, so a test can
tell "[hi] ..." from "[ta] ...".
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, TaskState, WorkflowState

from printing.models import StoryPdf
from syndication.models import FetchRecord, Partner
from tests import factories
from tests.translation import fill_strings, start_translation, translate
from translations.services import review, roles
from translations.tests.conftest import make_user, story_index
from workspace.models import Notification

CODES = ["hi", "ta"]


def titled(code: str):
    return lambda text, path: f"[{code}] {text}" if path == "title" else None


def story(title: str, *, owner=None, publish: bool = True, **kwargs):
    page = factories.SuccessStoryPageFactory(
        parent=story_index(), title=title, owner=owner, live=False, **kwargs
    )
    revision = page.save_revision(user=owner)
    if publish:
        revision.publish()
    return Page.objects.get(pk=page.pk).specific


def draft_translation(source, code: str, *, machine: bool = False, user=None):
    """A draft in `code` with its title translated (by a machine or a person)."""
    translation = start_translation(source, code, user=user)
    fill_strings(translation, titled(code), machine=machine)
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(user=user, publish=False)
    return Page.objects.get(translation_key=source.translation_key, locale=translation.target_locale).specific


def current_task_state(page) -> TaskState:
    state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    return TaskState.objects.get(workflow_state=state, status=TaskState.STATUS_IN_PROGRESS)


def reject(client, page, user, comment: str):
    client.force_login(user)
    task_state = current_task_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk])
    response = client.post(url, {"comment": comment})
    assert response.status_code in (200, 302), response.status_code
    client.logout()


def build_newsroom(client) -> SimpleNamespace:
    now = timezone.now()
    roles.setup_roles(codes=["en", *CODES])
    users = {}
    editor = make_user("editor", roles.EDITORS)
    moderator = make_user("moderator", roles.MODERATORS)
    for code in CODES:
        users[f"translator-{code}"] = make_user(f"translator-{code}", roles.translators_group_name(code))
        users[f"reviewer-{code}"] = make_user(f"reviewer-{code}", roles.reviewers_group_name(code))

    draft = story("Editor's unfinished draft", owner=editor, publish=False)
    story("Moderator's own draft", owner=moderator, publish=False)
    in_review = story("Story waiting for the desk", owner=editor, publish=False)
    in_review.get_workflow().start(in_review, editor)
    scheduled = story("Story scheduled for tomorrow", owner=editor, publish=False)
    scheduled.go_live_at = now + dt.timedelta(days=1)
    scheduled.save_revision(user=editor).publish()
    embargoed = story("Story under embargo", embargo_until=now + dt.timedelta(hours=5))
    published = story("Weavers reach new markets")
    translate(published, "hi", strings=titled("hi"))  # live in Hindi and English

    # Translators and reviewers.
    waiting_ta = start_translation(published, "ta")  # nobody started the Tamil one
    machine = story("Potters of Khurja")
    machine_hi = draft_translation(machine, "hi", machine=True)
    returned = story("Toys of Channapatna")
    returned_hi = draft_translation(returned, "hi", user=users["translator-hi"])
    review.submit_for_review(page=returned_hi, user=users["translator-hi"])
    reject(client, returned_hi, users["reviewer-hi"], "Please translate the district name.")
    awaiting = story("Brass of Moradabad")
    awaiting_ta = draft_translation(awaiting, "ta", user=users["translator-ta"])
    review.submit_for_review(page=awaiting_ta, user=users["translator-ta"])

    # The Hindi translation of `published` goes out of date: the source is republished.
    published.summary = "Weavers now export too."
    published.save_revision(user=editor).publish()

    StoryPdf.objects.create(
        page=published, revision_id=published.live_revision_id, locale="en",
        format=StoryPdf.Format.RELEASE, status=StoryPdf.Status.FAILED, error="Font missing\nTraceback ...",
    )  # fmt: skip
    partner = Partner.objects.create(name="Dainik Example")
    FetchRecord.objects.create(partner=partner, page_id=published.pk, language="en", version=1)
    Notification.objects.all().delete()  # the building told people things; tests start clean
    return SimpleNamespace(
        editor=editor,
        moderator=moderator,
        users=users,
        draft=draft,
        in_review=in_review,
        scheduled=scheduled,
        embargoed=embargoed,
        published=published,
        published_hi=Page.objects.get(translation_key=published.translation_key, locale__language_code="hi"),
        waiting_ta=Page.objects.get(
            translation_key=published.translation_key, locale=waiting_ta.target_locale
        ),
        machine_hi=machine_hi,
        returned_hi=returned_hi,
        awaiting=awaiting,
        awaiting_ta=awaiting_ta,
    )


@pytest.fixture(scope="module")
def newsroom(django_db_setup, django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock(), transaction.atomic():
        yield build_newsroom(Client())
        transaction.set_rollback(True)
