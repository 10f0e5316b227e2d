"""Notifications reach the people whose languages and roles match, once,
in their language, after the commit."""

import pytest
from django.core import mail
from django.utils import translation
from wagtail.users.models import UserProfile

from tests.translation import start_translation
from translations.services import review
from workspace import services
from workspace.models import Notification
from workspace.panels import panels_for

from .conftest import draft_translation, reject, story

pytestmark = pytest.mark.django_db


def mail_to(address_prefix: str) -> list:
    return [message for message in mail.outbox if message.to[0].startswith(f"{address_prefix}@")]


def english_subject(notification: Notification) -> str:
    with translation.override("en"):
        return notification.subject()


def test_submitting_a_story_for_tamil_tells_tamil_translators_in_tamil(
    newsroom, django_capture_on_commit_callbacks
):
    source = story("Coir of Alappuzha")
    with django_capture_on_commit_callbacks(execute=True):
        start_translation(source, "ta")
    assert [message.to for message in mail.outbox] == [["translator-ta@example.org"]]
    notification = Notification.objects.get(recipient=newsroom.users["translator-ta"])
    assert notification.kind == Notification.Kind.SUBMITTED
    with translation.override("ta"):
        assert mail.outbox[0].subject == notification.subject()
    assert mail.outbox[0].subject != english_subject(notification), "in Tamil, the translator's language"
    assert "Coir of Alappuzha" in mail.outbox[0].subject
    assert f"/admin/pages/{notification.page_id}/edit/" in mail.outbox[0].body


def test_a_review_request_reaches_that_languages_reviewers_once(newsroom, django_capture_on_commit_callbacks):
    source = story("Carpets of Bhadohi")
    page = draft_translation(source, "hi", user=newsroom.users["translator-hi"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        review.submit_for_review(page=page, user=newsroom.users["translator-hi"])
    assert [message.to for message in mail.outbox] == [["reviewer-hi@example.org"]], (
        "Wagtail's own mail is off"
    )
    notification = Notification.objects.get(kind=Notification.Kind.REVIEW_REQUESTED)
    assert notification.recipient == newsroom.users["reviewer-hi"]
    titles = [
        item.title for item in dict_of(panels_for(newsroom.users["reviewer-hi"]))["notifications"].items
    ]
    with translation.override("en"):
        assert titles == [english_subject(notification)]


def dict_of(panels):
    return {name: work_list for name, _heading, work_list in panels}


def test_a_returned_review_tells_the_translator_with_the_comment(
    newsroom, client, django_capture_on_commit_callbacks
):
    source = story("Bidri of Bidar")
    page = draft_translation(source, "hi", user=newsroom.users["translator-hi"])
    review.submit_for_review(page=page, user=newsroom.users["translator-hi"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reject(client, page, newsroom.users["reviewer-hi"], "The headline is too long.")
    assert [message.to for message in mail.outbox] == [["translator-hi@example.org"]]
    assert "The headline is too long." in mail.outbox[0].body
    with translation.override("hi"):
        assert (
            Notification.objects.get(kind=Notification.Kind.REVIEW_RETURNED).subject()
            == mail.outbox[0].subject
        )


def test_a_republished_source_tells_the_translators_of_each_language(
    newsroom, django_capture_on_commit_callbacks
):
    published = type(newsroom.published).objects.get(pk=newsroom.published.pk)
    published.summary = "Weavers export to twelve countries."
    with django_capture_on_commit_callbacks(execute=True):
        published.save_revision(user=newsroom.editor).publish()
    assert sorted(message.to[0] for message in mail.outbox) == [
        "translator-hi@example.org",
        "translator-ta@example.org",
    ]
    assert {n.kind for n in Notification.objects.all()} == {Notification.Kind.OUTDATED}


def test_a_retried_task_sends_nothing_twice(newsroom, django_capture_on_commit_callbacks):
    source = story("Lacquerware of Varanasi")
    with django_capture_on_commit_callbacks(execute=True):
        translation_row = start_translation(source, "hi")
    assert len(mail.outbox) == 1
    assert services.notify(kind=Notification.Kind.SUBMITTED, translation_id=translation_row.pk) == 0
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(event=f"submitted:{translation_row.pk}").count() == 1


def test_a_failed_mail_is_sent_on_the_retry(newsroom, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "workspace.tests.failing_mail.EmailBackend"
    source = story("Pashmina of Srinagar")
    with django_capture_on_commit_callbacks(execute=True):
        translation_row = start_translation(source, "ta")  # the task fails; django-tasks records it
    notification = Notification.objects.get(kind=Notification.Kind.SUBMITTED)
    assert notification.emailed_at is None, "released for the retry"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert services.notify(kind=Notification.Kind.SUBMITTED, translation_id=translation_row.pk) == 1
    assert [message.to for message in mail.outbox] == [["translator-ta@example.org"]]


def test_the_preferred_admin_language_wins(newsroom, django_capture_on_commit_callbacks):
    profile = UserProfile.get_for_user(newsroom.moderator)
    profile.preferred_language = "bn"
    profile.save()
    source = story("Terracotta of Bankura", owner=newsroom.editor, publish=False)
    with django_capture_on_commit_callbacks(execute=True):
        source.get_workflow().start(source, newsroom.editor)
    assert [message.to for message in mail.outbox] == [["moderator@example.org"]], "the desk, not the editor"
    notification = Notification.objects.get(recipient=newsroom.moderator)
    with translation.override("bn"):
        assert mail.outbox[0].subject == notification.subject()
    assert mail.outbox[0].subject != english_subject(notification)


def test_an_editor_without_a_preference_reads_the_site_language(newsroom):
    notification = Notification(recipient=newsroom.editor, language="hi", kind=Notification.Kind.SUBMITTED)
    assert services.mail_language(notification) == "en"
    translator = Notification(recipient=newsroom.users["translator-ta"], language="ta")
    assert services.mail_language(translator) == "ta"
