"""Groups, page permissions and workflows for the translation roles.

Editors write and submit source stories; Moderators approve them (the
"Editorial review" workflow on the source trees). For each enabled locale,
`Translators (<code>)` edit that locale's tree and its snippets only, and
`Reviewers (<code>)` approve them (the "Language review (<code>)" workflow on
that locale's home page). `setup_roles` is safe to re-run.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail_localize.operations import TranslationCreator

from ..models import ReviewTask
from . import routing
from .groups import (
    EDITORIAL_REVIEW,
    EDITORS,
    MODERATORS,
    SOURCE_CODES,
    language_review_name,
    reviewers_group_name,
    translators_group_name,
)

TAXONOMY_MODELS = ("state", "district", "sector", "product", "ministry", "issuingoffice")
DEMO_PASSWORD = "odop-demo-translate"  # noqa: S105 - documented demo-only password


def enabled_codes() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def _permissions(app_label: str, codenames: list[str]) -> list[Permission]:
    return list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))


def _taxonomy_permissions(actions: tuple[str, ...]) -> list[Permission]:
    return _permissions("taxonomy", [f"{action}_{model}" for action in actions for model in TAXONOMY_MODELS])


def _admin_access() -> list[Permission]:
    return _permissions("wagtailadmin", ["access_admin"])


def _group(name: str, permissions: list[Permission]) -> Group:
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(*permissions)
    return group


def _grant_pages(group: Group, page: Page, codenames: list[str]) -> None:
    for permission in _permissions("wagtailcore", codenames):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _review_task(name: str, groups: list[Group]) -> ReviewTask:
    task = ReviewTask.objects.filter(name=name).first() or ReviewTask.objects.create(name=name)
    task.groups.add(*groups)
    return task


def _retire_task(link: WorkflowTask) -> None:
    """A task of ours that is not a ReviewTask (made before four eyes): its
    reviews in progress are cancelled (resubmit them) and it is deactivated."""
    old = link.task
    for state in WorkflowState.objects.filter(
        current_task_state__task=old,
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
    ):
        state.cancel()
    link.delete()
    old.name = f"{old.name} (replaced)"[:255]
    old.save(update_fields=["name"])
    old.deactivate()


def _workflow(name: str, groups: list[Group], pages: list[Page]) -> Workflow:
    workflow, _created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    task = _review_task(name, groups)
    for link in WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).select_related("task"):
        _retire_task(link)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def source_home_page() -> Page | None:
    """The default language's site root (a home page, at depth 2)."""
    return Page.objects.filter(depth=2, locale__language_code=settings.LANGUAGE_CODE).specific().first()


def locale_home_page(locale: Locale, *, create: bool = True) -> Page | None:
    """The home page translation in `locale`: the root of that locale's tree.

    Created (with the story index under it) through wagtail-localize when
    missing, so that translators have a tree to be given permissions on.
    """
    source = source_home_page()
    existing = Page.objects.filter(translation_key=source.translation_key, locale=locale).specific().first()
    if existing is not None or not create:
        return existing
    creator = TranslationCreator(None, [locale])
    creator.create_translations(source, include_related_objects=False)
    for index in source.get_children().live().specific():
        creator.create_translations(index, include_related_objects=False)
    # The structural pages are published now (not on commit, as
    # wagtail-localize would): stories need a live parent.
    for translations in creator.mappings.values():
        for translation in translations:
            translation.get_target_instance().get_latest_revision().publish()
    return Page.objects.specific().get(translation_key=source.translation_key, locale=locale)


@transaction.atomic
def setup_roles(*, codes: list[str] | None = None) -> dict[str, Group]:
    """Create (or complete) every group, page permission and workflow."""
    codes = codes or enabled_codes()
    groups: dict[str, Group] = {}
    page_perms = ["add_page", "change_page"]
    groups[EDITORS] = _group(
        EDITORS,
        _admin_access()
        + _taxonomy_permissions(("add", "change"))
        + _permissions("wagtail_localize", ["submit_translation"])
        + _permissions("translations", ["add_glossaryterm", "change_glossaryterm"]),
    )
    groups[MODERATORS] = _group(
        MODERATORS,
        _admin_access()
        + _taxonomy_permissions(("add", "change", "delete"))
        + _permissions("wagtail_localize", ["submit_translation"])
        + _permissions("translations", ["add_glossaryterm", "change_glossaryterm", "delete_glossaryterm"]),
    )
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in codes}
    source_homes = [locale_home_page(locales[code]) for code in codes if code in SOURCE_CODES]
    source_homes = [home for home in source_homes if home is not None]
    for home in source_homes:
        _grant_pages(groups[EDITORS], home, page_perms)
        _grant_pages(groups[MODERATORS], home, [*page_perms, "publish_page", "lock_page", "unlock_page"])
    english_home = source_home_page()
    editorial = _workflow(EDITORIAL_REVIEW, [groups[MODERATORS]], [english_home] if english_home else [])
    routing.route_existing_sources(workflow=editorial)
    for code in codes:
        if code == settings.LANGUAGE_CODE:
            continue
        home = locale_home_page(locales[code])
        translators = _group(
            translators_group_name(code), _admin_access() + _taxonomy_permissions(("change",))
        )
        reviewers = _group(reviewers_group_name(code), _admin_access() + _taxonomy_permissions(("change",)))
        _grant_pages(translators, home, page_perms)
        _grant_pages(reviewers, home, [*page_perms, "publish_page"])
        _workflow(language_review_name(code), [reviewers], [home])
        groups[translators.name], groups[reviewers.name] = translators, reviewers
    return groups


def create_demo_users(*, codes: list[str], password: str = DEMO_PASSWORD) -> list[str]:
    """editor, moderator, translator-<code> and reviewer-<code> (demo only)."""
    user_model = get_user_model()
    usernames = []
    wanted = [("editor", EDITORS), ("moderator", MODERATORS)]
    for code in codes:
        if code != settings.LANGUAGE_CODE:
            wanted += [
                (f"translator-{code}", translators_group_name(code)),
                (f"reviewer-{code}", reviewers_group_name(code)),
            ]
    for username, group_name in wanted:
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"email": f"{username}@odop.example", "first_name": username}
        )
        if created:
            user.set_password(password)
            user.save()
        user.groups.add(Group.objects.get(name=group_name))
        usernames.append(username)
    return usernames
