"""Admin wiring of the stories app: the PIB release import."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls_admin
from .views.release_import import user_may_import


class ReleaseImportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_may_import(request.user)


@hooks.register("register_admin_urls")
def register_release_import_urls():
    return [path("import-release/", include(urls_admin, namespace="stories_release_import"))]


@hooks.register("register_admin_menu_item")
def register_release_import_menu_item():
    return ReleaseImportMenuItem(
        _("Import PIB release"), reverse("stories_release_import:upload"), icon_name="upload", order=8940
    )
