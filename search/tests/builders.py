"""Story trees in several locales, built with the project's factories and
Wagtail's own translation copy (copy_for_translation)."""

from __future__ import annotations

from wagtail.models import Page

from stories.models import StoryIndexPage
from tests.factories import StoryIndexPageFactory, SuccessStoryPageFactory, home_page, locale


def story_index(code: str) -> StoryIndexPage:
    existing = StoryIndexPage.objects.filter(locale__language_code=code).first()
    if existing:
        return existing
    english = StoryIndexPage.objects.filter(locale__language_code="en").first() or StoryIndexPageFactory(
        parent=home_page()
    )
    if code == "en":
        return english
    target = locale(code)
    home = home_page()
    if not Page.objects.filter(translation_key=home.translation_key, locale=target).exists():
        home.copy_for_translation(target).save_revision().publish()
    index = english.copy_for_translation(target)
    index.save_revision().publish()
    return StoryIndexPage.objects.get(pk=index.pk)


def story(code: str, **kwargs):
    """A live story in language `code` (kwargs as for SuccessStoryPageFactory)."""
    kwargs.setdefault("parent", story_index(code))
    kwargs.setdefault("locale", locale(code))
    kwargs.setdefault("body", [])
    return SuccessStoryPageFactory(**kwargs)
