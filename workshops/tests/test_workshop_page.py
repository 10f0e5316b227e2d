"""An ODOP Sampark workshop page shows its stories in the page's language."""

import pytest
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from tests.factories import StateFactory, SuccessStoryPageFactory, WorkshopPageFactory, home_page
from tests.translation import translate
from workshops.models import WorkshopIndexPage, WorkshopPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop():
    silk = SuccessStoryPageFactory(title="Banarasi silk weavers sell on GeM", slug="silk")
    attar = SuccessStoryPageFactory(title="Kannauj attar reaches buyers", slug="attar")
    workshop = WorkshopPageFactory(
        title="ODOP Sampark, Lucknow",
        slug="lucknow",
        state=StateFactory(name="Uttar Pradesh"),
    )
    workshop.stories.add(silk, attar)
    workshop.save_revision().publish()
    return workshop


def test_english_workshop_lists_its_english_stories(client, workshop):
    html = client.get(workshop.url).content.decode()
    assert "Banarasi silk weavers sell on GeM" in html
    assert "Kannauj attar reaches buyers" in html
    assert 'href="/en/stories/silk/"' in html
    assert "Uttar Pradesh" in html


def test_hindi_workshop_lists_the_hindi_translations_of_its_stories(client, workshop):
    silk = workshop.stories.get(slug="silk")
    translate(home_page(), "hi")
    hindi_silk = translate(
        silk, "hi", strings={"Banarasi silk weavers sell on GeM": "बनारसी रेशम बुनकर जीईएम पर बेचते हैं"}
    )
    hindi_workshop = translate(workshop, "hi")

    response = client.get(hindi_workshop.url)
    html = response.content.decode()
    assert hindi_workshop.url.startswith("/hi/")
    assert '<html lang="hi" dir="ltr">' in html
    assert "बनारसी रेशम बुनकर जीईएम पर बेचते हैं" in html
    assert f'href="{hindi_silk.url}"' in html
    assert "Banarasi silk weavers sell on GeM" not in html
    # A story not yet translated into Hindi is not shown in English instead.
    assert "Kannauj attar reaches buyers" not in html


def test_workshop_state_is_shown_in_the_page_language(client, workshop):
    # Translates its state first, with the same strings.
    hindi_workshop = translate(workshop, "hi", strings={"Uttar Pradesh": "उत्तर प्रदेश"})
    hindi_state = hindi_workshop.state
    assert hindi_state.locale.language_code == "hi"
    assert hindi_state.translation_key == workshop.state.translation_key
    assert "उत्तर प्रदेश" in client.get(hindi_workshop.url).content.decode()


def test_urdu_workshop_page_is_right_to_left(client, workshop):
    urdu_workshop = translate(workshop, "ur")
    assert '<html lang="ur" dir="rtl">' in client.get(urdu_workshop.url).content.decode()


class WorkshopPageTypeRulesTests(WagtailPageTestCase):
    def test_workshops_live_under_the_workshop_index_under_home(self):
        self.assertAllowedParentPageTypes(WorkshopIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(WorkshopIndexPage, {WorkshopPage})
        self.assertAllowedSubpageTypes(WorkshopPage, {})
