"""Factories for test data. Use these, not JSON fixtures.

Page factories choose their parent with factory.LazyFunction: a story goes
under story_index(), an index under home_page(), a workshop under
workshop_index(); pass parent= for another. Translations of what these make:
tests.translation."""

import datetime as dt
from types import SimpleNamespace

import factory
import wagtail_factories
from wagtail.models import Page, Site

from home.models import HomePage
from languages.formatting import IST
from stories.models import StoryIndexPage, SuccessStoryPage
from taxonomy.models import District, IssuingOffice, Ministry, Product, Sector, State
from tests.translation import locale, translate
from workshops.models import WorkshopIndexPage, WorkshopPage


class LocaleFactoryMixin(factory.django.DjangoModelFactory):
    locale = factory.LazyFunction(locale)


class StateFactory(LocaleFactoryMixin):
    name = factory.Sequence(lambda n: f"State {n}")
    lgd_code = factory.Sequence(lambda n: 100 + n)

    class Meta:
        model = State


class DistrictFactory(LocaleFactoryMixin):
    name = factory.Sequence(lambda n: f"District {n}")
    state = factory.SubFactory(StateFactory)
    lgd_code = factory.Sequence(lambda n: 1000 + n)

    class Meta:
        model = District


class SectorFactory(LocaleFactoryMixin):
    name = factory.Sequence(lambda n: f"Sector {n}")
    slug = factory.Sequence(lambda n: f"sector-{n}")

    class Meta:
        model = Sector


class ProductFactory(LocaleFactoryMixin):
    name = factory.Sequence(lambda n: f"Product {n}")
    sector = factory.SubFactory(SectorFactory)
    district = factory.SubFactory(DistrictFactory)

    class Meta:
        model = Product


class MinistryFactory(LocaleFactoryMixin):
    name = "Ministry of Commerce & Industry"

    class Meta:
        model = Ministry


class IssuingOfficeFactory(LocaleFactoryMixin):
    name = "PIB Delhi"
    city = "Delhi"

    class Meta:
        model = IssuingOffice


def varanasi_handloom(*, has_gi_tag: bool = False) -> SimpleNamespace:
    """The taxonomy of the stories most tests tell, with real LGD codes:
    state (Uttar Pradesh, 9), district (Varanasi, 187), sector (handloom and
    textiles), product (Banarasi silk saree), office (PIB Delhi) and ministry."""
    state = StateFactory(name="Uttar Pradesh", lgd_code=9)
    district = DistrictFactory(name="Varanasi", state=state, lgd_code=187)
    sector = SectorFactory(name="Handloom and textiles", slug="handloom-textiles")
    return SimpleNamespace(
        state=state,
        district=district,
        sector=sector,
        product=ProductFactory(
            name="Banarasi silk saree", sector=sector, district=district, has_gi_tag=has_gi_tag
        ),
        office=IssuingOfficeFactory(name="PIB Delhi", city="New Delhi"),
        ministry=MinistryFactory(name="Ministry of Commerce and Industry"),
    )


def home_page() -> HomePage:
    """The English home page, made again (with the tree root and the default
    Site) when a transactional test has flushed what the migrations made."""
    home = HomePage.objects.filter(locale__language_code="en", depth=2).first()
    if home is not None:
        return home
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale("en"))
    )
    home = root.add_child(instance=HomePage(title="ODOP Success Stories", slug="home", locale=locale("en")))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "ODOP Success Stories",
        },
    )
    return home


def story_index(code: str = "en") -> StoryIndexPage:
    """The story index in language `code`: the one there is, else the English
    one under the home page (made if missing), translated with the home page
    into `code` through wagtail-localize."""
    existing = StoryIndexPage.objects.filter(locale__language_code=code).first()
    if existing is not None:
        return existing
    english = StoryIndexPage.objects.filter(locale__language_code="en").first() or StoryIndexPageFactory()
    if code == "en":
        return english
    home = home_page()
    if not home.has_translation(locale(code)):
        translate(home, code)
    return translate(english, code)


def workshop_index() -> WorkshopIndexPage:
    """The English workshop index: the one there is, else a new one under the home page."""
    return WorkshopIndexPage.objects.filter(locale__language_code="en").first() or WorkshopIndexPageFactory()


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Stories"
    slug = "stories"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = StoryIndexPage


class SuccessStoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Weavers of district {n} reach new markets")
    slug = factory.Sequence(lambda n: f"story-{n}")
    parent = factory.LazyFunction(story_index)
    summary = "Handloom weavers sell on GeM and ONDC."
    posted_at = dt.datetime(2024, 1, 31, 13, 42, tzinfo=IST)
    issuing_office = factory.SubFactory(IssuingOfficeFactory)
    ministry = factory.SubFactory(MinistryFactory)
    sector = factory.SubFactory(SectorFactory)
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>Artisans and farmers of the district gained buyers.</p>")]
    )

    class Meta:
        model = SuccessStoryPage


class WorkshopIndexPageFactory(wagtail_factories.PageFactory):
    title = "ODOP Sampark"
    slug = "workshops"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = WorkshopIndexPage


class WorkshopPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"ODOP Sampark workshop {n}")
    parent = factory.LazyFunction(workshop_index)
    state = factory.SubFactory(StateFactory)
    date = dt.date(2024, 1, 20)
    venue = "Vanijya Bhawan"

    class Meta:
        model = WorkshopPage
