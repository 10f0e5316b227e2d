"""Test data for syndication: stories in English translated through
wagtail-localize into Hindi, Tamil, Urdu and Bengali, and partners.

Not a fixture file: functions that tests call from module fixtures.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import wagtail_factories
from django.test import override_settings
from wagtail.models import Page

from languages.formatting import IST
from syndication import services
from tests.factories import (
    DistrictFactory,
    ProductFactory,
    SectorFactory,
    StateFactory,
    StoryIndexPageFactory,
    SuccessStoryPageFactory,
    home_page,
    locale,
    varanasi_handloom,
)
from tests.translation import translate

LANGUAGES = ("hi", "ta", "ur", "bn")
# Every segment gets a word in the target script in front, so each item is
# really in its language (and Urdu really right-to-left).
MARKERS = {"hi": "हिंदी", "ta": "தமிழ்", "ur": "اردو", "bn": "বাংলা"}


def in_script(code: str):
    """Strings for tests.translation.translate: each segment with the word
    for its language in front."""
    return lambda text, _path: f"{MARKERS[code]} {text}"


def story_body(image=None) -> list:
    body = [
        ("paragraph", "<p>Artisans and <b>weavers</b> of the district found buyers on GeM and ONDC.</p>"),
        ("heading", "Weavers earned more than ever"),
        (
            "key_figures",
            [
                {"value": Decimal("1234567"), "unit": "", "label": "weavers trained"},
                {"value": Decimal("12.5"), "unit": "lakh", "label": "turnover"},
            ],
        ),
        ("quote", {"quote": "ODOP gave our looms a market.", "speaker": "A weaver"}),
        ("list", ["Training", "Design support", "Market access"]),
    ]
    if image is not None:
        body.append(("image", {"image": image, "caption": "At the loom", "credit": "PIB"}))
    return body


def publish_story(
    *, index, n: int, sector, district, product, image=None, office=None, ministry=None, **extra
):
    story = SuccessStoryPageFactory(
        parent=index,
        title=f"Weavers of Varanasi reach new markets {n}",
        slug=f"weavers-{n}",
        summary="Handloom weavers sell on GeM and ONDC.",
        subheadlines=[("subheadline", "Sales doubled in a year")],
        sector=sector,
        issuing_office=office,
        ministry=ministry,
        hero_image=image,
        hero_caption="Looms of Varanasi" if image else "",
        hero_credit="PIB Varanasi" if image else "",
        body=story_body(image),
        posted_at=dt.datetime(2024, 1, 10, 10, 0, tzinfo=IST) + dt.timedelta(days=n),
        live=False,
        **extra,
    )
    story.districts.set([district])
    story.products.set([product])
    story.save_revision().publish()
    return story


def build_dataset(*, stories: int = 3, languages=LANGUAGES) -> dict:
    # Search-index updates are background tasks that syndication does not
    # read: queue them to the dummy backend instead of running them.
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}):
        return _build_dataset(stories=stories, languages=languages)


def _build_dataset(*, stories: int, languages) -> dict:
    home = home_page()
    for code in languages:
        locale(code)
    taxonomy = varanasi_handloom(has_gi_tag=True)
    up, varanasi, sector, silk = taxonomy.state, taxonomy.district, taxonomy.sector, taxonomy.product
    office, ministry = taxonomy.office, taxonomy.ministry
    tn = StateFactory(name="Tamil Nadu", lgd_code=33)
    kanchipuram = DistrictFactory(name="Kanchipuram", state=tn, lgd_code=575)
    food = SectorFactory(name="Food processing", slug="food-processing")
    kanchi = ProductFactory(name="Kanchipuram silk", sector=sector, district=kanchipuram)
    index = StoryIndexPageFactory(parent=home)
    image = wagtail_factories.ImageFactory(title="Looms of Varanasi")
    up_stories = [
        publish_story(
            index=index,
            n=n,
            sector=sector,
            district=varanasi,
            product=silk,
            image=image,
            office=office,
            ministry=ministry,
        )
        for n in range(stories)
    ]
    tn_story = publish_story(
        index=index,
        n=100,
        sector=sector,
        district=kanchipuram,
        product=kanchi,
        office=office,
        ministry=ministry,
    )
    snippets = (up, tn, varanasi, kanchipuram, sector, food, silk, kanchi, office, ministry)
    for code in languages:
        for instance in [*snippets, home, index, *up_stories, tn_story]:
            translate(instance, code, strings=in_script(code))
    return {
        "index": index,
        "stories": up_stories,
        "tn_story": tn_story,
        "up": up,
        "tn": tn,
        "varanasi": varanasi,
        "kanchipuram": kanchipuram,
        "sector": sector,
        "food": food,
        "silk": silk,
        "kanchi": kanchi,
        "image": image,
        "office": office,
        "ministry": ministry,
    }


def translation_of(page, code: str):
    return Page.objects.get(translation_key=page.translation_key, locale__language_code=code).specific


def partner_key(name: str, languages=("en", "hi"), states=(), embargo=False) -> str:
    issued = services.create_partner(
        name=name, languages=languages, states=[str(s) for s in states], may_see_embargoed=embargo
    )
    return issued.plaintext


def auth(key: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}
