"""Reports → Translation status: stories x languages, on Wagtail's ReportView
(filter drawer, pagination, CSV/XLSX export). The queries are the selectors'."""

from __future__ import annotations

import csv
import datetime
from collections import OrderedDict

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.mixins import Echo
from wagtail.admin.views.reports import ReportView

from ..filters import StatusReportFilterSet
from ..selectors import (
    STORY_FIELDS,
    Status,
    iter_status_matrix,
    report_locales,
    source_stories,
    status_matrix,
    stories_with_status,
)
from ..services.groups import locale_access
from ..services.roles import enabled_codes
from ..summary_cache import cached_status_summary
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
        return stories.values(*STORY_FIELDS)

    def get_filtered_queryset(self):
        return self.get_queryset()

    @cached_property
    def summary(self):
        """Stories and per-language completion over every filtered story
        (aggregates, cached between requests until something changes)."""
        return cached_status_summary(self._stories, locales=self.locales)

    def get_paginator(self, *args, **kwargs):
        paginator = super().get_paginator(*args, **kwargs)
        paginator.count = self.summary.total  # counted with the completion row: no COUNT(*) of its own
        return paginator

    def decorate_paginated_queryset(self, object_list):
        if self.is_export:
            # Every row, made chunk by chunk while the file streams out.
            return iter_status_matrix(object_list, locales=self.locales)
        rows = status_matrix(list(object_list), locales=self.locales)
        return matrix.decorate(rows, user=self.request.user, access=locale_access(self.request.user))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.is_export:
            return context
        paginator = context.get("paginator")
        total = paginator.count if paginator else len(context.get("object_list") or ())
        done = self.summary.done if total else {}
        return {
            **context,
            "locales": self.locales,
            "columns": matrix.columns(self.locales),
            "completion": matrix.completion_row(self.locales, done, total),
            "legend": matrix.legend(),
        }

    @cached_property
    def status_labels(self) -> dict[str, str]:
        return {status.value: str(status.label) for status in Status}

    def cell_label(self, cell) -> str:
        label = self.status_labels[cell.status]
        return f"{label} ({cell.percent}%)" if cell.percent is not None else label

    def to_row_dict(self, item):
        row = OrderedDict((field, getattr(item, field)) for field in FIRST_COLUMNS)
        row.update((cell.locale_code, self.cell_label(cell)) for cell in item.cells)
        return row

    def stream_csv(self, queryset):
        """Wagtail's CSV, without its per-value preprocessing (every value here
        is a number or a string): a row per story, written as it is made."""
        writer = csv.writer(Echo())
        yield writer.writerow([self.get_heading(queryset, field) for field in self.list_export])
        for row in queryset:
            yield writer.writerow(
                [row.page_id, row.title, row.locale_code, *(self.cell_label(cell) for cell in row.cells)]
            )
