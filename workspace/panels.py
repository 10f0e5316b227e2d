"""The dashboard panels of each role (Wagtail's construct_homepage_panels)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from core import work
from languages import registry

from . import selectors

ORDER = 60  # below operations' warning (50), above Wagtail's own panels (100+)


class WorkPanel(Component):
    template_name = "workspace/work_panel.html"

    def __init__(self, *, name: str, heading: str, work_list: work.WorkList, order: int):
        self.name = name
        self.heading = heading
        self.work_list = work_list
        self.order = order

    def get_context_data(self, parent_context=None):
        return {
            "panel_id": f"workspace-{self.name.replace('_', '-')}",
            "heading": f"{self.heading} ({self.work_list.count})",
            "count": self.work_list.count,
            "items": [
                {"item": item, "language": _language_name(item.language)} for item in self.work_list.items
            ],
        }


def _language_name(code: str) -> str:
    if not code:
        return ""
    try:
        return registry.get(code).native_name
    except KeyError:
        return code


def _feature_list(key: str, *, codes) -> work.WorkList | None:
    fetch = work.work_list(key)
    return fetch(codes=codes, limit=selectors.LIMIT) if fetch else None


def panels_for(user) -> list[tuple[str, str, work.WorkList]]:
    """(name, heading, work list) for each panel the user's roles call for."""
    now = timezone.now()
    languages = work.user_languages(user)
    found: list[tuple[str, str, work.WorkList | None]] = [
        ("notifications", _("Notifications"), selectors.recent_notifications(user=user, now=now))
    ]
    if languages.editorial:
        found += [
            ("my_drafts", _("My drafts"), selectors.my_drafts(user=user)),
            ("editorial_review", _("In editorial review"), selectors.in_editorial_review()),
            ("scheduled", _("Scheduled and embargoed"), selectors.scheduled_and_embargoed(now=now)),
            ("recently_published", _("Published in the last 7 days"), selectors.recently_published(now=now)),
            ("failed_pdfs", _("Failed PDFs"), _feature_list("failed_pdfs", codes=None)),
            ("pickups", _("Newspaper pickups, last 7 days"), _feature_list("pickups", codes=None)),
        ]
    if languages.translator_codes and not languages.editorial:
        codes = languages.translator_codes
        found += [
            ("waiting", _("Waiting for my languages"), selectors.waiting_for_languages(codes=codes)),
            (
                "outdated",
                _("My translations that are out of date"),
                _feature_list("outdated_translations", codes=codes),
            ),
            ("returned", _("Returned from review"), selectors.returned_from_review(codes=codes)),
            ("machine", _("Machine translations to check"), selectors.machine_drafts(codes=codes)),
        ]
    if languages.reviewer_codes:
        found.append(
            (
                "awaiting_review",
                _("Awaiting my review, oldest first"),
                selectors.awaiting_review(user=user, codes=languages.reviewer_codes),
            )
        )
    return [(name, heading, work_list) for name, heading, work_list in found if work_list is not None]


def construct_panel(request, panels) -> None:
    for index, (name, heading, work_list) in enumerate(panels_for(request.user)):
        panels.append(WorkPanel(name=name, heading=heading, work_list=work_list, order=ORDER + index))
