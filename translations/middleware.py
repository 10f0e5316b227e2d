"""403 for locale-bound users acting on another locale anywhere in the admin.

See translations.services.access. Must come after AuthenticationMiddleware.
"""

from django.http import HttpResponseForbidden
from django.urls import Resolver404, resolve

from .services.access import target_locale_code, user_may_act
from .services.roles import locale_access


class LocaleGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and request.path.startswith("/admin/")
            and locale_access(user).restricted
        ):
            try:
                match = resolve(request.path_info)
            except Resolver404:
                match = None
            code = target_locale_code(match, request)
            if not user_may_act(user, code):
                return HttpResponseForbidden(
                    "Your translation roles do not cover this language.", content_type="text/plain; charset=utf-8"
                )
        return self.get_response(request)
