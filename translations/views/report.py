"""Reports → Translation status: stories x languages, on Wagtail's ReportView
(filter drawer, pagination, CSV/XLSX export). The queries are the selectors'."""

from __future__ import annotations

import datetime
from collections import OrderedDict

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import ReportView

from ..filters import StatusReportFilterSet
from ..selectors import (
    STORY_FIELDS,
    language_completion,
    report_locales,
    source_stories,
    status_matrix,
    stories_with_status,
)
from ..services.groups import locale_access
from ..services.roles import enabled_codes
from . import matrix

FIRST_COLUMNS = ("page_id", "title", "locale_code")


def locales_for(user, *, language: str = ""):
    """The languages `user` may see in the report: their own if locale-bound."""
    access = locale_access(user)
    return report_locales(
        codes=enabled_codes(), allowed=access.codes if access.restricted else None, language=language
    )


class TranslationStatusReportView(ReportView):
    page_title = _("Translation status")
    header_icon = "table"
    index_url_name = "odop_translations:status_report"
    index_results_url_name = "odop_translations:status_report_results"
    results_template_name = "translations/status_report_results.html"
    filterset_class = StatusReportFilterSet
    paginate_by = 100
    export_headings = {"page_id": _("Story ID"), "title": _("Headline"), "locale_code": _("Source language")}

    def get_filterset_kwargs(self):
        # The filters only clean values (see get_queryset); they filter nothing themselves.
        return {**super().get_filterset_kwargs(), "queryset": source_stories().none()}

    @cached_property
    def filter_values(self) -> dict:
        return self.filters.values() if self.filters else {}

    @cached_property
    def locales(self):
        return locales_for(self.request.user, language=self.filter_values.get("language") or "")

    @property
    def list_export(self):
        return [*FIRST_COLUMNS, *(locale.language_code for locale in self.locales)]

    def get_filename(self):
        return f"translation-status-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        values = self.filter_values
        access = locale_access(self.request.user)
        stories = source_stories(
            state=values.get("state"),
            sector=values.get("sector"),
            search=values.get("q") or "",
            story_id=values.get("story"),
            locale_codes=access.codes if access.restricted else None,
        )
        if values.get("status"):
            stories = stories_with_status(stories, locales=self.locales, status=values["status"])
        self._stories = stories
        self._story_keys = stories.values("translation_key")
        return stories.values(*STORY_FIELDS)

    def get_filtered_queryset(self):
        return self.get_queryset()

    def decorate_paginated_queryset(self, object_list):
        # All rows for an export (keys as a subquery), one page otherwise.
        keys = self._story_keys if self.is_export else None
        rows = status_matrix(list(object_list), locales=self.locales, story_keys=keys)
        if not self.is_export:
            matrix.decorate(rows, user=self.request.user, access=locale_access(self.request.user))
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = context.get("paginator")
        total = paginator.count if paginator else len(context.get("object_list") or ())
        done = language_completion(self._stories, locales=self.locales) if total else {}
        return {
            **context,
            "locales": self.locales,
            "columns": matrix.columns(self.locales),
            "completion": matrix.completion_row(self.locales, done, total),
            "legend": matrix.legend(),
        }

    def to_row_dict(self, item):
        row = OrderedDict((field, getattr(item, field)) for field in FIRST_COLUMNS)
        row.update((cell.locale_code, cell.label) for cell in item.cells)
        return row
