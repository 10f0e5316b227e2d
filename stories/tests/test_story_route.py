"""The story page is found by its URL path (StoryIndexPage.route_story_below)
without reading the index page: the same answers as walking the tree, in
each language, after a rename, for a withdrawn story and for a landing page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.tests.content import build_site
from stories.models import StoryIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    settings.PUBLIC_DATA_CACHE_SECONDS = 0
    return build_site(languages=("hi", "ur"), extra_stories=1)


def test_each_language_gets_its_own_story_and_the_index_is_not_read(client, site):
    for code in ("hi", "ur"):
        story = site["translated"][code]["story"]
        client.get(story.url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(story.url)
        assert response.status_code == 200
        assert response.context["page"].pk == story.pk
        assert response.context["page"].locale.language_code == code
        index_table = StoryIndexPage._meta.db_table
        assert not [q for q in captured.captured_queries if f'FROM "{index_table}"' in q["sql"]]
        # The tag links and landing links go to this language's index.
        index_url = site["translated"][code]["index"].url
        assert f'href="{index_url}?tag=handloom"' in response.text
        assert f'href="{index_url}district/187/"' in response.text


def test_a_renamed_story_answers_at_its_new_path_only(client, site):
    story = site["story"]
    old_url = story.url
    story.slug = "banarasi-silk-weavers"
    story.save_revision().publish()
    story.refresh_from_db()
    assert story.url != old_url
    assert client.get(story.url).status_code == 200
    assert client.get(old_url).status_code == 404


def test_a_withdrawn_story_is_gone_and_a_landing_page_still_answers(client, site):
    hindi = site["translated"]["hi"]
    assert client.get(hindi["index"].landing_url("district", site["district"])).status_code == 200
    hindi["story"].unpublish()
    assert client.get(hindi["story"].url).status_code == 410
    assert client.get(site["story"].url).status_code == 200  # its English source is still live
    assert client.get(hindi["index"].url + "no-such-story/").status_code == 404


def test_the_compiled_route_queries_are_the_orms_with_each_requests_values(site):
    from home.routing import STORY_BELOW_HOME
    from stories.annotations import story_annotation_names
    from stories.selectors import STORY_AT_PATH

    names = story_annotation_names()
    root = site["home"].pk
    for code in ("en", "hi", "ur"):
        for slug in (site["story"].slug, "no-such-story"):
            values = (root, code, f"stories/{slug}/", slug)
            assert STORY_BELOW_HOME.bound(*values, annotations=names) == STORY_BELOW_HOME.compiled(
                *values, annotations=names
            )
            home_path = site["translated"].get(code, {"home": site["home"]})["home"].url_path
            values = (home_path, f"stories/{slug}/", slug)
            assert STORY_AT_PATH.bound(*values, annotations=names) == STORY_AT_PATH.compiled(
                *values, annotations=names
            )
