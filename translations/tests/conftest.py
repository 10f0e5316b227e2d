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

from tests import factories
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
        **kwargs,
    )
    story.districts.add(district)
    story.products.add(product)
    story.save_revision().publish()
    return story


def build_world(codes=CODES) -> SimpleNamespace:
    for code in codes:
        factories.locale(code)
    factories.story_index()
    roles.setup_roles(codes=["en", *codes])
    admin = make_user("admin", superuser=True)
    story = build_story()
    submit_for_translation(instances=[story], locale_codes=codes, user=admin)
    users = {}
    for code in codes:
        users[("translator", code)] = make_user(f"translator-{code}", roles.translators_group_name(code))
        users[("reviewer", code)] = make_user(f"reviewer-{code}", roles.reviewers_group_name(code))
    editor = make_user("editor", roles.EDITORS)
    return SimpleNamespace(admin=admin, story=story, users=users, editor=editor, codes=codes)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


def is_denied(response) -> bool:
    """403, or Wagtail's way of refusing inside the admin: a redirect to the
    dashboard with a "no permission" message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] in {"/admin/", "/admin/login/"}
    )
