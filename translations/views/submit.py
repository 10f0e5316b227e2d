"""Submit a story or a taxonomy snippet to languages (enqueue only)."""

from __future__ import annotations

from django.apps import apps
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page, TranslatableMixin

from ..forms import LocalesForm
from ..services.submission import SubmissionError, enqueue_submission

SUBMIT_PERMISSION = "wagtail_localize.submit_translation"


def _submit(request, *, instance, is_page: bool, back_url: str):
    if not request.user.has_perm(SUBMIT_PERMISSION):
        raise PermissionDenied
    # ?locale=ta ticks a language in advance (the status report's "submit" cells).
    form = LocalesForm(
        request.POST or None,
        exclude_code=instance.locale.language_code,
        initial={"locales": request.GET.getlist("locale")},
    )
    if request.method == "POST" and form.is_valid():
        codes = list(form.cleaned_data["locales"]) or None
        try:
            enqueue_submission(
                pages=[instance] if is_page else [],
                snippets=[] if is_page else [instance],
                locale_codes=codes,
                user=request.user,
            )
        except SubmissionError as error:
            form.add_error("locales", str(error))
        else:
            messages.success(
                request,
                _("“%(title)s” was queued for translation into %(count)d language(s).")
                % {"title": instance, "count": len(codes or form.fields["locales"].choices)},
            )
            return redirect(back_url)
    return render(
        request,
        "translations/submit.html",
        {"form": form, "instance": instance, "back_url": back_url, "page_title": _("Submit for translation")},
    )


def submit_page(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return _submit(
        request, instance=page, is_page=True, back_url=reverse("wagtailadmin_pages:edit", args=[page.pk])
    )


def submit_snippet(request, app_label: str, model_name: str, pk: str):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise PermissionDenied from error
    if not issubclass(model, TranslatableMixin):
        raise PermissionDenied
    instance = get_object_or_404(model, pk=unquote(pk))
    back = reverse(f"wagtailsnippets_{app_label}_{model_name}:list")
    return _submit(request, instance=instance, is_page=False, back_url=back)
