"""A small multilingual world for the translation workflow tests.

Built once per module (inside a transaction rolled back at the end) because
wagtail-localize submissions are the slow part; each test runs in its own
savepoint on top of it.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from tests import factories
from translations import summary_cache
from translations.selectors import STORY_FIELDS, report_locales, source_stories, status_matrix
from translations.services import roles
from translations.services.submission import submit_for_translation

CODES = ["hi", "ta", "ur"]


def make_user(username: str, *groups: str, superuser: bool = False):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password="pw",
        is_superuser=superuser,
        is_staff=superuser,
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def story_index():
    from stories.models import StoryIndexPage

    # The shared factories' default parent is None (wagtail_factories declares
    # `parent`), so the parent is always passed explicitly here.
    return StoryIndexPage.objects.filter(
        locale__language_code="en"
    ).first() or factories.StoryIndexPageFactory(parent=factories.home_page())


def build_story(**kwargs):
    district = factories.DistrictFactory(name="Varanasi")
    product = factories.ProductFactory(
        name="Banarasi Saree",
        district=district,
        sector=kwargs.pop("sector", None) or factories.SectorFactory(name="Handloom"),
    )
    story = factories.SuccessStoryPageFactory(
        title=kwargs.pop("title", "Weavers of Varanasi reach new markets"),
        summary="ODOP weavers sell Banarasi Saree on GeM.",
        sector=product.sector,
        parent=kwargs.pop("parent", None) or story_index(),
        **kwargs,
    )
    story.districts.add(district)
    story.products.add(product)
    story.save_revision().publish()
    return story


def build_world(codes=CODES) -> SimpleNamespace:
    for code in codes:
        Locale.objects.get_or_create(language_code=code)
    story_index()
    roles.setup_roles(codes=["en", *codes])
    admin = make_user("admin", superuser=True)
    story = build_story()
    submit_for_translation(instances=[story], locale_codes=codes, user=admin)
    users = {}
    for code in codes:
        users[("translator", code)] = make_user(f"translator-{code}", roles.translators_group_name(code))
        users[("reviewer", code)] = make_user(f"reviewer-{code}", roles.reviewers_group_name(code))
    editor = make_user("editor", roles.EDITORS)
    moderator = make_user("moderator", roles.MODERATORS)
    return SimpleNamespace(
        admin=admin, story=story, users=users, editor=editor, moderator=moderator, codes=codes
    )


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _forget_report_totals():
    """The report's totals are cached (summary_cache) and the cache outlives a
    test's rolled-back rows: each test counts afresh."""
    summary_cache.forget()


def is_denied(response) -> bool:
    """403, or Wagtail's way of refusing inside the admin: a redirect to the
    dashboard with a "no permission" message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] in {"/admin/", "/admin/login/"}
    )


# --- One helper per job ------------------------------------------------------------


def translation_of(story, code: str) -> Translation:
    return Translation.objects.select_related("source", "target_locale").get(
        source__object_id=story.translation_key, target_locale__language_code=code
    )


def page_of(story, code: str):
    return Page.objects.get(translation_key=story.translation_key, locale__language_code=code).specific


def translate(translation: Translation, user=None, *, machine: bool = False, prefix: str = "अनुवाद") -> None:
    """Fill every segment of `translation` in wagtail-localize's translation
    memory, as its editor (or its machine translation) would."""
    code = translation.target_locale.language_code
    segments = StringSegment.objects.filter(source=translation.source).select_related("string", "context")
    for segment in segments:
        text = segment.string.data
        StringTranslation.objects.update_or_create(
            translation_of_id=segment.string_id,
            locale=translation.target_locale,
            context_id=segment.context_id,
            defaults={
                "data": f"{text}-{code}" if segment.context.path == "slug" else f"{prefix} {text}",
                "translation_type": "machine" if machine else "manual",
                "tool_name": "LibreTranslate" if machine else "",
                "last_translated_by": user,
                "has_error": False,
            },
        )


def status_cell(story, code: str):
    """The story's cell for `code` in the status report."""
    stories = list(source_stories(story_id=story.pk).values(*STORY_FIELDS))
    return status_matrix(stories, locales=report_locales(codes=[code]))[0].cells[0]
