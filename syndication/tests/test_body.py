"""The ninjs and Atom bodies come from the blocks' own renderings, loaded for a
whole batch at once."""

from decimal import Decimal

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from stories.models import SuccessStoryPage
from syndication.body import body_images, render_bodies
from syndication.tests.content import auth, partner_key
from tests.factories import SuccessStoryPageFactory

pytestmark = pytest.mark.django_db

HOSTILE = '<img src=x onerror=alert(1)> family\'s "quote" & co'


def absolute(url: str) -> str:
    return f"http://testserver{url}"


def fresh(stories) -> list:
    """The stories as the API loads them: bodies not yet converted."""
    return list(SuccessStoryPage.objects.filter(pk__in=[s.pk for s in stories]).select_related("locale"))


def test_api_html_body_escapes_and_text_body_has_no_entities(client):
    story = SuccessStoryPageFactory(
        body=[
            ("paragraph", f"<p>{escape(HOSTILE)}</p>"),
            ("heading", HOSTILE),
            ("quote", {"quote": HOSTILE, "speaker": ""}),
            ("key_figures", [{"value": Decimal("1234567"), "unit": "", "label": HOSTILE}]),
            ("list", [HOSTILE]),
        ],
        live=False,
    )
    story.save_revision().publish()
    key = partner_key("Desk", languages=("en",))
    response = client.get(f"/api/v1/stories/{story.release_id}/", {"lang": "en"}, **auth(key))
    assert response.status_code == 200, response.content
    bodies = {body["contentType"]: body["value"] for body in response.json()["bodies"]}
    assert "<img src=x" not in bodies["text/html"]
    # Escaped once (nh3 re-serialises: quotes in text need no entity).
    assert bodies["text/html"].count(escape(HOSTILE).replace("&#x27;", "'").replace("&quot;", '"')) == 5
    assert bodies["text/plain"] == "\n\n".join([HOSTILE, HOSTILE, HOSTILE, f"12,34,567 {HOSTILE}", HOSTILE])


def test_bodies_of_a_batch_cost_the_same_queries_for_one_story_or_many():
    image = wagtail_factories.ImageFactory()
    body = [
        ("paragraph", "<p>Weavers found buyers.</p>"),
        ("image", {"image": image, "caption": "Loom", "credit": "PIB"}),
    ]
    stories = [SuccessStoryPageFactory(body=body) for _ in range(3)]
    counts = []
    for batch in (stories[:1], stories):
        pages = fresh(batch)
        with CaptureQueriesContext(connection) as captured:
            rendered = render_bodies(pages, images=body_images(pages), absolute=absolute)
        counts.append(len(captured.captured_queries))
        assert all(body.image_ids == [image.pk] for body in rendered.values())
        assert all("<figure><img src=" in body.html and "Loom PIB" in body.text for body in rendered.values())
    assert counts[0] == counts[1] == 1, counts  # the images, once for the batch


def test_an_image_left_out_of_images_is_left_out_of_the_body():
    image = wagtail_factories.ImageFactory()
    story = SuccessStoryPageFactory(body=[("image", {"image": image, "caption": "Loom", "credit": ""})])
    pages = fresh([story])
    rendered = render_bodies(pages, images={}, absolute=absolute)[story.pk]
    assert "<figure" not in rendered.html
