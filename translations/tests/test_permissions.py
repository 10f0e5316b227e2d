"""The locale permission matrix: role x user locale x page locale x action.

A translator or reviewer acting on another language's page gets 403 from
every door: Wagtail's page views, wagtail-localize's editor, REST endpoints,
PO download, preview, the admin API and snippet views.
"""

import io
import itertools
import json

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from taxonomy.models import Sector
from translations.services import groups

from .conftest import CODES, is_denied, page_of, translate, translation_of

pytestmark = pytest.mark.django_db

ROLES = ["translator", "reviewer"]


def _translation(world, code):
    return Translation.objects.get(
        source__object_id=world.story.translation_key, target_locale__language_code=code
    )


def _page(world, code):
    return Page.objects.get(translation_key=world.story.translation_key, locale__language_code=code)


def open_editor(client, world, code):
    return client.get(reverse("wagtailadmin_pages:edit", args=[_page(world, code).pk]))


def translate_segment(client, world, code):
    translation = _translation(world, code)
    segment = StringSegment.objects.filter(source=translation.source).order_by("order").first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(
        url, "value=%E0%AE%A8%E0%AE%B2%E0%AF%8D", content_type="application/x-www-form-urlencoded"
    )


def publish(client, world, code):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[_page(world, code).pk]), {"action": "publish"}
    )


def download_po(client, world, code):
    return client.get(reverse("wagtail_localize:download_pofile", args=[_translation(world, code).pk]))


def upload_po(client, world, code):
    translation = _translation(world, code)
    po = io.BytesIO(str(translation.export_po()).encode())
    po.name = "x.po"
    return client.post(reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": po})


def preview(client, world, code):
    return client.get(reverse("wagtail_localize:preview_translation", args=[_translation(world, code).pk]))


def submit_page_translation(client, world, code):
    return client.get(reverse("wagtail_localize:submit_page_translation", args=[_page(world, code).pk]))


def admin_api_detail(client, world, code):
    return client.get(f"/admin/api/main/pages/{_page(world, code).pk}/")


def edit_snippet(client, world, code):
    sector = Sector.objects.get(
        translation_key=world.story.sector.translation_key, locale__language_code=code
    )
    return client.get(reverse("wagtailsnippets_taxonomy_sector:edit", args=[sector.pk]))


def delete_page(client, world, code):
    return client.get(reverse("wagtailadmin_pages:delete", args=[_page(world, code).pk]))


def send_for_review(client, world, code):
    return client.get(reverse("odop_translations:submit_for_review", args=[_page(world, code).pk]))


def history(client, world, code):
    return client.get(reverse("wagtailadmin_pages:history", args=[_page(world, code).pk]))


# action -> {role: expected status in one's own locale}; another locale is always 403.
ACTIONS = {
    open_editor: {"translator": 200, "reviewer": 200},
    translate_segment: {"translator": (200, 201), "reviewer": (200, 201)},
    publish: {"translator": "denied", "reviewer": 302},
    download_po: {"translator": 200, "reviewer": 200},
    upload_po: {"translator": 302, "reviewer": 302},
    preview: {"translator": 200, "reviewer": 200},
    submit_page_translation: {"translator": "denied", "reviewer": "denied"},
    admin_api_detail: {"translator": 200, "reviewer": 200},
    edit_snippet: {"translator": 200, "reviewer": 200},
    delete_page: {"translator": "denied", "reviewer": "denied"},
    send_for_review: {"translator": 200, "reviewer": 200},
    history: {"translator": 200, "reviewer": 200},
}

MATRIX = list(itertools.product(ROLES, CODES, CODES, ACTIONS))


@pytest.mark.parametrize(
    ("role", "user_code", "page_code", "action"),
    MATRIX,
    ids=[f"{role}-{u}-on-{p}-{a.__name__}" for role, u, p, a in MATRIX],
)
def test_locale_permission_matrix(world, client, role, user_code, page_code, action):
    client.force_login(world.users[(role, user_code)])
    response = action(client, world, page_code)
    if user_code != page_code:
        assert response.status_code == 403, (
            f"{role} ({user_code}) reached {page_code}: {response.status_code}"
        )
        return
    expected = ACTIONS[action][role]
    if expected == "denied":
        assert is_denied(response), response.status_code
    elif isinstance(expected, tuple):
        assert response.status_code in expected
    else:
        assert response.status_code == expected, (response.status_code, response.get("Location"))


def test_tamil_translator_cannot_edit_hindi_page(world, client):
    client.force_login(world.users[("translator", "ta")])
    assert open_editor(client, world, "hi").status_code == 403


def test_translators_cannot_sync_a_source_for_every_language(world, client):
    source = TranslationSource.objects.get(object_id=world.story.translation_key)
    for code in CODES:
        client.force_login(world.users[("translator", code)])
        assert (
            client.get(reverse("wagtail_localize:update_translations", args=[source.pk])).status_code == 403
        )


def test_translator_cannot_create_snippets_in_another_locale(world, client):
    client.force_login(world.users[("translator", "ta")])
    url = reverse("wagtailsnippets_taxonomy_sector:add") + "?locale=hi"
    assert client.get(url).status_code == 403


def test_translator_cannot_open_the_source_story(world, client):
    client.force_login(world.users[("translator", "hi")])
    assert client.get(reverse("wagtailadmin_pages:edit", args=[world.story.pk])).status_code == 403


def test_editor_is_not_bound_to_a_locale(world):
    assert not groups.locale_access(world.editor).restricted


def _chooser_html(response) -> str:
    """The chooser answers JSON (browse; non-ASCII escaped) or HTML (search results)."""
    if response["Content-Type"].startswith("application/json"):
        return json.loads(response.content)["html"]
    return response.content.decode()


def _hindi_headline(world):
    translate(translation_of(world.story, "hi"), world.users[("translator", "hi")], prefix="गुप्त")
    return page_of(world.story, "hi")


def test_tamil_translator_page_chooser_shows_no_hindi_headlines(world, client):
    hindi = _hindi_headline(world)
    client.force_login(world.users[("translator", "ta")])
    for url in (
        reverse("wagtailadmin_choose_page_child", args=[hindi.get_parent().pk]),
        reverse("wagtailadmin_choose_page_search") + "?q=Weavers",
        reverse("wagtailadmin_choose_page"),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "गुप्त" not in _chooser_html(response), url
    tamil_index = page_of(world.story, "ta").get_parent()
    response = client.get(reverse("wagtailadmin_choose_page_child", args=[tamil_index.pk]))
    assert f'data-id="{page_of(world.story, "ta").pk}"' in _chooser_html(response) or world.story.title in (
        _chooser_html(response)
    )


def test_tamil_translator_admin_search_shows_no_hindi_headlines(world, client):
    _hindi_headline(world)
    client.force_login(world.users[("translator", "ta")])
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "Weavers"})
    assert response.status_code == 200
    assert "गुप्त".encode() not in response.content


def test_editor_chooser_still_sees_every_language(world, client):
    hindi = _hindi_headline(world)
    client.force_login(world.editor)
    response = client.get(reverse("wagtailadmin_choose_page_child", args=[hindi.get_parent().pk]))
    assert "गुप्त" in _chooser_html(response)
