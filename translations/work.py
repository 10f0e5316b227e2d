"""What the translation workflow tells the admin dashboard (core.work):
who works on which language, and the live translations that went out of date."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import F, OuterRef, Subquery
from django.urls import reverse
from wagtail.models import Page

from core.work import Role, UserLanguages, WorkItem, WorkList

from .models import LanguageVersion
from .services.groups import (
    EDITORS,
    MODERATORS,
    locale_access,
    reviewers_group_name,
    translators_group_name,
)


def user_languages(user) -> UserLanguages:
    """One query (locale_access, cached on the user for the request)."""
    access = locale_access(user)
    names = access.group_names
    return UserLanguages(
        editorial=user.is_superuser or bool({EDITORS, MODERATORS} & names),
        translator_codes=frozenset(code for code in access.codes if translators_group_name(code) in names),
        reviewer_codes=access.reviewer_codes,
    )


def people(*, role: Role, code: str):
    if role == Role.TRANSLATOR:
        groups = [translators_group_name(code)]
    elif role == Role.REVIEWER:
        groups = [reviewers_group_name(code)]
    else:
        groups = [EDITORS, MODERATORS]
    return get_user_model().objects.filter(groups__name__in=groups, is_active=True).distinct()


def outdated_translations(*, codes: frozenset[str] | None, limit: int) -> WorkList:
    """Live translations whose language has not caught up with the source's
    live revision (LanguageVersion), oldest publish first. Two queries,
    over the versions flagged outdated (`LanguageVersion.outdated`), not
    every language version of the site."""
    source_page = Page.objects.filter(
        translation_key=OuterRef("translation__source__object_id"),
        locale_id=OuterRef("translation__source__locale_id"),
    )
    target_page = Page.objects.filter(
        translation_key=OuterRef("translation__source__object_id"),
        locale_id=OuterRef("translation__target_locale_id"),
        live=True,
    )
    versions = (
        # The stored flag finds the few candidates by its index; the test
        # below stays the exact one (a target unpublished since, say).
        LanguageVersion.objects.filter(outdated=True, translation__enabled=True)
        .annotate(
            current=Subquery(source_page.values("live_revision_id")[:1]),
            target_id=Subquery(target_page.values("pk")[:1]),
            target_title=Subquery(target_page.values("title")[:1]),
        )
        .filter(current__isnull=False, target_id__isnull=False)
        # A NULL source_revision (never caught up) stays in: Django's exclude keeps NULLs.
        .exclude(source_revision_id=F("current"))
    )
    if codes is not None:
        versions = versions.filter(translation__target_locale__language_code__in=codes)
    rows = list(
        versions.order_by("published_at", "pk").values(
            "target_id", "target_title", "translation__target_locale__language_code", "published_at"
        )[:limit]
    )
    count = versions.count() if len(rows) == limit else len(rows)
    return WorkList(
        count=count,
        items=[
            WorkItem(
                title=row["target_title"],
                url=reverse("wagtailadmin_pages:edit", args=[row["target_id"]]),
                language=row["translation__target_locale__language_code"],
            )
            for row in rows
        ],
    )
