"""The translation roles' names, and what locales a user may work in.

Group and workflow names are made here and read everywhere (setup_roles, the
locale guard, the review gate). `locale_access(user)` is one query, cached on
the user object for the request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EDITORS = "Editors"
MODERATORS = "Moderators"
SOURCE_CODES = ("en", "hi")  # stories are written in English or Hindi
EDITORIAL_REVIEW = "Editorial review"

_LOCALE_GROUP = re.compile(r"^(Translators|Reviewers) \((?P<code>[a-z]{2,3})\)$")


def translators_group_name(code: str) -> str:
    return f"Translators ({code})"


def reviewers_group_name(code: str) -> str:
    return f"Reviewers ({code})"


def language_review_name(code: str) -> str:
    return f"Language review ({code})"


@dataclass(frozen=True)
class LocaleAccess:
    """What locales a user may work in. `restricted` is False for users who
    are not bound to a locale (superusers, editors, moderators)."""

    restricted: bool
    codes: frozenset[str]
    reviewer_codes: frozenset[str]
    group_names: frozenset[str] = frozenset()

    def allows(self, code: str) -> bool:
        return not self.restricted or code in self.codes


def locale_access(user) -> LocaleAccess:
    """One query; cached on the user object for the request."""
    cached = getattr(user, "_odop_locale_access", None)
    if cached is not None:
        return cached
    if not user.is_authenticated:
        access = LocaleAccess(restricted=True, codes=frozenset(), reviewer_codes=frozenset())
    else:
        names = frozenset(user.groups.values_list("name", flat=True))
        codes, reviewer_codes = set(), set()
        for name in names:
            match = _LOCALE_GROUP.match(name)
            if match:
                codes.add(match["code"])
                if name.startswith("Reviewers"):
                    reviewer_codes.add(match["code"])
        # Superusers are never locale-bound, but are reviewers only if in a Reviewers group.
        restricted = not user.is_superuser and bool(codes) and not ({EDITORS, MODERATORS} & names)
        access = LocaleAccess(
            restricted=restricted,
            codes=frozenset(codes),
            reviewer_codes=frozenset(reviewer_codes),
            group_names=names,
        )
    user._odop_locale_access = access
    return access


def user_in_group(user, name: str) -> bool:
    return user.is_authenticated and name in locale_access(user).group_names
