"""Reports → Background tasks (list, Retry) and the dashboard warning, through the admin."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from tests.factories import SuccessStoryPageFactory

from .helpers import backdate, heartbeat, queued
from .tasks import explode, log_lines, nap, record

pytestmark = pytest.mark.django_db
PANEL = "data-odop-background-work"


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("ops", "ops@example.com", "x"))
    return client


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_user("ed", "ed@example.com", "x")
    group = Group.objects.create(name="Ops viewers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_task_report")
    )
    user.groups.add(group)
    client.force_login(user)
    return client


def test_report_lists_failed_and_stuck_tasks_with_story_link(admin_client):
    story = SuccessStoryPageFactory(title="Banarasi weavers")
    failed = queued(explode, status="FAILED", workers=["w1"], started_ago=5, page_id=story.pk)
    stuck = queued(nap, status="RUNNING", workers=["gone"], started_ago=600, log="x", seconds=1)
    heartbeat(
        "busy", current=queued(nap, status="RUNNING", workers=["busy"], started_ago=600, log="y", seconds=1)
    )
    queued(record, log="z")  # waiting: not a problem task
    html = admin_client.get(reverse("operations:task_report")).content.decode()
    assert html.count("data-task-id=") == 2
    assert f'data-task-id="{failed.pk}"' in html and f'data-task-id="{stuck.pk}"' in html
    assert reverse("wagtailadmin_pages:edit", args=[story.pk]) in html and "Banarasi weavers" in html
    assert "ValueError: no such page" in html
    assert "Stuck: its worker stopped" in html
    assert html.count(">Retry<") == 1  # only the failed one


def test_retry_enqueues_the_task_again_with_its_arguments(admin_client, tmp_path):
    log = tmp_path / "runs.log"
    failed = queued(record, status="FAILED", workers=["w1"], started_ago=5, log=str(log), page_id=7)
    response = admin_client.post(reverse("operations:retry", args=[failed.pk]))
    assert response.status_code == 302
    assert log_lines(log) == ["ran 7"]  # the test backend runs it at once
    assert not DBTaskResult.objects.filter(pk=failed.pk).exists()


def test_retry_needs_the_permission_and_a_post(editor_client, tmp_path):
    failed = queued(record, status="FAILED", workers=["w1"], started_ago=5, log=str(tmp_path / "l"))
    assert editor_client.get(reverse("operations:task_report")).status_code == 200
    refused = editor_client.post(reverse("operations:retry", args=[failed.pk]))
    assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))  # Wagtail's "denied"
    assert DBTaskResult.objects.get(pk=failed.pk).status == "FAILED"


def test_retry_is_post_only(admin_client, tmp_path):
    failed = queued(record, status="FAILED", workers=["w1"], started_ago=5, log=str(tmp_path / "l"))
    assert admin_client.get(reverse("operations:retry", args=[failed.pk])).status_code == 405


def test_report_is_refused_without_the_permission(client, django_user_model):
    user = django_user_model.objects.create_user("plain", "p@example.com", "x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    refused = client.get(reverse("operations:task_report"))
    assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))  # Wagtail's "denied"


def test_dashboard_warns_when_no_worker_is_fresh_and_is_quiet_otherwise(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert PANEL in html and "No background worker is running." in html
    heartbeat("alive", ago=1)
    assert PANEL not in admin_client.get(reverse("wagtailadmin_home")).content.decode()


def test_dashboard_warns_when_the_oldest_task_waits_too_long(admin_client):
    heartbeat("alive", ago=1)
    backdate(queued(record, log="x"), seconds=3600)
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert PANEL in html and "The oldest waiting background task has waited 1\xa0hour" in html


@pytest.mark.parametrize("code", ["hi", "ur"])
def test_dashboard_warning_renders_in_hindi_and_urdu(code, admin_client, django_user_model):
    with translation.override(code):
        html = admin_client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE=code).content.decode()
    assert PANEL in html
