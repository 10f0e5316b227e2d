"""The admin's locale guard, and how a refused publish is reported.

- 403 for locale-bound users acting on another locale anywhere in the admin
  (see translations.services.access).
- Every admin write (POST, PUT, PATCH, DELETE) runs in one transaction. When
  the review gate refuses a publish (`PublishRefused`, raised wherever the
  publish happens: edit view, bulk action, workflow approval, wagtail-localize's
  views), the transaction is rolled back, so the page is left as it was, and
  the user gets the reason as an admin message on the page's edit view (or a
  403 JSON answer from the admin API, which DRF writes and rolls back itself).

Must come after AuthenticationMiddleware and before MessageMiddleware.
"""

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponseForbidden, JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.admin.modal_workflow import render_modal_workflow

from .services.access import target_locale_code, user_may_act
from .services.gate import PublishRefused
from .services.groups import locale_access

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def _admin_match(request):
    try:
        return resolve(request.path_info)
    except Resolver404:
        return None


class LocaleGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not request.path.startswith("/admin/"):
            return self.get_response(request)
        if locale_access(user).restricted:
            code = target_locale_code(_admin_match(request), request)
            if not user_may_act(user, code):
                return HttpResponseForbidden(
                    "Your translation roles do not cover this language.",
                    content_type="text/plain; charset=utf-8",
                )
        if request.method not in WRITE_METHODS:
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            if getattr(request, "_odop_publish_refused", False) or response.status_code >= 500:
                transaction.set_rollback(True)
        return response

    def process_exception(self, request, exception):
        if not isinstance(exception, PublishRefused) or not request.path.startswith("/admin/"):
            return None
        request._odop_publish_refused = True
        match = _admin_match(request)
        if match is not None and "wagtailadmin_api" in ":".join(match.namespaces):
            return JsonResponse({"detail": exception.reason, "code": "publish_refused"}, status=403)
        messages.error(request, exception.reason)
        target = _edit_url_of(request) or _safe_referer(request) or reverse("wagtailadmin_home")
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # Wagtail's workflow modal: close it and show the page with the message.
            return render_modal_workflow(
                request, "", None, {}, json_data={"step": "success", "redirect": target}
            )
        return redirect(target)


def _safe_referer(request) -> str | None:
    referer = request.META.get("HTTP_REFERER")
    if referer and url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()}):
        return referer
    return None


def _edit_url_of(request) -> str | None:
    """The edit view of the page a page view acted on."""
    match = _admin_match(request)
    if match is None or "wagtailadmin_pages" not in match.namespaces:
        return None
    page_id = match.kwargs.get("page_id") or match.kwargs.get("pk")
    return reverse("wagtailadmin_pages:edit", args=[int(page_id)]) if page_id else None
