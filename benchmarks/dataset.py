"""Build the benchmark dataset: N stories in English, each translated into
every other requested locale.

The taxonomy, the site roots and their translations are made the real way
(demo.services, through wagtail-localize). Stories are made in bulk, because
creating 2,000 x 4 pages one by one through the page tree API takes many
minutes: page rows are computed (treebeard materialised paths, url_path,
translation_key) and inserted with ``bulk_create`` for the ``Page`` table and
one multi-row INSERT per batch for the ``SuccessStoryPage`` table. Each
translation is a real page: the same translation_key as its English source,
its own locale, under the translated story index, with translated text, the
translated sector/office/ministry and the source's districts and products (as
wagtail-localize's synchronised fields would give it).

Not made for bulk stories: revisions, the search index and the reference
index. Suites that need a search index build it themselves.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections.abc import Callable
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from demo import services as demo
from demo.content import load_content
from demo.images import poster_image
from stories.models import ReleaseIdSequence, Seller, StoryIndexPage, StoryTag, SuccessStoryPage

FIRST_RELEASE_ID = 5_000_001
BATCH = 250
POSTERS = 8
TAGS = ["silk", "handloom", "GI tag", "GeM", "ONDC", "exports", "women", "agriculture"]


def build(*, stories: int, locales: list[str], log: Callable[[str], None] = print) -> dict:
    """Make sure `stories` English stories exist, each in every locale.

    Extends an existing benchmark dataset instead of rebuilding it, so
    ``--stories 200,2000`` measures 200, then adds 1,800 and measures again.
    """
    timings = {}
    started = time.perf_counter()
    english = Locale.objects.get(language_code="en")
    targets = [Locale.objects.get_or_create(language_code=code)[0] for code in locales if code != "en"]
    result = demo.DemoResult()
    admin = demo.ensure_admin(result=result)
    taxonomy = demo.load_taxonomy(locale=english, result=result)
    demo.translate_taxonomy(taxonomy=taxonomy, locales=targets, user=admin, result=result)
    roots = demo.ensure_site_pages(locale=english, result=result)
    demo.translate_site_pages(roots=roots, locales=targets, user=admin, result=result)
    timings["taxonomy_and_roots_s"] = round(time.perf_counter() - started, 1)

    step = time.perf_counter()
    context = _Context(english=english, targets=targets, taxonomy=taxonomy, index=roots["stories"])
    existing = SuccessStoryPage.objects.filter(locale=english, release_id__gte=FIRST_RELEASE_ID).count()
    for first in range(existing, stories, BATCH):
        count = min(BATCH, stories - first)
        _add_batch(context=context, first=first, count=count)
        log(f"  stories {first + count}/{stories} x {len(targets) + 1} locales")
    if stories > existing:
        ReleaseIdSequence.observe(FIRST_RELEASE_ID + stories - 1)
    timings["stories_s"] = round(time.perf_counter() - step, 1)
    timings["total_s"] = round(time.perf_counter() - started, 1)
    return {
        "stories": stories,
        "locales": ["en", *[loc.language_code for loc in targets]],
        "pages": Page.objects.count(),
        "story_pages": SuccessStoryPage.objects.count(),
        "build": timings,
    }


class _Context:
    def __init__(self, *, english, targets, taxonomy, index):
        self.english = english
        self.targets = targets
        self.content_type = ContentType.objects.get_for_model(SuccessStoryPage)
        self.products = list(taxonomy["products"].values())
        self.offices = list(taxonomy["offices"].values())
        self.ministries = list(taxonomy["ministries"].values())
        self.index = {english.pk: index}
        self.sector_in = {}
        self.office_in = {}
        self.ministry_in = {}
        for locale in targets:
            self.index[locale.pk] = index.get_translation(locale)
        for locale in [english, *targets]:
            self.sector_in[locale.pk] = _by_key(taxonomy["sectors"].values(), locale)
            self.office_in[locale.pk] = _by_key(self.offices, locale)
            self.ministry_in[locale.pk] = _by_key(self.ministries, locale)
        self.posters = [
            poster_image(
                title=f"Benchmark poster {i}",
                heading=f"Benchmark poster {i}",
                subtitle="ODOP benchmark",
                badge="ODOP",
                palette=i,
                slug=f"bench-{i}",
            )
            for i in range(POSTERS)
        ]
        self.tags = [
            StoryTag.tag_model().objects.get_or_create(name=name, slug=name.lower().replace(" ", "-"))[0]
            for name in TAGS
        ]


def _by_key(snippets, locale: Locale) -> dict:
    """{translation_key: the snippet in `locale`, or the source}"""
    snippets = list(snippets)
    model = type(snippets[0])
    found = {
        obj.translation_key: obj
        for obj in model.objects.filter(
            translation_key__in=[s.translation_key for s in snippets], locale=locale
        )
    }
    return {s.translation_key: found.get(s.translation_key, s) for s in snippets}


@transaction.atomic
def _add_batch(*, context: _Context, first: int, count: int) -> None:
    specs = [_spec(context, first + i) for i in range(count)]
    seller_keys = [(uuid.uuid4(), uuid.uuid4()) for _ in specs]
    for locale in [context.english, *context.targets]:
        index = StoryIndexPage.objects.get(pk=context.index[locale.pk].pk)
        pages = [_page(context, spec, locale, index, index.numchild + 1 + i) for i, spec in enumerate(specs)]
        _insert_pages(pages)
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + len(pages))
        _insert_relations(context, pages, specs, seller_keys, locale)


def _spec(context: _Context, n: int) -> dict:
    product = context.products[n % len(context.products)]
    return {
        "n": n,
        "key": uuid.uuid4(),
        "product": product,
        "district": product.district,
        "state": product.district.state,
        "sector_key": product.sector.translation_key,
        "office_key": context.offices[n % len(context.offices)].translation_key,
        "ministry_key": context.ministries[n % len(context.ministries)].translation_key,
        "poster": context.posters[n % len(context.posters)],
        "posted_at": timezone.now() - dt.timedelta(hours=3 * n),
    }


def _texts(spec: dict, code: str) -> dict:
    """Headline, summary and body text in `code` (demo translations where known)."""
    product, district, state = spec["product"].name, spec["district"].name, spec["state"].name
    content = load_content()
    if code in content.sentences["generic_paragraph"]:
        names = {
            "product": content.taxonomy.names[product][code],
            "district": content.taxonomy.names[district][code],
            "state": content.taxonomy.names[state][code],
        }
        return {
            "title": f"{content.sentences['generic_headline'][code].format(**names)} ({spec['n'] + 1})",
            "summary": content.sentences["generic_summary"][code].format(**names),
            "paragraph": content.sentences["generic_paragraph"][code],
            "phrase": lambda text: content.phrases[text][code],
        }
    return {
        "title": f"{product}, {district}: new markets through ODOP ({spec['n'] + 1})",
        "summary": f"Artisans and farmers of {district}, {state}, found new buyers for {product} "
        "through ODOP training, branding and online sales.",
        "paragraph": f"For generations the makers of {product} in {district} sold through middlemen. "
        "Seller onboarding camps helped them list on GeM and ONDC, and direct orders have "
        "shortened payment cycles from months to days.",
        "phrase": lambda text: text,
    }


def _body(spec: dict, texts: dict) -> list:
    phrase = texts["phrase"]
    return [
        ("paragraph", f"<p>{texts['paragraph']}</p>"),
        ("heading", phrase("How the district built its brand")),
        ("paragraph", f"<p>{texts['paragraph']}</p>"),
        ("quote", {"quote": texts["paragraph"], "speaker": "A. Artisan"}),
        ("image", {"image": spec["poster"], "caption": texts["summary"][:200], "credit": "ODOP"}),
        ("heading", phrase("Results in numbers")),
        (
            "key_figures",
            [
                {
                    "value": Decimal(1200 + spec["n"]),
                    "unit": "",
                    "label": phrase("Artisans and farmers benefited"),
                },
                {
                    "value": Decimal("18.4"),
                    "unit": phrase("crore rupees"),
                    "label": phrase("Annual turnover"),
                },
            ],
        ),
        (
            "list",
            [phrase("Design and skill training for artisans"), phrase("Seller onboarding on GeM and ONDC")],
        ),
    ]


def _page(context: _Context, spec: dict, locale: Locale, index: Page, position: int) -> SuccessStoryPage:
    texts = _texts(spec, locale.language_code)
    slug = f"bench-story-{spec['n'] + 1}"
    return SuccessStoryPage(
        content_type=context.content_type,
        locale=locale,
        translation_key=spec["key"],
        path=Page._get_path(index.path, index.depth + 1, position),
        depth=index.depth + 1,
        numchild=0,
        title=texts["title"],
        draft_title=texts["title"],
        slug=slug,
        url_path=f"{index.url_path}{slug}/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=spec["posted_at"],
        last_published_at=spec["posted_at"],
        subheadlines=[("subheadline", texts["summary"][:120])],
        summary=texts["summary"],
        posted_at=spec["posted_at"],
        release_id=FIRST_RELEASE_ID + spec["n"],
        issuing_office=context.office_in[locale.pk][spec["office_key"]],
        ministry=context.ministry_in[locale.pk][spec["ministry_key"]],
        sector=context.sector_in[locale.pk][spec["sector_key"]],
        hero_image=spec["poster"],
        hero_caption=texts["summary"][:200],
        hero_credit="ODOP",
        body=_body(spec, texts),
        footer_initials="MG/AR/PK",
    )


def _insert_pages(pages: list[SuccessStoryPage]) -> None:
    """Insert MTI pages in bulk: Page rows first, then the child rows."""
    parent_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    bases = Page.objects.bulk_create(
        [Page(**{f.attname: getattr(page, f.attname) for f in parent_fields}) for page in pages]
    )
    for page, base in zip(pages, bases, strict=True):
        page.page_ptr_id = base.pk
        page.id = base.pk
    local_fields = list(SuccessStoryPage._meta.local_concrete_fields)
    # QuerySet._insert is what bulk_create uses per batch; bulk_create itself
    # refuses multi-table models.
    SuccessStoryPage._base_manager._insert(pages, fields=local_fields, using=SuccessStoryPage.objects.db)


def _insert_relations(context, pages, specs, seller_keys, locale) -> None:
    through_districts = SuccessStoryPage.districts.through
    through_products = SuccessStoryPage.products.through
    through_districts.objects.bulk_create(
        [
            through_districts(successstorypage_id=p.pk, district_id=s["district"].pk)
            for p, s in zip(pages, specs, strict=True)
        ]
    )
    through_products.objects.bulk_create(
        [
            through_products(successstorypage_id=p.pk, product_id=s["product"].pk)
            for p, s in zip(pages, specs, strict=True)
        ]
    )
    StoryTag.objects.bulk_create(
        [
            StoryTag(content_object_id=p.pk, tag=context.tags[(s["n"] + k) % len(context.tags)])
            for p, s in zip(pages, specs, strict=True)
            for k in range(2)
        ]
    )
    Seller.objects.bulk_create(
        [
            Seller(
                page_id=p.pk,
                locale=locale,
                translation_key=keys[k],
                sort_order=k,
                name=f"{s['district'].name} {'Weavers SHG' if k == 0 else 'Crafts House'}",
                kind=Seller.Kind.SHG if k == 0 else Seller.Kind.ENTERPRISE,
                where_to_buy=[
                    ("link", {"marketplace": "gem", "url": f"https://gem.gov.in/bench-{s['n']}"}),
                    ("link", {"marketplace": "ondc", "url": f"https://example.org/ondc/bench-{s['n']}"}),
                ],
            )
            for p, s, keys in zip(pages, specs, seller_keys, strict=True)
            for k in range(2)
        ]
    )
