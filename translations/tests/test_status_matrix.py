"""The status report reads at a glance: a symbol per state with a legend and
screen-reader text, language names in their own script, a completion row,
and each cell linking to the one action this user may take."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation as django_translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from translations import summary_cache
from translations.selectors import Status
from translations.services.review import submit_for_review
from translations.views.matrix import SYMBOLS

from .conftest import build_story, page_of, translate, translation_of

pytestmark = pytest.mark.django_db

URL = "/admin/translations/status/"


def cells_of(response, story_id):
    row = next(row for row in response.context["object_list"] if row.page_id == story_id)
    return {cell.locale_code: cell for cell in row.cells}


def publish_reviewed(world, code, capture):
    translation = translation_of(world.story, code)
    translate(translation, world.users[("translator", code)])
    with capture(execute=True):
        translation.save_target(user=world.users[("reviewer", code)], publish=True)


def test_every_state_has_a_symbol_a_legend_entry_and_screen_reader_text(world, client):
    client.force_login(world.admin)
    response = client.get(URL)
    html = response.content.decode()
    legend = html.split('class="odop-matrix__legend"')[1].split("</ul>")[0]
    for status in Status:
        assert SYMBOLS[status] in legend and str(status.label) in legend
    assert len(set(SYMBOLS.values())) == len(Status), "two states must never look the same"
    cells = cells_of(response, world.story.pk)
    assert cells["hi"].status == Status.IN_PROGRESS
    assert f'<span class="w-sr-only">{cells["hi"].label}: Translate</span>' in html


def test_headers_name_each_language_in_its_own_script(world, client):
    client.force_login(world.admin)
    html = client.get(URL).content.decode()
    for code, name in (("hi", "हिन्दी"), ("ta", "தமிழ்"), ("ur", "اردو")):
        assert re.search(rf'<span lang="{code}" dir="(ltr|rtl)">{name}</span>', html), code
    assert '<span lang="ur" dir="rtl">' in html


def test_completion_row_counts_stories_published_and_current_per_language(
    world, client, django_capture_on_commit_callbacks
):
    build_story(title="Brassware of Moradabad", slug="brassware")
    publish_reviewed(world, "ta", django_capture_on_commit_callbacks)
    client.force_login(world.admin)
    response = client.get(URL)
    completion = {total.code: total for total in response.context["completion"]}
    assert (completion["en"].done, completion["en"].total) == (2, 2)
    assert (completion["ta"].done, completion["ta"].percent) == (1, 50)
    assert completion["hi"].done == 0
    assert cells_of(response, world.story.pk)["ta"].action == "view"
    assert '<progress class="odop-matrix__bar" max="100" value="50"' in response.content.decode()


def test_editor_may_submit_a_language_that_was_never_requested(world, client):
    other = build_story(title="Toys of Channapatna", slug="toys")
    client.force_login(world.editor)
    cell = cells_of(client.get(URL), other.pk)["ta"]
    assert cell.status == Status.NOT_REQUESTED
    assert cell.action == "submit"
    assert cell.href == f"/admin/translations/submit/page/{other.pk}/?locale=ta"
    form = client.get(cell.href).context["form"]
    assert form.initial["locales"] == ["ta"]


def test_translator_gets_translate_links_for_their_language_and_never_submit(world, client):
    client.force_login(world.users[("translator", "ta")])
    cells = cells_of(client.get(URL), world.story.pk)
    assert set(cells) == {"ta"}
    assert cells["ta"].action == "translate"
    assert cells["ta"].href == f"/admin/pages/{page_of(world.story, 'ta').pk}/edit/"


def test_only_the_languages_reviewer_gets_the_review_link(world, client):
    page = page_of(world.story, "ta")
    translate(translation_of(world.story, "ta"), world.users[("translator", "ta")])
    submit_for_review(page=page, user=world.users[("translator", "ta")])
    client.force_login(world.users[("reviewer", "ta")])
    assert cells_of(client.get(URL), world.story.pk)["ta"].action == "review"
    client.force_login(world.users[("translator", "ta")])
    assert cells_of(client.get(URL), world.story.pk)["ta"].action == "view"
    client.force_login(world.editor)
    cell = cells_of(client.get(URL), world.story.pk)["ta"]
    assert cell.status == Status.AWAITING_REVIEW and cell.action == "view"


def test_filters_stay_in_the_url_of_every_page_link(world, client):
    for n in range(3):
        build_story(title=f"Pottery {n}", slug=f"pottery-{n}")
    client.force_login(world.admin)
    response = client.get(URL, {"language": "ta", "status": Status.NOT_REQUESTED, "page": 1})
    assert response.status_code == 200
    assert all(len(row.cells) == 1 for row in response.context["object_list"])
    # The filter form keeps its values, so Wagtail's pagination and export links carry them.
    assert 'value="ta" selected' in response.content.decode()


def test_report_page_query_count_does_not_grow_with_stories(world, client):
    client.force_login(world.users[("translator", "ta")])
    client.get(URL)
    summary_cache.forget()  # both measured with the totals counted afresh
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    from translations.services.submission import submit_for_translation

    more = [build_story(title=f"Carpets {n}", slug=f"carpets-{n}") for n in range(3)]
    submit_for_translation(instances=more, locale_codes=["ta"], user=world.admin)
    summary_cache.forget()
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL)
    assert len(response.context["object_list"]) == 4
    assert len(many) == len(few) <= 24, [q["sql"][:100] for q in many]


def test_tamil_translator_who_chooses_tamil_sees_the_translation_screens_in_tamil(world, client):
    translator = world.users[("translator", "ta")]
    client.force_login(translator)
    response = client.post(
        "/admin/account/",
        {
            "name_email-first_name": "Kavitha",
            "name_email-last_name": "R",
            "name_email-email": translator.email,
            "locale-preferred_language": "ta",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-contrast": "system",
            "theme-density": "default",
        },
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    assert UserProfile.get_for_user(translator).preferred_language == "ta"

    with django_translation.override("ta"):
        expected = {
            "status": gettext("Translation status"),
            "in_progress": gettext("In progress"),
            "translate": gettext("Translate"),
            "review": gettext("Send for language review"),
            "menu": gettext("Import PO files"),
        }
    assert expected["status"] != "Translation status" and expected["translate"] != "Translate"
    report = client.get(URL).content.decode()
    assert expected["status"] in report and expected["in_progress"] in report
    assert expected["translate"] in report
    # The sidebar (JSON, \u-escaped) was built once, yet names our menu item in Tamil.
    assert json.dumps(expected["menu"])[1:-1] in report or expected["menu"] in report
    page = page_of(world.story, "ta")
    review = client.get(f"/admin/translations/review/{page.pk}/").content.decode()
    assert expected["review"] in review


def test_account_preferences_offer_all_23_languages_by_their_own_names(world, client):
    client.force_login(world.users[("translator", "ta")])
    html = client.get("/admin/account/").content.decode()
    for name in ("தமிழ்", "हिन्दी", "اردو", "ᱥᱟᱱᱛᱟᱲᱤ", "বাংলা", "English"):
        assert f">{name}</option>" in html, name
