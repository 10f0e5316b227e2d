"""Groups, page permissions and workflows for the translation roles.

Editors write and submit source stories; Moderators approve them (the
"Editorial review" workflow on the source trees). For each enabled locale,
`Translators (<code>)` edit that locale's tree and its snippets only, and
`Reviewers (<code>)` approve them (the "Language review (<code>)" workflow on
that locale's home page). `setup_roles` is safe to re-run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail_localize.operations import TranslationCreator

EDITORS = "Editors"
MODERATORS = "Moderators"
SOURCE_CODES = ("en", "hi")  # stories are written in English or Hindi
EDITORIAL_REVIEW = "Editorial review"
TAXONOMY_MODELS = ("state", "district", "sector", "product", "ministry", "issuingoffice")
DEMO_PASSWORD = "odop-demo-translate"  # noqa: S105 - documented demo-only password

_LOCALE_GROUP = re.compile(r"^(Translators|Reviewers) \((?P<code>[a-z]{2,3})\)$")


def translators_group_name(code: str) -> str:
    return f"Translators ({code})"


def reviewers_group_name(code: str) -> str:
    return f"Reviewers ({code})"


def language_review_name(code: str) -> str:
    return f"Language review ({code})"


@dataclass(frozen=True)
class LocaleAccess:
    """What locales a user may work in. `restricted` is False for users who
    are not bound to a locale (superusers, editors, moderators)."""

    restricted: bool
    codes: frozenset[str]
    reviewer_codes: frozenset[str]

    def allows(self, code: str) -> bool:
        return not self.restricted or code in self.codes


def locale_access(user) -> LocaleAccess:
    """One query; cached on the user object for the request."""
    cached = getattr(user, "_odop_locale_access", None)
    if cached is not None:
        return cached
    if not user.is_authenticated:
        access = LocaleAccess(restricted=True, codes=frozenset(), reviewer_codes=frozenset())
    elif user.is_superuser:
        access = LocaleAccess(restricted=False, codes=frozenset(), reviewer_codes=frozenset())
    else:
        names = list(user.groups.values_list("name", flat=True))
        codes, reviewer_codes = set(), set()
        for name in names:
            match = _LOCALE_GROUP.match(name)
            if match:
                codes.add(match["code"])
                if name.startswith("Reviewers"):
                    reviewer_codes.add(match["code"])
        restricted = bool(codes) and not ({EDITORS, MODERATORS} & set(names))
        access = LocaleAccess(restricted=restricted, codes=frozenset(codes), reviewer_codes=frozenset(reviewer_codes))
    user._odop_locale_access = access
    return access


def is_language_reviewer(user, code: str) -> bool:
    return user.is_authenticated and code in locale_access(user).reviewer_codes


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


def _workflow(name: str, groups: list[Group], pages: list[Page]) -> Workflow:
    workflow, _created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
    task.groups.add(*groups)
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
    _workflow(EDITORIAL_REVIEW, [groups[MODERATORS]], [english_home] if english_home else [])
    for code in codes:
        if code == settings.LANGUAGE_CODE:
            continue
        home = locale_home_page(locales[code])
        translators = _group(translators_group_name(code), _admin_access() + _taxonomy_permissions(("change",)))
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
            wanted += [(f"translator-{code}", translators_group_name(code)), (f"reviewer-{code}", reviewers_group_name(code))]
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


def translator_emails(*, locale_ids: list[int]) -> dict[int, list[str]]:
    """E-mail addresses of the translators of each locale. Two queries."""
    codes = dict(Locale.objects.filter(pk__in=locale_ids).values_list("language_code", "pk"))
    names = {translators_group_name(code): pk for code, pk in codes.items()}
    result: dict[int, list[str]] = {pk: [] for pk in locale_ids}
    rows = (
        get_user_model()
        .objects.filter(groups__name__in=names, is_active=True)
        .exclude(email="")
        .values_list("groups__name", "email")
    )
    for group_name, email in rows:
        result[names[group_name]].append(email)
    return result

