"""The stories x languages status report (Reports menu), with CSV export."""

from __future__ import annotations

import csv

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale

from ..forms import ReportFilterForm
from ..selectors import STORY_FIELDS, source_stories, status_matrix
from ..services.roles import enabled_codes

PER_PAGE = 100


class _Echo:
    def write(self, value):
        return value


def report_locales(language: str | None) -> list[Locale]:
    codes = enabled_codes()
    order = {code: index for index, code in enumerate(codes)}
    locales = sorted(Locale.objects.filter(language_code__in=codes), key=lambda loc: order[loc.language_code])
    return [loc for loc in locales if not language or loc.language_code == language]


def filtered_rows(form: ReportFilterForm, stories: QuerySet, locales: list[Locale]):
    """Every matching story's row (for CSV and the status filter)."""
    rows = status_matrix(
        list(stories.values(*STORY_FIELDS)), locales=locales, story_keys=stories.values("translation_key")
    )
    status = form.cleaned_data.get("status")
    if status:
        rows = [row for row in rows if any(cell.status == status for cell in row.cells)]
    return rows


def status_report(request):
    form = ReportFilterForm(request.GET or None)
    form.is_valid()
    data = form.cleaned_data if form.is_bound else {}
    stories = source_stories(state=data.get("state"), sector=data.get("sector"), search=data.get("q") or "")
    if data.get("story"):
        stories = stories.filter(pk=data["story"])
    locales = report_locales(data.get("language"))
    if request.GET.get("format") == "csv":
        return _csv(form if form.is_bound else _bound_empty(), stories, locales)
    if data.get("status"):
        # The status filter needs every row's cells; compute them all, then page.
        rows = filtered_rows(form, stories, locales)
        page = Paginator(rows, PER_PAGE).get_page(request.GET.get("p"))
        page_rows = page.object_list
    else:
        page = Paginator(stories.values(*STORY_FIELDS), PER_PAGE).get_page(request.GET.get("p"))
        page_rows = status_matrix(list(page.object_list), locales=locales)
    query = request.GET.copy()
    query.pop("p", None)
    return render(
        request,
        "translations/status_report.html",
        {
            "form": form,
            "rows": page_rows,
            "page_obj": page,
            "locales": locales,
            "query": query.urlencode(),
            "csv_query": (query.urlencode() + "&" if query else "") + "format=csv",
        },
    )


def _bound_empty() -> ReportFilterForm:
    form = ReportFilterForm({})
    form.is_valid()
    return form


def _csv(form, stories, locales):
    rows = filtered_rows(form, stories, locales)
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"  # Excel opens UTF-8 (Devanagari, Tamil, Urdu headlines) correctly with a BOM
        yield writer.writerow([_("Story ID"), _("Headline"), _("Source language"), *[loc.language_code for loc in locales]])
        for row in rows:
            yield writer.writerow([row.page_id, row.title, row.locale_code, *[cell.label for cell in row.cells]])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="translation-status.csv"'
    return response
