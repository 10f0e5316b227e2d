"""Admin report: per story and language, who fetched it and who printed it."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Partner
from .selectors import pickup_report_rows


class PickupReportView(ReportView):
    page_title = _("Syndication pickups")
    header_icon = "globe"
    index_url_name = "syndication_pickup_report"
    index_results_url_name = "syndication_pickup_report_results"
    permission_policy = ModelPermissionPolicy(Partner)
    any_permission_required = ["add", "change", "delete", "view"]
    columns = [
        Column("release_id", label=_("Release ID")),
        Column("language", label=_("Language")),
        Column("headline", label=_("Headline")),
        Column("fetched_by", label=_("Fetched by")),
        Column("fetch_count", label=_("Fetches")),
        Column("printed_by", label=_("Printed by")),
    ]
    list_export = ["release_id", "language", "headline", "fetched_by", "fetch_count", "printed_by"]
    export_headings = {
        "release_id": _("Release ID"),
        "language": _("Language"),
        "headline": _("Headline"),
        "fetched_by": _("Fetched by"),
        "fetch_count": _("Fetches"),
        "printed_by": _("Printed by"),
    }

    def get_queryset(self):
        release_id = self.request.GET.get("release_id", "")
        return pickup_report_rows(
            release_id=int(release_id) if release_id.isdecimal() and len(release_id) < 19 else None,
            language=self.request.GET.get("lang") or None,
        )

    def filter_queryset(self, queryset):
        return queryset
