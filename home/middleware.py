import re

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation

# A first path segment shaped like a language code: "xx", "pt-br", "kok".
LANGUAGE_SHAPED = re.compile(r"^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?$", re.IGNORECASE)
NOT_LANGUAGES = {"api", "cms", "css", "img", "js"}


def unknown_language_prefix(path: str) -> bool:
    first = path.lstrip("/").split("/", 1)[0]
    codes = {code for code, _name in settings.LANGUAGES}
    return (
        bool(LANGUAGE_SHAPED.match(first))
        and first.lower() not in codes
        and first.lower() not in NOT_LANGUAGES
    )


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that /xx/... (a language we do not publish) is a 404
    in the reader's language rather than a redirect to /en/xx/..."""

    def process_response(self, request, response):
        if response.status_code == 404 and unknown_language_prefix(request.path_info):
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        if response.status_code == 404 and getattr(request, "resolver_match", None) is not None:
            # A view outside the language prefixes (the visitor beacon) said
            # 404 itself: that is the answer, not a missing /en/.
            return response
        return super().process_response(request, response)
