"""cms.urls plus media files, for live-server browser tests (DEBUG is off)."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from cms.urls import handler404, handler500
from cms.urls import urlpatterns as site_urlpatterns


def media(request, path):
    # MEDIA_ROOT is read per request: each test has its own.
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", media),
    *site_urlpatterns,
]

__all__ = ["handler404", "handler500", "urlpatterns"]
