"""Admin wiring: Reports → Background tasks, and the dashboard warning."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .panels import construct_panel
from .views import VIEW_PERMISSION


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("reports/background-tasks/", include(urls, namespace="operations"))]


class TaskReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_task_report():
    return TaskReportMenuItem(
        _("Background tasks"), reverse("operations:task_report"), icon_name="warning", order=9100
    )


hooks.register("construct_homepage_panels", construct_panel)
