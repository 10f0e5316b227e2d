"""Stories in several locales, each under the story index of its language
(tests.factories.story_index translates the English one through
wagtail-localize)."""

from __future__ import annotations

from tests.factories import SuccessStoryPageFactory, story_index


def story(code: str, **kwargs):
    """A live story written in language `code` (kwargs as for SuccessStoryPageFactory)."""
    kwargs.setdefault("parent", story_index(code))
    kwargs.setdefault("body", [])
    return SuccessStoryPageFactory(**kwargs)
