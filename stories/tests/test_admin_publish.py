"""An editor creates a success story in the Wagtail admin and publishes it."""

import datetime as dt

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from languages.formatting import IST
from stories.models import SuccessStoryPage
from tests.factories import (
    DistrictFactory,
    IssuingOfficeFactory,
    MinistryFactory,
    ProductFactory,
    SectorFactory,
    StoryIndexPageFactory,
)


class AdminCreatePublishFlowTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = StoryIndexPageFactory()
        cls.sector = SectorFactory(name="Handloom and textiles", slug="handloom")
        cls.district = DistrictFactory(name="Varanasi")
        cls.product = ProductFactory(name="Banarasi silk", sector=cls.sector, district=cls.district)
        cls.office = IssuingOfficeFactory()
        cls.ministry = MinistryFactory()

    def setUp(self):
        self.login()

    def story_form(self, **overrides) -> dict:
        data = {
            "title": "Banarasi silk weavers sell on GeM",
            "slug": "banarasi-silk-weavers-sell-on-gem",
            "subheadlines": streamfield([("subheadline", "120 weavers listed in a day")]),
            "summary": "Weavers of Varanasi reach buyers across India.",
            "posted_at": "2024-01-31 13:42",
            "release_id": "",
            "issuing_office": self.office.pk,
            "ministry": self.ministry.pk,
            "embargo_until": "",
            "sector": self.sector.pk,
            "hero_image": "",
            "hero_caption": "",
            "hero_credit": "",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>The workshop trained 120 weavers.</p>")),
                    ("quote", {"quote": "We now sell to Chennai.", "speaker": "A weaver"}),
                ]
            ),
            "sellers": inline_formset(
                [
                    {
                        "name": "Varanasi Weavers SHG",
                        "kind": "shg",
                        "where_to_buy": streamfield(
                            [("link", {"marketplace": "gem", "url": "https://mkp.gem.gov.in/weavers"})]
                        ),
                    }
                ]
            ),
            "footer_initials": "MG/AR/PK",
            "tags": "silk, weaving",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
        data.update(overrides)
        form = nested_form_data(data)
        # Multiple-choice fields post repeated values, which nested_form_data would flatten.
        form["districts"] = [self.district.pk]
        form["products"] = [self.product.pk]
        return form

    def add_url(self) -> str:
        return reverse("wagtailadmin_pages:add", args=("stories", "successstorypage", self.index.pk))

    def test_story_can_be_added_only_under_a_story_index(self):
        self.assertCanCreateAt(type(self.index), SuccessStoryPage)
        self.assertCanCreate(self.index, SuccessStoryPage, self.story_form())

    def test_editor_creates_and_publishes_a_story(self):
        response = self.client.post(self.add_url(), self.story_form())

        if response.status_code != 302:
            self.fail(f"the add form was refused: {response.context['form'].errors}")
        story = SuccessStoryPage.objects.get(slug="banarasi-silk-weavers-sell-on-gem")
        self.assertTrue(story.live)
        self.assertFalse(story.has_unpublished_changes)
        self.assertIsNotNone(story.release_id)
        self.assertGreater(story.release_id, 0)
        self.assertEqual(story.posted_at, dt.datetime(2024, 1, 31, 13, 42, tzinfo=IST))
        self.assertEqual(story.locale.language_code, "en")
        self.assertEqual([b.block_type for b in story.body], ["paragraph", "quote"])
        self.assertEqual(list(story.districts.all()), [self.district])
        self.assertEqual(list(story.products.all()), [self.product])
        self.assertEqual(story.sellers.get().where_to_buy[0].value["marketplace"], "gem")
        self.assertEqual(sorted(story.tags.names()), ["silk", "weaving"])

        public = self.client.get(story.url)
        self.assertContains(public, "Banarasi silk weavers sell on GeM")
        self.assertContains(public, f"(Release ID: {story.release_id})")

    def test_release_id_typed_by_the_editor_is_kept(self):
        self.client.post(self.add_url(), self.story_form(release_id="2000861"))
        self.assertEqual(SuccessStoryPage.objects.get().release_id, 2000861)

    def test_release_id_of_another_story_is_refused_in_the_form(self):
        self.client.post(self.add_url(), self.story_form(release_id="2000861"))
        response = self.client.post(
            self.add_url(), self.story_form(release_id="2000861", slug="another-story", title="Another")
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(SuccessStoryPage.objects.count(), 1)
        self.assertIn("release_id", response.context["form"].errors)

    def test_saving_a_draft_does_not_publish(self):
        form = self.story_form()
        del form["action-publish"]
        self.client.post(self.add_url(), form)
        story = SuccessStoryPage.objects.get()
        self.assertFalse(story.live)
        self.assertIsNotNone(story.release_id)
