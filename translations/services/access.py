"""Locale guard: translators and reviewers work only in their own locales.

Page permissions (GroupPagePermission on each locale's home page) already
keep a Tamil translator out of the Hindi tree in Wagtail's page views. This
adds the same rule where model-level permissions cannot say it: snippets
(State, District... are one model for all locales), wagtail-localize's own
views and REST endpoints, and the admin API. `target_locale_code` works out
which locale a request acts on; the middleware and hooks refuse it with 403.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.models import Translation, TranslationSource

from .groups import locale_access

DENY = "__deny__"  # the request is refused for every locale-bound user


def _page_locale(page_id) -> str | None:
    return Page.objects.filter(pk=page_id).values_list("locale__language_code", flat=True).first()


def _translation_locale(translation_id) -> str | None:
    return (
        Translation.objects.filter(pk=translation_id)
        .values_list("target_locale__language_code", flat=True)
        .first()
    )


def _snippet_locale(model, pk) -> str | None:
    if model is None or not issubclass(model, TranslatableMixin):
        return None
    return model.objects.filter(pk=unquote(str(pk))).values_list("locale__language_code", flat=True).first()


def _snippet_model_from_namespace(namespace: str):
    # wagtailsnippets_taxonomy_district -> taxonomy.District
    prefix = "wagtailsnippets_"
    for part in namespace.split(":"):
        if part.startswith(prefix):
            label = part[len(prefix) :]
            for model in apps.get_models():
                if f"{model._meta.app_label}_{model._meta.model_name}" == label:
                    return model
    return None


def _digits(value: str | None) -> int | None:
    return int(value) if value and value.isdecimal() else None


# Our views that check the locale of each thing they touch themselves.
SELF_CHECKING_VIEWS = {"po_import_story", "po_import", "po_export"}


def _localize_target(url_name: str, kwargs: dict, request) -> str | None:
    if url_name in SELF_CHECKING_VIEWS:
        return None
    if "translation_id" in kwargs:
        return _translation_locale(kwargs["translation_id"])
    if "translation_source_id" in kwargs:
        # Syncing a source rewrites every locale's translation: not for locale-bound users.
        return DENY if TranslationSource.objects.filter(pk=kwargs["translation_source_id"]).exists() else None
    if "page_id" in kwargs:
        return _page_locale(kwargs["page_id"])
    if "app_label" in kwargs and "model_name" in kwargs:
        try:
            model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
        except LookupError:
            return None
        if "pk" in kwargs:
            return _snippet_locale(model, kwargs["pk"])
        return request.GET.get("locale") or None
    return None


def target_locale_code(match, request) -> str | None:
    """The locale code a resolved admin request acts on, DENY, or None."""
    if match is None:
        return None
    namespaces = match.namespaces
    kwargs = match.kwargs
    if "wagtail_localize" in namespaces or "odop_translations" in namespaces:
        return _localize_target(match.url_name, kwargs, request)
    if "wagtailadmin_pages" in namespaces or "wagtailadmin_api" in ":".join(namespaces):
        page_id = (
            kwargs.get("page_id")
            or kwargs.get("parent_page_id")
            or kwargs.get("pk")
            or _digits(request.GET.get("child_of") or request.GET.get("descendant_of"))
        )
        return _page_locale(page_id) if page_id else None
    if any(ns.startswith("wagtailsnippets_") for ns in namespaces):
        model = _snippet_model_from_namespace(match.namespace)
        if "pk" in kwargs:
            return _snippet_locale(model, kwargs["pk"])
        if match.url_name in {"add", "create"} and model is not None and issubclass(model, TranslatableMixin):
            return request.GET.get("locale") or Locale.get_default().language_code
    return None


def user_may_act(user, code: str | None) -> bool:
    if code is None:
        return True
    access = locale_access(user)
    if code == DENY:
        return not access.restricted
    return access.allows(code)


def require_locale(user, code: str | None) -> None:
    if not user_may_act(user, code):
        raise PermissionDenied(f"Your translation roles do not cover the locale {code!r}.")
