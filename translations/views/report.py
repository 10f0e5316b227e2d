"""Reports → Translation status: stories x languages, on Wagtail's ReportView
(filter drawer, pagination, CSV/XLSX export). The queries are the selectors'."""

from __future__ import annotations

import csv
import datetime
from collections import OrderedDict

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.mixins import Echo
from wagtail.admin.views.reports import ReportView

from ..filters import StatusReportFilterSet
from ..selectors import (
    STORY_FIELDS,
    ReportQuery,
    Status,
    iter_status_matrix,
    report_locales,
    report_stories,
    source_stories,
    status_matrix,
)
from ..services.groups import locale_access
from ..services.roles import enabled_codes
from ..summary_cache import cached_status_summary
from . import matrix

FIRST_COLUMNS = ("page_id", "title", "locale_code")


class RowsPaginator(WagtailPaginator):
    """Wagtail's paginator, without cutting the last page at `count`. The count
    is the totals' (summary_cache), which may be the last one counted while
    the worker counts again; a page's rows are always read afresh, so a story
    added since is listed all the same (no orphans here)."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        return self._get_page(self.object_list[bottom : bottom + self.per_page], number, self)


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
    paginator_class = RowsPaginator
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
        state, sector = values.get("state"), values.get("sector")
        self.report_query = ReportQuery(
            state_key=str(state.translation_key) if state is not None else None,
            sector_key=str(sector.translation_key) if sector is not None else None,
            search=values.get("q") or "",
            story_id=int(values["story"]) if values.get("story") is not None else None,
            locale_codes=tuple(sorted(access.codes)) if access.restricted else None,
            status=values.get("status") or "",
        )
        return report_stories(self.report_query, locales=self.locales).values(*STORY_FIELDS)

    def get_filtered_queryset(self):
        return self.get_queryset()

    @cached_property
    def summary(self):
        """Stories and per-language completion over every filtered story
        (aggregates, cached between requests until something changes)."""
        return cached_status_summary(self.report_query, locales=self.locales)

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
            "totals_counted_at": self.summary.counted_at,
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
