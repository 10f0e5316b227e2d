from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet, SnippetViewSetGroup

from . import services
from .models import ApiKey, Partner
from .views import PickupReportView


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    list_display = ["name", "languages", "may_see_embargoed", "created_at"]
    search_fields = ["name", "contact"]


class IssueKeyView(CreateView):
    """Creating a key shows its secret once, on the page after saving."""

    def save_instance(self):
        self.plaintext = services.arm_key(self.form.instance)
        return super().save_instance()

    def save_action(self):
        return TemplateResponse(
            self.request,
            "syndication/admin/key_issued.html",
            {
                "api_key": self.object,
                "plaintext": self.plaintext,
                "listing_url": reverse(self.index_url_name),
                "header_title": _("API key issued"),
            },
        )


class ApiKeyViewSet(SnippetViewSet):
    model = ApiKey
    icon = "key"
    add_view_class = IssueKeyView
    list_display = ["partner", "prefix", "label", "created_at", "expires_at", "revoked_at", "last_used_at"]
    list_filter = ["partner"]


class SyndicationGroup(SnippetViewSetGroup):
    menu_label = _("Syndication")
    menu_icon = "globe"
    menu_order = 260
    items = (PartnerViewSet, ApiKeyViewSet)


register_snippet(SyndicationGroup)


@hooks.register("register_admin_urls")
def _report_urls():
    return [
        path("reports/syndication-pickups/", PickupReportView.as_view(), name="syndication_pickup_report"),
        path(
            "reports/syndication-pickups/results/",
            PickupReportView.as_view(results_only=True),
            name="syndication_pickup_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def _report_menu_item():
    return AdminOnlyMenuItem(
        _("Syndication pickups"), reverse("syndication_pickup_report"), icon_name="globe", order=900
    )
