"""Reports → Background tasks: failed tasks and stuck ones, with a Retry button."""

from __future__ import annotations

import datetime as dt
import inspect
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from .selectors import failed_and_stuck_tasks
from .services.recovery import attempts
from .services.retry import NotRetryable, retry_task

VIEW_PERMISSION = "operations.view_task_report"
RETRY_PERMISSION = "operations.retry_task"


@dataclass(frozen=True)
class TaskRow:
    id: str
    task_name: str
    arguments: str
    page_id: int | None
    page_title: str
    status: str
    error: str
    attempts: int
    when: dt.datetime


def page_id_of(result) -> int | None:
    """The `page_id` argument of the task, if it has one (printing's render_story_pdfs does)."""
    try:
        bound = inspect.signature(result.task.func).bind_partial(
            *result.args_kwargs["args"], **result.args_kwargs["kwargs"]
        )
    except Exception:  # the task is gone, or its signature changed: no link
        return None
    value = bound.arguments.get("page_id")
    return value if isinstance(value, int) else None


def last_line(text: str) -> str:
    lines = [line for line in (text or "").strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else ""


def rows_for(results) -> list[TaskRow]:
    page_ids = {result.pk: page_id_of(result) for result in results}
    titles = dict(Page.objects.filter(pk__in={p for p in page_ids.values() if p}).values_list("pk", "title"))
    arguments = lambda r: ", ".join(  # noqa: E731
        [repr(a) for a in r.args_kwargs["args"]] + [f"{k}={v!r}" for k, v in r.args_kwargs["kwargs"].items()]
    )
    return [
        TaskRow(
            id=str(result.pk),
            task_name=result.task_name,
            arguments=arguments(result)[:120],
            page_id=page_ids[result.pk],
            page_title=titles.get(page_ids[result.pk], ""),
            status=result.status,
            error=last_line(result.traceback) or result.exception_class_path,
            attempts=attempts(result),
            when=result.finished_at or result.started_at or result.enqueued_at,
        )
        for result in results
    ]


class TaskReportView(ReportView):
    page_title = _("Background tasks")
    header_icon = "warning"
    index_url_name = "operations:task_report"
    index_results_url_name = "operations:task_report_results"
    results_template_name = "operations/task_report_results.html"
    paginate_by = 50
    list_export = ["task_name", "arguments", "page_id", "status", "error", "attempts", "when"]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return failed_and_stuck_tasks()

    def decorate_paginated_queryset(self, object_list):
        return rows_for(list(object_list))

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "may_retry": self.request.user.has_perm(RETRY_PERMISSION),
        }


@require_POST
def retry(request, result_id):
    if not request.user.has_perm(RETRY_PERMISSION):
        raise PermissionDenied
    try:
        retry_task(result_id=str(result_id), user=request.user)
    except NotRetryable:
        messages.error(
            request, _gettext("That task cannot be retried: it is not failed, or no longer exists.")
        )
    else:
        messages.success(request, _gettext("The task is queued again."))
    return redirect("operations:task_report")
