"""Input limits: one setting each, read when used, and one error naming it.

Every limit is a `LIMIT_*` setting (or Wagtail's own `WAGTAILIMAGES_MAX_*`) in
the "Input limits" block of cms/settings/base.py, overridable from the
environment; the README lists them. Each door checks its input against them
before writing anything: `check(...)` raises `LimitExceeded`, a
ValidationError whose message names what was measured, its value, the limit
and the setting, so an editor, a partner and an operator all read the same
sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

TAG = re.compile(r"<[^>]*>")


def limit(setting: str) -> int:
    """The value of one limit setting; a missing one is a configuration error."""
    return int(getattr(settings, setting))


class LimitExceeded(ValidationError):
    """`what` measured `value` `unit`, over `limit` (the `setting`)."""

    def __init__(self, *, setting: str, value: int, what: str, unit: str = "", field: str | None = None):
        self.setting = setting
        self.limit = limit(setting)
        self.value = value
        self.what = what
        self.field = field
        message = _("%(what)s: %(value)s%(unit)s is over the limit of %(limit)s%(unit)s (%(setting)s)") % {
            "what": what,
            "value": f"{value:,}",
            "unit": f" {unit}" if unit else "",
            "limit": f"{self.limit:,}",
            "setting": setting,
        }
        super().__init__({field: [message]} if field else message, code="limit_exceeded")

    def __str__(self) -> str:
        return self.messages[0]


def check(setting: str, value: int, *, what: str, unit: str = "", field: str | None = None) -> None:
    """Raise LimitExceeded when `value` is over the limit `setting` names."""
    if value > limit(setting):
        raise LimitExceeded(setting=setting, value=value, what=what, unit=unit, field=field)


def text_length(value) -> int:
    """Characters of text in a value: a string (tags stripped), or the strings
    nested in lists and dicts (a StreamField's raw data)."""
    if isinstance(value, str):
        return len(TAG.sub("", value)) if "<" in value else len(value)
    if isinstance(value, dict):
        return sum(text_length(item) for key, item in value.items() if key not in {"id", "type"})
    if isinstance(value, Iterable):
        return sum(text_length(item) for item in value)
    return 0


def query_text(value: str | None, *, setting: str, what: str) -> str:
    """A query string parameter no longer than its limit, NUL-free."""
    if value is None:
        return ""
    if "\x00" in value:
        raise ValidationError(_("%(what)s: must not contain NUL characters") % {"what": what})
    check(setting, len(value), what=what, unit=_("characters"))
    return value
