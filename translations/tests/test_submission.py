import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation

from stories.models import SuccessStoryPage
from taxonomy.models import District, Product, Sector, State
from translations.services.submission import SubmissionError, enqueue_submission, submit_for_translation

from .conftest import build_story, is_denied, make_user

pytestmark = pytest.mark.django_db


def test_submitting_a_story_creates_draft_translations_and_translates_its_taxonomy(world):
    story = world.story
    for code in world.codes:
        page = SuccessStoryPage.objects.get(translation_key=story.translation_key, locale__language_code=code)
        assert not page.live, "translations wait for review"
        assert page.release_id == story.release_id
        sector = Sector.objects.get(translation_key=story.sector.translation_key, locale__language_code=code)
        assert page.sector_id == sector.pk, "the translation links to the translated sector"
        assert State.objects.filter(
            locale__language_code=code, name=story.districts.get().state.name
        ).exists()
        assert District.objects.filter(locale__language_code=code, name="Varanasi").exists()
        assert Product.objects.filter(locale__language_code=code, name="Banarasi Saree").exists()
    assert Translation.objects.filter(source__object_id=story.translation_key).count() == len(world.codes)


def test_story_submit_view_enqueues_for_the_chosen_languages(world, client):
    story = build_story(title="Moradabad brass", slug="moradabad-brass")
    client.force_login(world.editor)
    url = reverse("odop_translations:submit_page", args=[story.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": ["ta"]})
    assert response.status_code == 302
    translated = Page.objects.filter(translation_key=story.translation_key).exclude(pk=story.pk)
    assert list(translated.values_list("locale__language_code", flat=True)) == ["ta"]


def test_translator_cannot_submit_stories(world, client):
    client.force_login(world.users[("translator", "hi")])
    assert is_denied(client.get(reverse("odop_translations:submit_page", args=[world.story.pk])))


def test_bulk_action_queues_every_selected_story(world, client):
    stories = [build_story(title=f"Story {n}", slug=f"bulk-{n}") for n in range(3)]
    client.force_login(world.admin)
    url = (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "odop_submit_translation"))
        + "?"
        + "&".join(f"id={story.pk}" for story in stories)
    )
    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": ["hi", "ur"]})
    assert response.status_code == 302, response.content[:500]
    for story in stories:
        codes = set(
            Page.objects.filter(translation_key=story.translation_key).values_list(
                "locale__language_code", flat=True
            )
        )
        assert codes == {"en", "hi", "ur"}


def test_unknown_language_is_refused_before_anything_is_queued(world):
    with pytest.raises(SubmissionError, match="xx"):
        enqueue_submission(pages=[world.story], locale_codes=["xx"], user=world.admin)


def test_taxonomy_snippet_is_submitted_on_its_own(world, client):
    sector = Sector.objects.create(name="Food processing", slug="food-processing")
    client.force_login(world.editor)
    url = reverse("odop_translations:submit_snippet", args=["taxonomy", "sector", sector.pk])
    assert client.post(url, {"locales": ["hi", "ta"]}).status_code == 302
    assert set(
        Sector.objects.filter(translation_key=sector.translation_key).values_list(
            "locale__language_code", flat=True
        )
    ) == {"en", "hi", "ta"}


def test_resubmitting_is_harmless(world):
    assert submit_for_translation(instances=[world.story], locale_codes=["hi"], user=world.admin) == 1
    assert Translation.objects.filter(source__object_id=world.story.translation_key).count() == len(
        world.codes
    )


def test_editor_header_shows_compact_status_per_language(world, client):
    client.force_login(world.admin)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[world.story.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Translations: 0 of" in html
    assert "ta: In progress" in html
    assert make_user  # helpers shared with other modules
