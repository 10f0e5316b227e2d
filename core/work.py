"""What feature apps tell the admin dashboard (the `workspace` app) without
anyone importing anyone: a registry filled in AppConfig.ready(), like
`core.health.register_check`.

Two kinds of entry:

- a **work list** (`register_work_list(key, fetch)`): `fetch(*, codes, limit)`
  returns a `WorkList` (a count and the first `limit` items) for the language
  codes `codes` (None: every language). Translations adds
  ``outdated_translations``, printing ``failed_pdfs``, syndication ``pickups``.
- **people** (`register_people(find)` and `register_user_languages(read)`):
  who works on a language in which role, and which languages a user works in.
  Translations owns the roles (groups), so it registers both.

A list nobody registered is simply not shown: the feature is not installed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class WorkItem:
    title: str
    url: str
    detail: str = ""
    language: str = ""  # a language code, or "" for the story itself


@dataclass(frozen=True)
class WorkList:
    count: int
    items: list[WorkItem] = field(default_factory=list)


class Role(StrEnum):
    EDITORIAL = "editorial"  # editors, moderators, superusers: every language
    TRANSLATOR = "translator"
    REVIEWER = "reviewer"


@dataclass(frozen=True)
class UserLanguages:
    """Which work a user does: editorial (every language), and the languages
    they translate and review."""

    editorial: bool
    translator_codes: frozenset[str] = frozenset()
    reviewer_codes: frozenset[str] = frozenset()

    @property
    def codes(self) -> frozenset[str] | None:
        """The languages whose work the user sees; None for every language."""
        return None if self.editorial else self.translator_codes | self.reviewer_codes


_work_lists: dict[str, Callable[..., WorkList]] = {}
_people: list[Callable] = []
_user_languages: list[Callable] = []


def register_work_list(key: str, fetch: Callable[..., WorkList]) -> None:
    _work_lists[key] = fetch  # idempotent by key: ready() may run twice


def work_list(key: str) -> Callable[..., WorkList] | None:
    return _work_lists.get(key)


def register_people(find: Callable) -> None:
    """`find(*, role: Role, code: str)` -> a queryset of active users."""
    _people[:] = [find]


def register_user_languages(read: Callable) -> None:
    """`read(user)` -> UserLanguages."""
    _user_languages[:] = [read]


def people(*, role: Role, code: str):
    if not _people:
        raise LookupError("no app registered people for languages (translations is not installed)")
    return _people[0](role=role, code=code)


def user_languages(user) -> UserLanguages:
    if _user_languages:
        return _user_languages[0](user)
    return UserLanguages(editorial=user.is_superuser)
