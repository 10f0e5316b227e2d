"""The admin dashboard's warning when background work is not happening."""

from __future__ import annotations

from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from . import conf
from .selectors import queue_state
from .views import VIEW_PERMISSION


class BackgroundWorkPanel(Component):
    name = "background_work"
    template_name = "operations/background_work_panel.html"
    order = 50  # above Wagtail's own panels

    def __init__(self, *, problems: list[str], show_report: bool):
        self.problems = problems
        self.show_report = show_report

    def get_context_data(self, parent_context=None):
        return {"problems": self.problems, "show_report": self.show_report}


def problems_now() -> list[str]:
    now = timezone.now()
    state = queue_state(now=now)
    problems = []
    if not state.fresh_workers:
        if state.last_seen is None:
            problems.append(_("No background worker is running."))
        else:
            problems.append(
                _("No background worker is running: the last one was seen %(ago)s ago.")
                % {"ago": timesince(state.last_seen, now)}
            )
    if state.waiting_for(now) > conf.queue_age_warning():
        problems.append(
            _("The oldest waiting background task has waited %(ago)s.")
            % {"ago": timesince(state.oldest_waiting_since, now)}
        )
    if problems:
        problems.append(
            _(
                "Until a worker runs the queue, story PDFs are not made, submissions for translation "
                "are not carried out, and search and e-mail updates wait."
            )
        )
    return problems


def construct_panel(request, panels) -> None:
    problems = problems_now()
    if problems:
        panels.append(
            BackgroundWorkPanel(problems=problems, show_report=request.user.has_perm(VIEW_PERMISSION))
        )
