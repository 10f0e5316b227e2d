from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from wagtail.models import Page

from languages import registry

from ..services.access import DENY, target_locale_code
from ..services.review import ReviewError, submit_for_review


def submit_page_for_review(request, page_id: int):
    """GET asks for confirmation; POST saves a draft and starts language review."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.method != "POST":
        return render(
            request, "translations/confirm_review.html", {"page": page, "page_title": _("Language review")}
        )
    try:
        submit_for_review(page=page, user=request.user)
    except ReviewError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("“%(title)s” was sent for language review.") % {"title": page.title})
    return redirect("wagtailadmin_pages:edit", page.pk)


def text_direction(request):
    """lang/dir/font for the admin screen at ?path=: the editor JS asks this."""
    path = request.GET.get("path", "")
    try:
        match = resolve(path)
    except Resolver404:
        match = None
    code = target_locale_code(match, request) if path.startswith("/admin/") else None
    if code in (None, DENY):
        return JsonResponse({"lang": None})
    try:
        language = registry.get(code)
    except KeyError:
        return JsonResponse({"lang": None})
    return JsonResponse({"lang": language.bcp47, "dir": language.direction, "font": language.font_family})
