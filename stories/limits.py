"""How big a story may be, checked at every door that writes one.

`story_limit_errors(page)` is what `SuccessStoryPage.clean()` runs, so the
editor, the admin API, PO imports and every publish path refuse the same
story with the same message; printing asks it again before rendering a story
saved before these limits existed. `check_release_bytes` and `check_release`
refuse a PIB release file before the import writes anything. The numbers are
`LIMIT_*` settings (core.limits, cms/settings/base.py).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.limits import LimitExceeded, check, text_length

# Text fields of a release that land in a model field of this size.
RELEASE_FIELD_LENGTHS = {"ministry": 255, "issuing_office": 255, "initials": 100}


def check_release_bytes(size: int) -> None:
    check("LIMIT_RELEASE_FILE_BYTES", size, what=_("release file"), unit=_("bytes"))


def check_release(release) -> None:
    """A parsed Release within every story limit, or LimitExceeded/ValidationError."""
    check("LIMIT_HEADLINE_CHARS", len(release.headline), what=_("headline"), unit=_("characters"))
    _check_subheadlines(list(release.subheadlines))
    check("LIMIT_STORY_BODY_BLOCKS", len(release.paragraphs), what=_("body paragraphs"))
    body_chars = sum(len(text) for text in release.paragraphs)
    check("LIMIT_STORY_BODY_CHARS", body_chars, what=_("body text"), unit=_("characters"))
    for name, most in RELEASE_FIELD_LENGTHS.items():
        length = len(getattr(release, name) or "")
        if length > most:
            raise ValidationError(
                _("%(field)s: %(length)s characters, more than the %(most)s this field holds")
                % {"field": name.replace("_", " "), "length": length, "most": most}
            )


def _check_subheadlines(texts: list[str]) -> None:
    check("LIMIT_SUBHEADLINES", len(texts), what=_("subheadlines"))
    for text in texts:
        check("LIMIT_SUBHEADLINE_CHARS", len(text), what=_("subheadline"), unit=_("characters"))


def story_limit_errors(page) -> dict[str, list[str]]:
    """{field: [message]} for each limit the story's fields are over."""
    checks = (
        ("title", lambda: _check_headline(page.title or "")),
        ("subheadlines", lambda: _check_subheadlines([str(block.value) for block in page.subheadlines])),
        (
            "summary",
            lambda: check(
                "LIMIT_SUMMARY_CHARS", len(page.summary or ""), what=_("summary"), unit=_("characters")
            ),
        ),
        ("body", lambda: _check_body(page.body)),
    )
    errors = {}
    for field, run in checks:
        try:
            run()
        except LimitExceeded as error:
            errors[field] = [str(error)]
    return errors


def check_story(page) -> None:
    """Raise one ValidationError naming every limit the story is over."""
    if errors := story_limit_errors(page):
        raise ValidationError(errors)


def _check_headline(title: str) -> None:
    check("LIMIT_HEADLINE_CHARS", len(title), what=_("headline"), unit=_("characters"))


def _check_body(body) -> None:
    check("LIMIT_STORY_BODY_BLOCKS", len(body), what=_("body blocks"))
    characters = text_length(body.get_prep_value())
    check("LIMIT_STORY_BODY_CHARS", characters, what=_("body text"), unit=_("characters"))
