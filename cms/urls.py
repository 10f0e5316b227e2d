from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.images.views.serve import ServeView

from core.health import healthz
from home.sitemaps import MultilingualSitemap
from home.views import serve_page

urlpatterns = [
    # Load balancers and the systemd units (deploy/) probe this: 200 or 503, never cached.
    path("healthz", healthz, name="healthz"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}),
    path("visitors/", include("visitors.urls")),
    # Syndication: the partner API, and signed image renditions it links to.
    path("api/v1/", include("syndication.urls")),
    re_path(r"^images/([^/]*)/(\d*)/([^/]*)/[^/]*$", ServeView.as_view(), name="wagtailimages_serve"),
]

# Error pages in the reader's language (home.views).
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under its language prefix: /en/, /hi/, /ur/ ...
urlpatterns += i18n_patterns(
    path("feeds/", include("syndication.feed_urls")),
    path("search/", include("search.urls")),
    # The newspaper portal: partners sign in, browse and download (syndication.portal).
    path("partners/", include("syndication.portal_urls")),
    # Wagtail's page view with a cheaper route (home.routing); its _util/ views stay Wagtail's.
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", serve_page, name="serve_page"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
