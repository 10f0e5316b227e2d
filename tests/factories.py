"""Factories for test data. Use these, not JSON fixtures."""

import datetime as dt

import factory
import wagtail_factories
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from stories.models import StoryIndexPage, SuccessStoryPage
from taxonomy.models import District, IssuingOffice, Ministry, Product, Sector, State
from workshops.models import WorkshopIndexPage, WorkshopPage

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))


def locale(code: str = "en") -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


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
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "ODOP Success Stories"},
    )
    return home


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Stories"
    slug = "stories"

    class Meta:
        model = StoryIndexPage

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # wagtail_factories declares `parent` (default None): setdefault would not apply.
        if kwargs.get("parent") is None:
            kwargs["parent"] = home_page()
        return super()._create(model_class, *args, **kwargs)


class SuccessStoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Weavers of district {n} reach new markets")
    slug = factory.Sequence(lambda n: f"story-{n}")
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

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if kwargs.get("parent") is None:
            kwargs["parent"] = StoryIndexPage.objects.filter(locale__language_code="en").first() or (
                StoryIndexPageFactory()
            )
        return super()._create(model_class, *args, **kwargs)


class WorkshopIndexPageFactory(wagtail_factories.PageFactory):
    title = "ODOP Sampark"
    slug = "workshops"

    class Meta:
        model = WorkshopIndexPage

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # wagtail_factories declares `parent` (default None): setdefault would not apply.
        if kwargs.get("parent") is None:
            kwargs["parent"] = home_page()
        return super()._create(model_class, *args, **kwargs)


class WorkshopPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"ODOP Sampark workshop {n}")
    state = factory.SubFactory(StateFactory)
    date = dt.date(2024, 1, 20)
    venue = "Vanijya Bhawan"

    class Meta:
        model = WorkshopPage

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if kwargs.get("parent") is None:
            kwargs["parent"] = WorkshopIndexPage.objects.filter(locale__language_code="en").first() or (
                WorkshopIndexPageFactory()
            )
        return super()._create(model_class, *args, **kwargs)


def translate(instance, *language_codes: str, publish: bool = True):
    """Translate `instance` through wagtail-localize's own machinery, as the
    "Translate" action in the admin does: TranslationCreator makes a
    TranslationSource, translates the snippets it points at first, then calls
    Translation.save_target(). Untranslated strings fall back to the source.
    Returns the translations in the order of `language_codes`."""
    from wagtail_localize.operations import TranslationCreator

    locales = [locale(code) for code in language_codes]
    TranslationCreator(user=None, target_locales=locales).create_translations(instance)
    translations = [instance.get_translation(target) for target in locales]
    if publish:
        for translation in translations:
            if isinstance(translation, Page) and not translation.live:
                translation.get_latest_revision().publish()
                translation.refresh_from_db()
    return translations
