import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale

from taxonomy.models import Sector
from translations import summary_cache
from translations.selectors import STORY_FIELDS, Status, source_stories, status_matrix
from translations.services.submission import submit_for_translation

from .conftest import build_story, translate, translation_of

pytestmark = pytest.mark.django_db

URL = "/admin/translations/status/"


@pytest.fixture
def more_stories(world):
    food = Sector.objects.create(name="Food processing", slug="food")
    stories = [
        build_story(title=f"Pickles of district {n}", slug=f"pickle-{n}", sector=food) for n in range(5)
    ]
    submit_for_translation(instances=stories[:2], locale_codes=["hi"], user=world.admin)
    return stories


def test_report_lists_every_source_story_with_a_cell_per_language(world, client, more_stories):
    client.force_login(world.admin)
    response = client.get(URL)
    assert response.status_code == 200
    rows = response.context["object_list"]
    assert {row.page_id for row in rows} == {world.story.pk, *(s.pk for s in more_stories)}
    by_id = {row.page_id: {cell.locale_code: cell.status for cell in row.cells} for row in rows}
    assert by_id[more_stories[0].pk]["hi"] == Status.IN_PROGRESS
    assert by_id[more_stories[0].pk]["ta"] == Status.NOT_REQUESTED
    assert by_id[more_stories[4].pk]["hi"] == Status.NOT_REQUESTED
    assert by_id[world.story.pk]["en"] == Status.SOURCE


def test_report_filters_by_sector_language_and_status(world, client, more_stories):
    client.force_login(world.admin)
    food = more_stories[0].sector
    response = client.get(URL, {"sector": food.pk, "language": "hi", "status": Status.NOT_REQUESTED})
    rows = response.context["object_list"]
    assert {row.page_id for row in rows} == {s.pk for s in more_stories[2:]}
    assert all(len(row.cells) == 1 for row in rows)


def test_report_filters_by_state(world, client, more_stories):
    client.force_login(world.admin)
    state = world.story.districts.get().state
    rows = client.get(URL, {"state": state.pk}).context["object_list"]
    assert world.story.pk in {row.page_id for row in rows}
    assert more_stories[0].pk not in {row.page_id for row in rows}


def test_csv_export_has_a_column_per_language_and_names_each_status(world, client, more_stories):
    client.force_login(world.admin)
    response = client.get(URL, {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    table = list(csv.reader(io.StringIO(text)))
    assert table[0][:3] == ["Story ID", "Headline", "Source language"]
    assert "hi" in table[0] and "ur" in table[0]
    assert len(table) == 1 + 1 + len(more_stories)
    assert any("In progress" in cell for row in table for cell in row)


def test_status_matrix_uses_a_fixed_number_of_queries(world, more_stories):
    locales = list(Locale.objects.all())
    stories = list(source_stories().values(*STORY_FIELDS))
    with CaptureQueriesContext(connection) as few:
        status_matrix([s for s in stories if s["id"] == world.story.pk], locales=locales)
    with CaptureQueriesContext(connection) as many:
        status_matrix(stories, locales=locales)
    assert len(many) == len(few) <= 7


def test_report_page_renders_in_bounded_queries_whatever_the_number_of_stories(world, client):
    client.force_login(world.admin)
    client.get(URL)
    summary_cache.forget()  # both measured with the totals counted afresh
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    food = Sector.objects.create(name="Food processing", slug="food")
    stories = [build_story(title=f"Pickles {n}", slug=f"pickles-{n}", sector=food) for n in range(4)]
    submit_for_translation(instances=stories, locale_codes=["hi", "ta"], user=world.admin)
    summary_cache.forget()
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL)
    assert len(response.context["object_list"]) == 5
    assert len(many) == len(few) <= 20, [q["sql"][:120] for q in many]


def test_xlsx_export_is_wagtails(world, client):
    client.force_login(world.admin)
    response = client.get(URL, {"export": "xlsx"})
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]


def test_translator_sees_only_their_languages_and_the_stories_requested_in_them(world, client, more_stories):
    client.force_login(world.users[("translator", "ta")])
    response = client.get(reverse("odop_translations:status_report"))
    assert response.status_code == 200
    assert [locale.language_code for locale in response.context["locales"]] == ["ta"]
    rows = response.context["object_list"]
    assert {row.page_id for row in rows} == {world.story.pk}, "stories requested only in Hindi stay hidden"
    assert all([cell.locale_code for cell in row.cells] == ["ta"] for row in rows)
    assert b"Pickles of district" not in response.content


def test_translator_cannot_widen_the_report_to_another_language(world, client):
    client.force_login(world.users[("translator", "ta")])
    response = client.get(URL, {"language": "hi", "export": "csv"})
    header = next(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))
    assert "hi" not in header


def _report_queries(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, params)
    assert response.status_code == 200
    return response, [query["sql"] for query in queries]


def test_report_page_query_count_is_the_same_with_3_and_30_stories(world, client):
    """Pinned: the page's queries do not depend on the number of stories, the
    paginator takes its count from the totals (no COUNT of its own), and the
    totals come from the cache until something changes."""
    food = Sector.objects.create(name="Food processing", slug="food")
    stories = [build_story(title=f"Jams {n}", slug=f"jams-{n}", sector=food) for n in range(2)]
    submit_for_translation(instances=stories, locale_codes=["hi"], user=world.admin)
    client.force_login(world.moderator)
    client.get(URL)
    summary_cache.forget()
    three, cold_three = _report_queries(client)
    _, warm_three = _report_queries(client)
    more = [build_story(title=f"Jams {n}", slug=f"jams-{n}", sector=food) for n in range(2, 29)]
    submit_for_translation(instances=more[:5], locale_codes=["ta", "ur"], user=world.admin)
    thirty, cold_thirty = _report_queries(client)  # the new stories made it forget the totals
    _, warm_thirty = _report_queries(client)
    assert len(three.context["object_list"]) == 3 and three.context["paginator"].count == 3
    assert len(thirty.context["object_list"]) == 30 and thirty.context["paginator"].count == 30
    assert len(cold_thirty) == len(cold_three), cold_thirty
    assert len(warm_thirty) == len(warm_three) == len(cold_three) - 2
    assert not any("COUNT(*)" in sql for sql in cold_thirty), "the paginator counts with the totals"


def test_totals_are_counted_again_after_a_change(world, client, django_capture_on_commit_callbacks):
    client.force_login(world.admin)
    before = client.get(URL).context  # counted, and kept
    assert before["paginator"].count == 1
    assert {total.code: total.done for total in before["completion"]}["ta"] == 0
    build_story(title="Brassware of Moradabad", slug="brassware")
    after = client.get(URL).context
    assert after["paginator"].count == 2
    translation = translation_of(world.story, "ta")
    translate(translation, world.users[("translator", "ta")])
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=world.users[("reviewer", "ta")], publish=True)
    completion = {total.code: total for total in client.get(URL).context["completion"]}
    assert (completion["ta"].done, completion["ta"].total) == (1, 2)


def test_csv_export_is_made_in_chunks_with_the_cells_of_the_page(world, client, more_stories, monkeypatch):
    from translations import selectors

    monkeypatch.setattr(selectors, "EXPORT_CHUNK", 2)  # 6 stories: three chunks
    client.force_login(world.admin)
    page = client.get(URL).context["object_list"]
    expected = {str(row.page_id): [cell.label for cell in row.cells] for row in page}
    response = client.get(URL, {"export": "csv"})
    table = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))
    assert {row[0]: row[3:] for row in table[1:]} == expected
    assert [row[0] for row in table[1:]] == [str(row.page_id) for row in page], "the page's order"
