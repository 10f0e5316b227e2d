"""E-mail from the environment: SMTP when EMAIL_HOST is set, the log
otherwise (with a warning in production). A moderation submission's mail
reaches a real SMTP server on 127.0.0.1."""

import secrets
import socket
import time
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings

from tests.factories import SuccessStoryPageFactory, story_index
from tests.test_production_settings import manage, production_setting
from translations.services import roles


class Inbox:
    """aiosmtpd handler: keeps every message it is given."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default)))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield port, inbox
    controller.stop()


def test_production_sends_by_smtp_with_the_environments_settings():
    env = {
        "EMAIL_HOST": "smtp.example.gov.in", "EMAIL_PORT": "2525", "EMAIL_HOST_USER": "odop",
        "EMAIL_USE_TLS": "false", "DEFAULT_FROM_EMAIL": "ODOP <odop@example.gov.in>",
    }  # fmt: skip
    expression = (
        "settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_HOST_USER, "
        "settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT, settings.SERVER_EMAIL"
    )
    assert production_setting(expression, **env) == (
        "django.core.mail.backends.smtp.EmailBackend smtp.example.gov.in 2525 odop False 10 ODOP <odop@example.gov.in>"
    )


def test_production_without_a_mail_host_logs_mail_and_warns():
    assert production_setting("settings.EMAIL_BACKEND") == "django.core.mail.backends.console.EmailBackend"
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="odop.example.gov.in", SITE_URL="https://odop.example.gov.in",
    )  # fmt: skip
    assert result.returncode != 0
    assert "security.W001" in result.stderr + result.stdout
    assert "EMAIL_HOST is not set" in result.stderr + result.stdout


@pytest.mark.django_db
def test_moderation_submission_mail_reaches_the_smtp_server(smtp_server, django_capture_on_commit_callbacks):
    port, inbox = smtp_server
    story_index()
    roles.setup_roles(codes=["en"])
    users = get_user_model().objects
    editor = users.create_user("editor", "editor@example.gov.in", "pw")
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    moderator = users.create_user("moderator", "moderator@example.gov.in", "pw")
    moderator.groups.add(Group.objects.get(name=roles.MODERATORS))
    story = SuccessStoryPageFactory(title="Weavers of Varanasi reach new markets", live=False)
    story.save_revision(user=editor)
    smtp = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": port, "EMAIL_USE_TLS": False, "EMAIL_TIMEOUT": 5,
        "DEFAULT_FROM_EMAIL": "ODOP <noreply@example.gov.in>",
        "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL": "ODOP <noreply@example.gov.in>",
    }  # fmt: skip
    with override_settings(**smtp), django_capture_on_commit_callbacks(execute=True):
        story.get_workflow().start(story, editor)
    deadline = time.monotonic() + 5
    while not inbox.messages and time.monotonic() < deadline:
        time.sleep(0.05)
    assert inbox.messages, "no mail reached the SMTP server"
    recipients, message = inbox.messages[0]
    assert recipients == ["moderator@example.gov.in"]
    assert message["From"] == "ODOP <noreply@example.gov.in>"
    assert "Weavers of Varanasi reach new markets" in message["Subject"]
