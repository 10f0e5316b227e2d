"""The beacon: pages stay cacheable, and the reader's browser reports the
view with one small POST after the page is actually shown."""

from django.http import HttpResponseForbidden, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.readonly import tolerate_read_only
from languages.formatting import format_number

from .bots import is_countable
from .selectors import countable_page, view_count
from .services import record_view
from .throttle import retry_after


def _same_origin(request) -> bool:
    site = request.META.get("HTTP_SEC_FETCH_SITE")
    if site and site not in {"same-origin", "none"}:
        return False
    origin = request.META.get("HTTP_ORIGIN")
    return not origin or origin.split("://", 1)[-1] == request.get_host()


@csrf_exempt  # a cached page carries no CSRF token; the beacon changes nothing but a counter
@require_POST
@never_cache
def hit(request, page_id: int):
    if not _same_origin(request):
        return HttpResponseForbidden("cross-site beacon refused")
    page = countable_page(page_id=page_id)
    if page is None:
        return JsonResponse({"error": f"no live page with id {page_id}"}, status=404)
    counted = is_countable(request)
    if counted:
        wait = retry_after(request)
        if wait is not None:
            response = JsonResponse({"error": "too many views reported from this address"}, status=429)
            response["Retry-After"] = str(wait)
            return response
    if counted:
        counted = False
        with tolerate_read_only("visitor counts"):  # read-only database: show, do not count
            views = record_view(page_id=page.pk)
            counted = True
    if not counted:
        views = view_count(page_id=page.pk)
    return JsonResponse(
        {"views": views, "display": format_number(views, page.locale.language_code), "counted": counted}
    )
