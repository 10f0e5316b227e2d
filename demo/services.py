"""Load the demo site: taxonomy, pages, stories, workshops and translations.

Every function is idempotent: it finds what an earlier run made (by LGD code,
slug, release ID or translation_key + locale) and only creates what is
missing, so running ``load_demo`` twice changes nothing.

Translations go through wagtail-localize's own models: a TranslationSource
for the English object, a Translation per target locale, a StringTranslation
per segment, then ``Translation.save_target(publish=True)``.

Transactions: each unit (the taxonomy, one story, one translation) is its own
``transaction.atomic`` block, and there is deliberately no outer one.
wagtail-localize publishes a translation in ``transaction.on_commit``; inside
one long transaction those deferred publishes would run at the very end from
stale in-memory pages and reset the tree's ``numchild`` (translated parents
then 404 their children). A failed run leaves whole units behind, and the
next run completes what is missing.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.models import HomePage
from stories.models import Seller, StoryIndexPage, SuccessStoryPage
from taxonomy.models import District, IssuingOffice, Ministry, Product, Sector, State
from workshops.models import WorkshopIndexPage, WorkshopPage

from . import data
from .images import poster_image

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "odop-demo-admin"  # noqa: S105 - the documented demo login, created only here
FIRST_RELEASE_ID = 2_100_001
INITIALS = ["MG/AR/PK", "DS/SKS", "AD/NS", "RT/SM", "SS/AK"]
CREDIT = "Illustration: ODOP demo (generated)"

# A segment translator gets (source text, segment context path) and returns
# the translated text, or None to let wagtail-localize fall back to the source.
SegmentTranslator = Callable[[str, str], "str | None"]


@dataclass
class DemoResult:
    created: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def add(self, what: str, count: int = 1) -> None:
        self.created[what] = self.created.get(what, 0) + count


# --- Entry point ----------------------------------------------------------------


def load_demo(*, log: Callable[[str], None] = lambda _: None) -> DemoResult:
    """Create (or complete) the whole demo site in one transaction."""
    started = time.perf_counter()
    result = DemoResult()
    admin = ensure_admin(result=result)
    english = Locale.objects.get(language_code="en")
    site_locales = _enabled_locales(exclude=english)
    story_locales = [loc for loc in site_locales if loc.language_code in data.STORY_LOCALES]
    log(f"Locales: {len(site_locales) + 1} enabled, stories translated into {len(story_locales)}")

    taxonomy = load_taxonomy(locale=english, result=result)
    translate_taxonomy(taxonomy=taxonomy, locales=story_locales, user=admin, result=result)
    log(f"Taxonomy: {sum(len(v) for v in taxonomy.values())} English snippets")

    roots = ensure_site_pages(locale=english, result=result)
    translate_site_pages(roots=roots, locales=site_locales, user=admin, result=result)
    log(f"Site roots translated into {len(site_locales)} locales")

    stories = load_stories(index=roots["stories"], taxonomy=taxonomy, user=admin, result=result)
    for story in stories:
        translate_story(story=story, locales=story_locales, user=admin, result=result)
    log(f"Stories: {len(stories)} English, translated into {len(story_locales)} locales")

    workshops = load_workshops(index=roots["workshops"], taxonomy=taxonomy, stories=stories, result=result)
    for workshop in workshops:
        translate_workshop(workshop=workshop, locales=story_locales, user=admin, result=result)
    log(f"Workshops: {len(workshops)}")
    result.seconds = round(time.perf_counter() - started, 1)
    return result


def _enabled_locales(*, exclude: Locale) -> list[Locale]:
    codes = [code for code, _name in settings.LANGUAGES if code != exclude.language_code]
    existing = {loc.language_code: loc for loc in Locale.objects.filter(language_code__in=codes)}
    missing = [Locale(language_code=code) for code in codes if code not in existing]
    for locale in Locale.objects.bulk_create(missing):
        existing[locale.language_code] = locale
    return [existing[code] for code in codes]


@transaction.atomic
def ensure_admin(*, result: DemoResult):
    User = get_user_model()
    user = User.objects.filter(username=ADMIN_USERNAME).first()
    if user is None:
        user = User.objects.create_superuser(ADMIN_USERNAME, "admin@example.org", ADMIN_PASSWORD)
        result.add("admin user")
    return user


# --- Taxonomy -------------------------------------------------------------------------


@transaction.atomic
def load_taxonomy(*, locale: Locale, result: DemoResult) -> dict[str, dict]:
    """The English snippets, keyed the way data.py refers to them."""

    def get(model, lookup: dict, defaults: dict):
        obj, created = model.objects.get_or_create(locale=locale, **lookup, defaults=defaults)
        if created:
            result.add(model._meta.model_name)
        return obj

    states = {code: get(State, {"lgd_code": code}, {"name": name}) for code, name in data.STATES}
    sectors = {slug: get(Sector, {"slug": slug}, {"name": name}) for slug, name in data.SECTORS}
    districts = {
        code: get(District, {"lgd_code": code}, {"name": name, "state": states[state]})
        for code, name, state in data.DISTRICTS
    }
    products = {
        name: get(
            Product,
            {"name": name},
            {"district": districts[district], "sector": sectors[sector], "rank": rank, "has_gi_tag": gi},
        )
        for name, district, sector, rank, gi in data.PRODUCTS
    }
    ministries = {name: get(Ministry, {"name": name}, {}) for name in data.MINISTRIES}
    offices = {name: get(IssuingOffice, {"name": name}, {"city": city}) for name, city in data.OFFICES}
    return {
        "states": states,
        "sectors": sectors,
        "districts": districts,
        "products": products,
        "ministries": ministries,
        "offices": offices,
    }


def translate_taxonomy(*, taxonomy: dict, locales: list[Locale], user, result: DemoResult) -> None:
    # Order matters: a district's translation points at its state's.
    for group in ("states", "sectors", "ministries", "offices", "districts", "products"):
        for snippet in taxonomy[group].values():
            for locale in locales:
                if translate_object(
                    instance=snippet, locale=locale, translate_text=names_translator(locale), user=user
                ):
                    result.add(f"{snippet._meta.model_name} translation")


def names_translator(locale: Locale) -> SegmentTranslator:
    """Names from data.NAMES; other languages fall back to the English name."""
    code = locale.language_code
    index = data.STORY_LOCALES.index(code) if code in data.STORY_LOCALES else None

    def translate(text: str, path: str) -> str | None:
        names = data.NAMES.get(text)
        return names[index] if names and index is not None else None

    return translate


# --- wagtail-localize -------------------------------------------------------------------


@transaction.atomic
def translate_object(*, instance, locale: Locale, translate_text: SegmentTranslator, user=None) -> bool:
    """Translate `instance` into `locale` through wagtail-localize.

    Returns False, touching nothing, if a translation already exists.
    """
    if instance.get_translation_or_none(locale) is not None:
        return False
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = translate_text(html.unescape(segment.string.data), segment.context.path)
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": html.escape(text, quote=False),
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
            },
        )
    translation.save_target(user=user, publish=True)
    return True


# --- Site pages ----------------------------------------------------------------------------


@transaction.atomic
def ensure_site_pages(*, locale: Locale, result: DemoResult) -> dict[str, Page]:
    home = HomePage.objects.get(locale=locale, depth=2)
    intro = next(iter(p for p in data.PHRASES if p.startswith("Success stories of the One District")))
    if home.intro != intro:
        home.intro = intro
        home.save_revision().publish()
    stories = _child(home, StoryIndexPage, slug="stories", title="Success stories", result=result)
    workshops = _child(
        home, WorkshopIndexPage, slug="odop-sampark", title="ODOP Sampark workshops", result=result
    )
    return {"home": home, "stories": stories, "workshops": workshops}


def _child(parent: Page, model, *, slug: str, title: str, result: DemoResult):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(title=title, slug=slug)
        parent.add_child(instance=page)
        page.save_revision().publish()
        result.add(model._meta.model_name)
    return page


def translate_site_pages(*, roots: dict[str, Page], locales: list[Locale], user, result: DemoResult) -> None:
    for kind in ("home", "stories", "workshops"):
        page = roots[kind]
        for locale in locales:
            title = data.SITE_TITLES[kind].get(locale.language_code)

            def translate(text: str, path: str, title=title, locale=locale) -> str | None:
                if path == "title":
                    return title
                return _phrase(text, locale)

            if translate_object(instance=page, locale=locale, translate_text=translate, user=user):
                result.add(f"{kind} page translation")


def _phrase(text: str, locale: Locale) -> str | None:
    if locale.language_code not in data.STORY_LOCALES:
        return None
    phrases = data.PHRASES.get(text)
    return phrases[data.STORY_LOCALES.index(locale.language_code)] if phrases else None


# --- Stories -----------------------------------------------------------------------------------


def load_stories(
    *, index: StoryIndexPage, taxonomy: dict, user, result: DemoResult
) -> list[SuccessStoryPage]:
    stories = []
    for position, story_data in enumerate(data.STORIES):
        story = SuccessStoryPage.objects.child_of(index).filter(slug=story_data["key"]).first()
        if story is None:
            story = _create_story(
                index=index,
                story_data=story_data,
                release_id=FIRST_RELEASE_ID + position,
                initials=INITIALS[position % len(INITIALS)],
                taxonomy=taxonomy,
                user=user,
            )
            result.add("success story")
        stories.append(story)
    return stories


def _place(story_data: dict, taxonomy: dict) -> tuple[Product, District, State]:
    product = taxonomy["products"][story_data["product"]]
    district = product.district
    return product, district, district.state


def _caption(story_data: dict, taxonomy: dict) -> str:
    product, district, state = _place(story_data, taxonomy)
    return f"{product.name}, {district.name} ({state.name})"


@transaction.atomic
def _create_story(*, index, story_data: dict, release_id: int, initials: str, taxonomy: dict, user):
    product, district, state = _place(story_data, taxonomy)
    badge = "ODOP  ·  GI tag" if product.has_gi_tag else "ODOP"
    hero = poster_image(
        title=f"ODOP poster: {product.name}",
        heading=product.name,
        subtitle=f"{district.name}, {state.name}",
        badge=badge,
        palette=story_data["palette"],
        slug=story_data["key"],
    )
    detail = poster_image(
        title=f"ODOP poster: {product.name} ({story_data['sellers'][0][0]})",
        heading=product.name,
        subtitle=story_data["sellers"][0][0],
        badge=badge,
        palette=story_data["palette"] + 5,
        slug=f"{story_data['key']}-detail",
    )
    caption = _caption(story_data, taxonomy)
    story = SuccessStoryPage(
        title=story_data["headline"],
        slug=story_data["key"],
        subheadlines=[("subheadline", text) for text in story_data["subheadlines"]],
        summary=story_data["summary"],
        posted_at=story_data["posted"],
        release_id=release_id,
        issuing_office=taxonomy["offices"][story_data["office"]],
        ministry=taxonomy["ministries"][story_data["ministry"]],
        sector=product.sector,
        hero_image=hero,
        hero_caption=caption,
        hero_credit=CREDIT,
        footer_initials=initials,
        body=_story_body(story_data, image=detail, caption=caption),
    )
    story.districts = [district]
    story.products = [product]
    story.tags.add(*story_data["tags"])
    story.sellers = [
        Seller(
            name=name,
            kind=kind,
            where_to_buy=[("link", {"marketplace": market, "url": url}) for market, url in links],
        )
        for name, kind, links in story_data["sellers"]
    ]
    index.add_child(instance=story)
    story.save_revision(user=user).publish(user=user)
    return story


def _story_body(story_data: dict, *, image, caption: str) -> list:
    first, second = story_data["paragraphs"]
    return [
        ("paragraph", f"<p>{html.escape(first, quote=False)}</p>"),
        ("heading", "How the district built its brand"),
        ("paragraph", f"<p>{html.escape(second, quote=False)}</p>"),
        ("quote", {"quote": story_data["quote"], "speaker": story_data["speaker"]}),
        ("image", {"image": image, "caption": caption, "credit": CREDIT}),
        ("heading", "Results in numbers"),
        (
            "key_figures",
            [{"value": value, "unit": unit, "label": label} for value, unit, label in story_data["figures"]],
        ),
        ("heading", "What ODOP support included"),
        ("list", list(story_data["support"])),
    ]


def story_translator(*, story: SuccessStoryPage, locale: Locale) -> SegmentTranslator:
    code = locale.language_code
    at = data.STORY_LOCALES.index(code)
    story_data = next(s for s in data.STORIES if s["key"] == story.slug)
    product = Product.objects.select_related("district__state").get(
        name=story_data["product"], locale__language_code="en"
    )
    names = {
        "product": data.NAMES[product.name][at],
        "district": data.NAMES[product.district.name][at],
        "state": data.NAMES[product.district.state.name][at],
    }
    headline, summary = data.KEY_TRANSLATIONS.get(story.slug, {}).get(code) or (
        data.TEMPLATES["headline"][at].format(**names),
        data.TEMPLATES["summary"][at].format(**names),
    )
    known = {
        story_data["headline"]: headline,
        story_data["summary"]: summary,
        f"{product.name}, {product.district.name} ({product.district.state.name})": data.TEMPLATES["caption"][
            at
        ].format(**names),
    }
    for subheadline in story_data["subheadlines"]:
        known[subheadline] = data.TEMPLATES["subheadline"][at].format(**names)
    if code == "hi" and story.slug == "varanasi-banarasi-silk":
        known.update(data.FULL_HINDI)
    pending = {*story_data["paragraphs"], story_data["quote"]}

    def translate(text: str, path: str) -> str | None:
        if text in known:
            return known[text]
        if text in pending:
            return data.TEMPLATES["pending"][at]
        return _phrase(text, locale)

    return translate


def translate_story(*, story: SuccessStoryPage, locales: list[Locale], user, result: DemoResult) -> None:
    for locale in locales:
        translator = story_translator(story=story, locale=locale)
        if translate_object(instance=story, locale=locale, translate_text=translator, user=user):
            result.add("story translation")


# --- Workshops ------------------------------------------------------------------------------------


def load_workshops(*, index, taxonomy: dict, stories: list[SuccessStoryPage], result: DemoResult):
    by_slug = {story.slug: story for story in stories}
    workshops = []
    for item in data.WORKSHOPS:
        workshop = WorkshopPage.objects.child_of(index).filter(slug=item["slug"]).first()
        if workshop is None:
            workshop = _create_workshop(index=index, item=item, taxonomy=taxonomy, by_slug=by_slug)
            result.add("workshop")
        workshops.append(workshop)
    return workshops


@transaction.atomic
def _create_workshop(*, index, item: dict, taxonomy: dict, by_slug: dict) -> WorkshopPage:
    workshop = WorkshopPage(
        title=item["title"],
        slug=item["slug"],
        state=taxonomy["states"][item["state"]],
        date=item["date"],
        venue=item["venue"],
        summary=item["summary"],
    )
    workshop.stories = [by_slug[key] for key in item["stories"]]
    index.add_child(instance=workshop)
    workshop.save_revision().publish()
    return workshop


def translate_workshop(*, workshop: WorkshopPage, locales: list[Locale], user, result: DemoResult) -> None:
    item = next(w for w in data.WORKSHOPS if w["slug"] == workshop.slug)
    state_name = dict(data.STATES)[item["state"]]
    for locale in locales:
        at = data.STORY_LOCALES.index(locale.language_code)
        known = {
            item["title"]: data.TEMPLATES["workshop_title"][at].format(city=data.NAMES[item["city"]][at]),
            item["summary"]: data.TEMPLATES["workshop_summary"][at].format(state=data.NAMES[state_name][at]),
        }
        if translate_object(
            instance=workshop,
            locale=locale,
            translate_text=lambda text, path, k=known: k.get(text),
            user=user,
        ):
            result.add("workshop translation")
