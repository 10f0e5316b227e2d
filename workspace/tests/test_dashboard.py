"""Each role's dashboard lists its own next steps, in its languages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from workspace import selectors
from workspace.panels import panels_for

pytestmark = pytest.mark.django_db

PANEL_QUERIES = 12  # all of a role's panels (10 for editors, 6 translators, 3 reviewers now)
PAGE_QUERIES = 50  # the whole dashboard, Wagtail's own panels included (29 to 46 now)


def panels(user) -> dict[str, list[str]]:
    return {name: [item.title for item in work_list.items] for name, _heading, work_list in panels_for(user)}


def dashboard(client, user):
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_editor_sees_drafts_review_schedule_publications_pdfs_and_pickups(newsroom):
    shown = panels(newsroom.editor)
    assert shown["my_drafts"] == ["Editor's unfinished draft"], (
        "not the moderator's draft, nor scheduled ones"
    )
    assert shown["editorial_review"] == ["Story waiting for the desk"]
    assert shown["scheduled"] == ["Story under embargo", "Story scheduled for tomorrow"]
    assert "Weavers reach new markets" in shown["recently_published"]
    assert not any(title.startswith("[") for titles in shown.values() for title in titles), "no translations"
    assert shown["failed_pdfs"] == ["Weavers reach new markets"]
    assert shown["pickups"] == ["Weavers reach new markets"]
    assert "waiting" not in shown and "awaiting_review" not in shown


def test_editor_panels_say_time_left_and_language_coverage(newsroom):
    lists = {name: work_list for name, _heading, work_list in panels_for(newsroom.editor)}
    embargo, scheduled = lists["scheduled"].items
    assert embargo.detail.startswith("Embargoed: 4") and embargo.detail.endswith("left"), embargo.detail
    assert scheduled.detail.startswith("Scheduled: 23"), scheduled.detail
    coverage = {item.title: item.detail for item in lists["recently_published"].items}
    assert coverage["Weavers reach new markets"] == "Live in 2 of 23 languages"
    assert lists["failed_pdfs"].items[0].detail == "A4 print release (PDF/A-2b): Font missing"


def test_moderator_sees_the_desk_but_not_the_editors_drafts(newsroom):
    shown = panels(newsroom.moderator)
    assert shown["my_drafts"] == ["Moderator's own draft"]
    assert shown["editorial_review"] == ["Story waiting for the desk"]


def test_hindi_translator_sees_hindi_work_only(newsroom):
    shown = panels(newsroom.users["translator-hi"])
    assert shown["outdated"] == ["[hi] Weavers reach new markets"]
    assert shown["returned"] == ["[hi] Toys of Channapatna"]
    assert shown["machine"] == ["[hi] Potters of Khurja"]
    assert shown["waiting"] == []
    assert "my_drafts" not in shown and "awaiting_review" not in shown and "failed_pdfs" not in shown


def test_returned_translation_carries_the_reviewers_comment(newsroom):
    returned = selectors.returned_from_review(codes=frozenset({"hi"}))
    assert [item.detail for item in returned.items] == ["Please translate the district name."]
    assert returned.items[0].url == f"/admin/pages/{newsroom.returned_hi.pk}/edit/"


def test_tamil_translator_sees_the_story_waiting_for_tamil(newsroom):
    shown = panels(newsroom.users["translator-ta"])
    assert shown["waiting"] == ["Weavers reach new markets"]  # the untranslated draft copy
    assert shown["outdated"] == shown["returned"] == shown["machine"] == []


def test_reviewers_see_their_languages_reviews_oldest_first(newsroom):
    assert panels(newsroom.users["reviewer-ta"])["awaiting_review"] == ["[ta] Brass of Moradabad"]
    assert panels(newsroom.users["reviewer-hi"])["awaiting_review"] == []
    assert "awaiting_review" not in panels(newsroom.users["translator-ta"]), "translators do not review"


@pytest.mark.parametrize("username", ["editor", "translator-hi", "reviewer-ta"])
def test_a_roles_panels_take_a_bounded_number_of_queries(newsroom, username, django_assert_max_num_queries):
    user = newsroom.editor if username == "editor" else newsroom.users[username]
    user = type(user).objects.get(pk=user.pk)  # nothing cached on it
    with django_assert_max_num_queries(PANEL_QUERIES):
        panels_for(user)


def test_every_list_is_bounded_in_queries(newsroom, django_assert_max_num_queries):
    now = timezone.now()
    codes = frozenset({"hi", "ta"})
    for select in (
        lambda: selectors.my_drafts(user=newsroom.editor, limit=1),
        lambda: selectors.in_editorial_review(limit=1),
        lambda: selectors.scheduled_and_embargoed(now=now, limit=1),
        lambda: selectors.recently_published(now=now, limit=1),
        lambda: selectors.waiting_for_languages(codes=codes, limit=1),
        lambda: selectors.machine_drafts(codes=codes, limit=1),
        lambda: selectors.returned_from_review(codes=codes, limit=1),
        lambda: selectors.awaiting_review(user=newsroom.editor, codes=codes, limit=1),
    ):
        with django_assert_max_num_queries(2):
            select()


@pytest.mark.parametrize("username", ["editor", "moderator", "translator-hi", "translator-ta", "reviewer-ta"])
def test_dashboard_page_renders_each_role_with_working_links(newsroom, client, username):
    user = (
        newsroom.editor if username == "editor" else newsroom.moderator if username == "moderator" else None
    )
    user = user or newsroom.users[username]
    html, queries = dashboard(client, user)
    assert queries <= PAGE_QUERIES, (username, queries)
    for _name, _heading, work_list in panels_for(user):
        for item in work_list.items:
            assert item.url in html
            assert client.get(item.url).status_code == 200, (username, item.title, item.url)


def test_tamil_dashboard_names_no_hindi_page(newsroom, client):
    html, _queries = dashboard(client, newsroom.users["translator-ta"])
    assert "[hi]" not in html
