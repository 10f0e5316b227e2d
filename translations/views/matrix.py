"""How the status report's matrix looks and where each cell leads: a symbol
and a colour per state (never colour alone), the column headings in each
language's own script, the completion row, and for each cell the one action
that moves it on, if this user may take it. Plain values for a dumb template."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from languages import registry

from ..selectors import Cell, Status, StoryRow
from ..services.groups import MODERATORS, LocaleAccess

SUBMIT_PERMISSION = "wagtail_localize.submit_translation"

# One symbol per state; the colour (status-matrix.css) only repeats it.
SYMBOLS = {
    Status.SOURCE: "◆",
    Status.NOT_REQUESTED: "·",
    Status.IN_PROGRESS: "✎",
    Status.AWAITING_REVIEW: "⚑",
    Status.CURRENT: "✓",
    Status.PARTIAL: "◐",
    Status.OUTDATED: "↻",
}

ACTIONS = {
    "submit": _("Submit for translation"),
    "translate": _("Translate"),
    "review": _("Review"),
    "view": _("View"),
}


@dataclass(frozen=True)
class Column:
    code: str
    native_name: str
    name: str
    direction: str


@dataclass(frozen=True)
class Completion:
    code: str
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def columns(locales) -> list[Column]:
    out = []
    for locale in locales:
        language = registry.get(locale.language_code)
        out.append(Column(language.code, language.native_name, language.name, language.direction))
    return out


def legend() -> list[tuple[str, str, str]]:
    """(status, symbol, label) for every state, in the report's order."""
    return [(status.value, SYMBOLS[status], status.label) for status in Status]


def completion_row(locales, done: dict[int, int], total: int) -> list[Completion]:
    return [Completion(locale.language_code, done.get(locale.pk, 0), total) for locale in locales]


class CellLinks:
    """The action for a cell, from the user's role, with URLs made by
    formatting one reversed pattern (not one reverse() per cell)."""

    def __init__(self, user, access: LocaleAccess):
        self.edit = reverse("wagtailadmin_pages:edit", args=[0]).replace("/0/", "/{}/")
        self.submit = reverse("odop_translations:submit_page", args=[0]).replace("/0/", "/{}/") + "?locale={}"
        self.can_submit = not access.restricted and user.has_perm(SUBMIT_PERMISSION)
        self.all_locales = not access.restricted
        self.codes = access.codes
        self.reviewer_codes = access.reviewer_codes
        self.reviews_everything = user.is_superuser or MODERATORS in access.group_names

    def action(self, cell, story_id: int) -> tuple[str, str]:
        """(action, href), or ("", "") when this user can do nothing here."""
        status, code, page_id = cell.status, cell.locale_code, cell.page_id
        may_work = self.all_locales or code in self.codes
        if status == Status.NOT_REQUESTED:
            return ("submit", self.submit.format(story_id, code)) if self.can_submit else ("", "")
        if page_id is None or not may_work:
            return "", ""
        if status in (Status.IN_PROGRESS, Status.OUTDATED, Status.PARTIAL):
            return "translate", self.edit.format(page_id)
        if status == Status.AWAITING_REVIEW and (self.reviews_everything or code in self.reviewer_codes):
            return "review", self.edit.format(page_id)
        return "view", self.edit.format(page_id)


@dataclass(frozen=True)
class Row:
    """A story's row as the report shows it: its cells (decorated) and their
    markup, made here in one string, not by the template 23 times a row."""

    page_id: int
    title: str
    locale_code: str
    cells: list[Cell]
    cells_html: SafeString


def cell_html(cell: Cell, label: str) -> str:
    """One <td>: the symbol, the percentage, the state for screen readers and,
    when the user may act, the link. `label` is the cell's label, translated."""
    label = escape(label)
    inner = f'<span aria-hidden="true">{cell.symbol}</span>'
    if cell.percent is not None:
        inner += f'<small aria-hidden="true">{cell.percent}</small>'
    if cell.href:
        action = escape(cell.action_label)
        inner = (
            f'<a class="odop-cell" href="{escape(cell.href)}" title="{label} — {action}">{inner}'
            f'<span class="w-sr-only">{label}: {action}</span></a>'
        )
    else:
        inner = (
            f'<span class="odop-cell" title="{label}">{inner}<span class="w-sr-only">{label}</span></span>'
        )
    return f'<td class="status-{cell.status}">{inner}</td>'


def decorate(rows: list[StoryRow], *, user, access: LocaleAccess) -> list[Row]:
    """Set symbol, action, action label and href on every cell of `rows`, and
    make each row's cells' markup."""
    links = CellLinks(user, access)
    labels = {status.value: str(status.label) for status in Status}
    action_labels = {action: str(label) for action, label in ACTIONS.items()}
    out = []
    for row in rows:
        html = []
        for cell in row.cells:
            cell.symbol = SYMBOLS[cell.status]
            cell.action, cell.href = links.action(cell, row.page_id)
            cell.action_label = action_labels[cell.action] if cell.action else ""
            label = labels[cell.status]
            html.append(cell_html(cell, f"{label} ({cell.percent}%)" if cell.percent is not None else label))
        out.append(Row(row.page_id, row.title, row.locale_code, row.cells, mark_safe("".join(html))))  # noqa: S308 (escaped above)
    return out
