"""The story page's PDF links come with the story's route query
(stories.annotations): the same links as a query of their own would give,
only the live revision's ready files, and no query while the page renders."""

import pytest

from printing.models import StoryPdf
from printing.templatetags.printing_tags import story_pdf_links
from stories.selectors import story_for_route
from tests.factories import SuccessStoryPageFactory

pytestmark = pytest.mark.django_db


def test_links_loaded_with_the_story_match_a_separate_read_and_cost_no_query(
    client, settings, django_assert_num_queries
):
    settings.PRINT_RENDER_ON_PUBLISH = False
    story = SuccessStoryPageFactory(slug="links")
    story.save_revision().publish()
    story.refresh_from_db()
    old_revision = story.live_revision_id
    story.save_revision().publish()
    story.refresh_from_db()

    def row(fmt, revision_id, status, size):
        StoryPdf.objects.create(
            page_id=story.pk, revision_id=revision_id, locale="en", format=fmt, size=size, status=status
        )

    row(StoryPdf.Format.NEWSBOX_GREY, story.live_revision_id, StoryPdf.Status.READY, 150_000)
    row(StoryPdf.Format.NEWSBOX_CMYK, old_revision, StoryPdf.Status.READY, 90_000)  # an older revision
    row(StoryPdf.Format.RELEASE, story.live_revision_id, StoryPdf.Status.PENDING, 0)

    routed = story_for_route(parent=story.get_parent(), slug="links")
    routed.url  # noqa: B018 - the page's URL, found once as the template would
    with django_assert_num_queries(0):
        links = story_pdf_links(routed)
    assert links == [{"kind": "newsbox", "url": f"{story.url}pdf/newsbox/", "size_kb": 146}]
    assert story_pdf_links(type(story).objects.get(pk=story.pk)) == links  # read on its own

    html = client.get(story.url).content.decode()
    assert f'href="{story.url}pdf/newsbox/"' in html
    assert "pdf/newsbox/?variant=cmyk" not in html
    assert "pdf/release/" not in html
