import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from tests.factories import story_index
from translations.services import roles

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        WorkflowPage.objects.count(),
        Page.objects.count(),
    )


def test_setup_roles_creates_groups_trees_and_workflows_and_is_safe_to_rerun():
    story_index()
    call_command("setup_roles", "--locales", "en,hi,ur", "--demo-users")
    first = _counts()
    call_command("setup_roles", "--locales", "en,hi,ur", "--demo-users")
    assert _counts() == first
    names = set(Group.objects.values_list("name", flat=True))
    assert {
        "Editors",
        "Moderators",
        "Translators (hi)",
        "Reviewers (hi)",
        "Translators (ur)",
        "Reviewers (ur)",
    } <= names
    hi_home = roles.locale_home_page(roles.Locale.objects.get(language_code="hi"), create=False)
    assert hi_home.live and hi_home.get_children().filter(slug="stories").exists()
    perms = set(
        GroupPagePermission.objects.filter(group__name="Translators (hi)").values_list(
            "page_id", "permission__codename"
        )
    )
    assert perms == {(hi_home.pk, "add_page"), (hi_home.pk, "change_page")}
    assert GroupPagePermission.objects.filter(
        group__name="Reviewers (hi)", permission__codename="publish_page"
    ).exists()
    assert WorkflowPage.objects.get(page=hi_home).workflow.name == "Language review (hi)"
    assert WorkflowPage.objects.get(page=roles.source_home_page()).workflow.name == "Editorial review"
    assert set(Group.objects.get(name="Translators (ur)").user_set.values_list("username", flat=True)) == {
        "translator-ur"
    }


def test_demo_users_only_with_the_flag():
    story_index()
    call_command("setup_roles", "--locales", "en,ta")
    assert not Group.objects.get(name="Translators (ta)").user_set.exists()


def test_unknown_locale_is_an_error():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="xx"):
        call_command("setup_roles", "--locales", "en,xx")
