"""404 and 500 pages in the reader's language.

The language comes from the URL prefix when it names a content language
(/hi/missing/ -> Hindi), otherwise from what LocaleMiddleware chose from
Accept-Language. An unknown prefix (/xx/) is a plain 404."""

from __future__ import annotations

import sys

from django.conf import settings
from django.http import HttpResponseNotFound, HttpResponseServerError
from django.template import loader
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token

from core.readonly import is_read_only_error, read_only_response
from languages import registry


def reader_language(request) -> registry.Language:
    first_segment = request.path_info.lstrip("/").split("/", 1)[0]
    codes = {code for code, _name in settings.LANGUAGES}
    if first_segment in codes:
        return registry.get(first_segment)
    active = translation.get_language() or registry.DEFAULT_CODE
    try:
        return registry.get(active)
    except KeyError:
        return registry.get(registry.DEFAULT_CODE)


@requires_csrf_token
def page_not_found(request, exception=None):
    language = reader_language(request)
    with translation.override(language.code):
        body = loader.render_to_string(
            "404.html", {"current_language": language, "request_path": request.path}, request=request
        )
    return HttpResponseNotFound(body)


@requires_csrf_token
def server_error(request):
    """Rendered without the request context: nothing here may touch the
    database, which may be what failed. A write refused by a read-only
    database outside any view (a session saved by middleware) is a 503."""
    if is_read_only_error(sys.exc_info()[1]):
        return read_only_response(request)
    language = reader_language(request)
    with translation.override(language.code):
        body = loader.render_to_string("500.html", {"current_language": language})
    return HttpResponseServerError(body)


def serve_page(request, path):
    """Wagtail's page view, with its route found in one query per level.

    Wagtail's ``route_for_request`` reads the Site, the active Locale, the
    root's translation and then its specific page before the home page's own
    ``route`` runs. Here the Site comes from ``core.sites`` and the home page
    in the URL's language from one query (the site root where that language
    has no live home page, as Wagtail's ``localized`` does); the route is left
    where Wagtail's view reads it (``request._wagtail_route_for_request``).
    A site whose root is not a HomePage is routed by Wagtail as before."""
    from wagtail import views as wagtail_views

    from .routing import prepare_route

    prepare_route(request, path)
    return wagtail_views.serve(request, path)
