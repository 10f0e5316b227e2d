"""Build the benchmark dataset: N stories in English, each translated into
every other requested locale, in bulk.

The taxonomy, the site roots and their translations are made the real way
(demo.services, through wagtail-localize). Stories are made in batches of 250
inside one transaction each: page rows are computed (treebeard materialised
paths, depth, numchild, url_path, translation_key) and inserted with
``bulk_create`` for the ``Page`` table and one multi-row INSERT per batch for
the ``SuccessStoryPage`` table. Each translation is a real page: the same
translation_key as its English source, its own locale, under the translated
story index, with translated text, the translated sector/office/ministry and
the source's districts and products (as wagtail-localize's synchronised
fields would give it).

Each English story then gets what publishing it and translating it through
wagtail-localize leaves behind, made in bulk: a live revision (its content is
the page's own ``serializable_data()``), a TranslatableObject, a
TranslationSource (``content_json`` as wagtail-localize writes it) with its
String, Template, RelatedObject and Overridable segments and their
TranslationContexts, this project's SourceSync (the source's revision), and for
each other locale a Translation with a complete LanguageVersion up to date with
that revision. Segments are not extracted story by story (30-50 ms each):
wagtail-localize's own ``extract_segments`` runs once per product, and the other
stories of that product reuse its segments with their own title, slug, seller
keys, snippets and images, which are the only values that differ (stream block
ids are the same in every bench story; benchmarks/tests checks the result
against ``extract_segments`` itself). Not made: the translated pages'
revisions and StringTranslations (the live translations are complete, which is
what the status matrix and outdated detection read). After the stories: their
story counts and partner-feed positions (what publishing would have kept),
the SQLite search index and planner statistics.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import time
import uuid
from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    String,
    StringSegment,
    Template,
    TemplateSegment,
    TranslatableObject,
    Translation,
    TranslationContext,
    TranslationSource,
    get_schema_version,
)
from wagtail_localize.segments import (
    OverridableSegmentValue,
    RelatedObjectSegmentValue,
    StringSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.extract import extract_segments

from demo import services as demo
from demo.content import load_content
from demo.images import poster_image
from operations.services.statistics import refresh as refresh_planner_statistics
from stories.models import ReleaseIdSequence, Seller, StoryIndexPage, StoryTag, SuccessStoryPage
from stories.services.story_counts import rebuild_story_counts
from syndication.services import refresh_feed_positions
from translations.models import LanguageVersion, SourceSync

FIRST_RELEASE_ID = 5_000_001
BATCH = 250
POSTERS = 8
TAGS = ["silk", "handloom", "GI tag", "GeM", "ONDC", "exports", "women", "agriculture"]
# Stream block ids: the same in every bench story (they need only be unique
# within one stream), so the stories of one product share their segment paths.
BLOCK_NAMESPACE = uuid.UUID("0d0b3c1e-6a41-4a55-9d7e-6b2f3b0c5e10")


BLOCK_NAMES = ("s1", "p1", "h1", "p2", "q1", "i1", "h2", "k1", "k1-1", "k1-2", "l1", "l1-1", "l1-2")


def _block_id(name: str) -> str:
    return str(uuid.uuid5(BLOCK_NAMESPACE, name))


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
    # The stories went in without publishing: count them as publishing would have.
    step = time.perf_counter()
    rebuild_story_counts()
    timings["story_counts_s"] = round(time.perf_counter() - step, 1)
    # ... and give them the partner feed's order keys, as saving them would have.
    step = time.perf_counter()
    refresh_feed_positions()
    timings["feed_positions_s"] = round(time.perf_counter() - step, 1)
    step = time.perf_counter()
    timings["search_index"] = index_stories(log=log)
    timings["search_index_s"] = round(time.perf_counter() - step, 1)
    step = time.perf_counter()
    analyze()
    timings["analyze_s"] = round(time.perf_counter() - step, 1)
    timings["total_s"] = round(time.perf_counter() - started, 1)
    return {
        "stories": stories,
        "locales": ["en", *[loc.language_code for loc in targets]],
        "pages": Page.objects.count(),
        "story_pages": SuccessStoryPage.objects.count(),
        "build": timings,
    }


def index_stories(*, log: Callable[[str], None] = print) -> dict:
    """SQLite's search index (the embedded default) for every bench story not
    yet in it: the first story of each product in each locale through the
    real indexer (``add_items``: its stream read, every text folded with its
    romanized keys), the others get that entry with their own title (the
    only text in which the stories of one product differ; benchmarks/tests
    compares with the real indexer). FTS5's own trigger indexes the rows.
    Elsewhere (PostgreSQL, a search engine) the search suite runs
    ``update_index`` instead."""
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    if connection.vendor != "sqlite" or not hasattr(backend, "newest_ids"):
        return {"skipped": "not the SQLite database backend: the search suite rebuilds the index"}
    # SQLite's index models exist only on SQLite: imported after the check.
    from modelsearch.backends.database.sqlite.sqlite import IndexEntry
    from modelsearch.utils import get_content_type_pk

    from search.normalize import index_text

    index = backend.get_index_for_model(SuccessStoryPage)
    content_type = get_content_type_pk(SuccessStoryPage)
    indexed = IndexEntry.objects.filter(content_type_id=content_type).values("object_id")
    missing = list(
        SuccessStoryPage.objects.filter(release_id__gte=FIRST_RELEASE_ID)
        .annotate(_object_id=Cast("pk", CharField()))
        .exclude(_object_id__in=indexed)
        .order_by("pk")
        .values_list("pk", "locale_id", "products__pk", "title")
    )
    prototypes: dict = {}  # (locale, product) -> (folded title, title, autocomplete, body)
    rows = []
    real = 0
    for pk, locale_id, product_id, title in missing:
        key = (locale_id, product_id)
        if key not in prototypes:
            page = SuccessStoryPage.objects.get(pk=pk)
            index.add_items(SuccessStoryPage, [page])
            real += 1
            entry = IndexEntry.objects.get(content_type_id=content_type, object_id=str(pk))
            prototypes[key] = (index_text(title), entry.title, entry.autocomplete, entry.body)
            continue
        folded, proto_title, proto_autocomplete, body = prototypes[key]
        own = index_text(title)
        rows.append(
            IndexEntry(
                content_type_id=content_type,
                object_id=str(pk),
                title=proto_title.replace(folded, own),
                autocomplete=proto_autocomplete.replace(folded, own),
                body=body,
                title_norm=1.0,
            )
        )
        if len(rows) >= 2000:
            IndexEntry.objects.bulk_create(rows)
            rows = []
    IndexEntry.objects.bulk_create(rows)
    index._refresh_title_norms(full=True)
    log(f"  search index: {real} stories through the indexer, the others copied from them")
    return {"stories": len(missing), "through_indexer": real}


def analyze() -> None:
    """Table statistics for the query planner, as a site that has been
    running has them (the scheduler refreshes them daily): without them
    SQLite and PostgreSQL plan the bench's queries on guesses. A full
    ANALYZE (operations.services.statistics): a sampled one misestimated the
    listings at 20,000 stories."""
    refresh_planner_statistics(connection.alias)


class _Context:
    def __init__(self, *, english, targets, taxonomy, index):
        self.english = english
        self.targets = targets
        self.content_type = ContentType.objects.get_for_model(SuccessStoryPage)
        self.page_type = ContentType.objects.get_for_model(Page)
        self.schema_version = get_schema_version(SuccessStoryPage._meta.app_label)
        # product pk -> (segment values of its first story, that story's seller keys)
        self.prototypes: dict = {}
        self.field_paths: dict = {}
        self.templates: dict = {}
        self.translatables: dict = {}
        self.block_ids = {_block_id(name) for name in BLOCK_NAMES}
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
    english = None
    for locale in [context.english, *context.targets]:
        index = StoryIndexPage.objects.get(pk=context.index[locale.pk].pk)
        pages = [_page(context, spec, locale, index, index.numchild + 1 + i) for i, spec in enumerate(specs)]
        _insert_pages(pages)
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + len(pages))
        children = _insert_relations(context, pages, specs, seller_keys, locale)
        if locale.pk == context.english.pk:
            english = (pages, children)
    _publish_and_localize(context, specs, *english)


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


def _body(spec: dict, texts: dict) -> list[dict]:
    """The body as stored stream data (what StreamField keeps in the database)."""
    phrase = texts["phrase"]

    def block(name: str, kind: str, value) -> dict:
        return {"type": kind, "value": value, "id": _block_id(name)}

    def item(name: str, value) -> dict:
        return {"type": "item", "value": value, "id": _block_id(name)}

    return [
        block("p1", "paragraph", f"<p>{texts['paragraph']}</p>"),
        block("h1", "heading", phrase("How the district built its brand")),
        block("p2", "paragraph", f"<p>{texts['paragraph']}</p>"),
        block("q1", "quote", {"quote": texts["paragraph"], "speaker": "A. Artisan"}),
        block(
            "i1",
            "image",
            {"image": spec["poster"].pk, "caption": texts["summary"][:200], "credit": "ODOP"},
        ),
        block("h2", "heading", phrase("Results in numbers")),
        block(
            "k1",
            "key_figures",
            [
                item(
                    "k1-1",
                    {
                        "value": str(1200 + spec["n"]),
                        "unit": "",
                        "label": phrase("Artisans and farmers benefited"),
                    },
                ),
                item(
                    "k1-2",
                    {"value": "18.4", "unit": phrase("crore rupees"), "label": phrase("Annual turnover")},
                ),
            ],
        ),
        block(
            "l1",
            "list",
            [
                item("l1-1", phrase("Design and skill training for artisans")),
                item("l1-2", phrase("Seller onboarding on GeM and ONDC")),
            ],
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
        subheadlines=[{"type": "subheadline", "value": texts["summary"][:120], "id": _block_id("s1")}],
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
    tags = StoryTag.objects.bulk_create(
        [
            StoryTag(content_object_id=p.pk, tag=context.tags[(s["n"] + k) % len(context.tags)])
            for p, s in zip(pages, specs, strict=True)
            for k in range(2)
        ]
    )
    sellers = Seller.objects.bulk_create(
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
    return [
        {"sellers": sellers[2 * i : 2 * i + 2], "tagged_items": tags[2 * i : 2 * i + 2]}
        for i in range(len(pages))
    ]


# --- What publishing and translating through wagtail-localize leaves ------------


def _publish_and_localize(context: _Context, specs: list[dict], pages: list, children: list[dict]) -> None:
    """Live revisions, TranslationSources with their segments, SourceSyncs, and
    a Translation with a complete LanguageVersion per other locale, for the
    English `pages` (just inserted, with their `children`)."""
    now = timezone.now()
    data = []
    for page, spec, kids in zip(pages, specs, children, strict=True):
        # The children in memory (modelcluster), so serializable_data() makes no query.
        page.sellers = kids["sellers"]
        page.tagged_items = kids["tagged_items"]
        page.wagtail_admin_comments = []
        page.districts = [spec["district"]]
        page.products = [spec["product"]]
        data.append(page.serializable_data())
    revisions = Revision.objects.bulk_create(
        Revision(
            content_type=context.content_type,
            base_content_type=context.page_type,
            object_id=str(page.pk),
            object_str=page.title[:255],
            content=content,
            created_at=spec["posted_at"],
        )
        for page, spec, content in zip(pages, specs, data, strict=True)
    )
    for page, revision, spec in zip(pages, revisions, specs, strict=True):
        page.live_revision_id = page.latest_revision_id = revision.pk
        page.latest_revision_created_at = spec["posted_at"]
    Page.objects.bulk_update(
        [
            Page(
                pk=page.pk,
                live_revision_id=page.live_revision_id,
                latest_revision_id=page.latest_revision_id,
                latest_revision_created_at=page.latest_revision_created_at,
            )
            for page in pages
        ],
        ["live_revision", "latest_revision", "latest_revision_created_at"],
    )
    TranslatableObject.objects.bulk_create(
        [
            TranslatableObject(translation_key=page.translation_key, content_type=context.page_type)
            for page in pages
        ]
    )
    sources = TranslationSource.objects.bulk_create(
        TranslationSource(
            object_id=page.translation_key,
            specific_content_type=context.content_type,
            locale=context.english,
            object_repr=str(page)[:200],
            content_json=json.dumps(content, cls=DjangoJSONEncoder),
            schema_version=context.schema_version,
            created_at=now,
            last_updated_at=now,
        )
        for page, content in zip(pages, data, strict=True)
    )
    SourceSync.objects.bulk_create(
        SourceSync(source=source, revision=revision)
        for source, revision in zip(sources, revisions, strict=True)
    )
    _insert_segments(
        context,
        sources,
        [segment_values(context, page, spec) for page, spec in zip(pages, specs, strict=True)],
        pages,
    )
    translations = Translation.objects.bulk_create(
        Translation(source=source, target_locale=locale, created_at=now, enabled=True)
        for source in sources
        for locale in context.targets
    )
    per_source = len(context.targets)
    LanguageVersion.objects.bulk_create(
        LanguageVersion(
            translation=translation,
            source_revision=revisions[i // per_source],
            complete=True,
            untranslated=[],
            published_at=specs[i // per_source]["posted_at"],
        )
        for i, translation in enumerate(translations)
    )


def segment_values(context: _Context, page: SuccessStoryPage, spec: dict) -> list:
    """What wagtail-localize's ``extract_segments(page)`` returns for a bench
    story, from the first story of its product (extracted for real) with this
    story's own title, slug, seller keys, snippets and images."""
    product = spec["product"].pk
    if product not in context.prototypes:
        context.prototypes[product] = (
            extract_segments(page),
            [str(s.translation_key) for s in page.sellers.all()],
        )
    values, seller_keys = context.prototypes[product]
    own_keys = [str(s.translation_key) for s in page.sellers.all()]
    made = []
    for value in values:
        value = copy.copy(value)
        for old, new in zip(seller_keys, own_keys, strict=True):
            if value.path.startswith(f"sellers.{old}."):
                value.path = f"sellers.{new}." + value.path[len(f"sellers.{old}.") :]
        if isinstance(value, StringSegmentValue) and value.path in ("title", "slug"):
            value = StringSegmentValue(value.path, getattr(page, value.path)).with_order(value.order)
        elif isinstance(value, RelatedObjectSegmentValue):
            value = RelatedObjectSegmentValue.from_instance(value.path, getattr(page, value.path)).with_order(
                value.order
            )
        elif isinstance(value, OverridableSegmentValue):
            value.data = spec["poster"].pk
        made.append(value)
    return made


def _insert_segments(context: _Context, sources: list, values_per_source: list[list], pages: list) -> None:
    """The segment rows wagtail-localize's ``refresh_segments`` would make,
    in bulk: Strings and Templates shared by content, one TranslationContext
    per (story, path)."""
    english = context.english
    hashes = {}
    for values in values_per_source:
        for value in values:
            if isinstance(value, StringSegmentValue):
                hashes.setdefault(String._get_data_hash(value.string.data), value.string.data)
    known = dict(
        String.objects.filter(locale=english, data_hash__in=list(hashes)).values_list("data_hash", "pk")
    )
    String.objects.bulk_create(
        [String(locale=english, data_hash=h, data=d) for h, d in hashes.items() if h not in known],
        ignore_conflicts=True,
    )
    known = dict(
        String.objects.filter(locale=english, data_hash__in=list(hashes)).values_list("data_hash", "pk")
    )
    # One context per (story, path): a rich text block's template and string
    # share one. These two tables get about 30 rows per story: plain
    # executemany, without model instances (a third of the build's time).
    uid = _uuid_param()
    wanted = {}
    for source, values, page in zip(sources, values_per_source, pages, strict=True):
        for value in values:
            if (source.object_id, value.path) not in wanted:
                wanted[source.object_id, value.path] = (
                    uid(source.object_id),
                    value.path,
                    uid(TranslationContext._get_path_id(value.path)),
                    _field_path(context, page, value.path),
                )
    _insert_rows(TranslationContext, ["object_id", "path", "path_id", "field_path"], wanted.values())
    context_ids = {
        (key, path): pk
        for pk, key, path in TranslationContext.objects.filter(
            object_id__in=[source.object_id for source in sources]
        ).values_list("pk", "object_id", "path")
    }
    strings, templates, related, overridable = [], [], [], []
    for source, values in zip(sources, values_per_source, strict=True):
        for value in values:
            common = (source.pk, context_ids[source.object_id, value.path], value.order)
            if isinstance(value, TemplateSegmentValue):
                templates.append((*common, _template(context, value).pk))
            elif isinstance(value, RelatedObjectSegmentValue):
                related.append((*common, uid(_translatable(context, value).pk)))
            elif isinstance(value, OverridableSegmentValue):
                overridable.append((*common, json.dumps(value.data, cls=DjangoJSONEncoder)))
            else:
                string = known[String._get_data_hash(value.string.data)]
                strings.append((*common, string, json.dumps(value.attrs, cls=DjangoJSONEncoder)))
    common = ["source_id", "context_id", "order"]
    _insert_rows(StringSegment, [*common, "string_id", "attrs"], strings)
    _insert_rows(TemplateSegment, [*common, "template_id"], templates)
    _insert_rows(RelatedObjectSegment, [*common, "object_id"], related)
    _insert_rows(OverridableSegment, [*common, "data_json"], overridable)


def _uuid_param() -> Callable:
    """How a UUIDField value is sent to the database (hex on SQLite)."""
    if connection.features.has_native_uuid_field:
        return lambda value: value
    return lambda value: value.hex


def _insert_rows(model, columns: list[str], rows) -> None:
    rows = list(rows)
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)  # names from the model, values as parameters
    names = ", ".join(quote(column) for column in columns)
    marks = ", ".join(["%s"] * len(columns))
    sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _field_path(context: _Context, page, path: str) -> str:
    """TranslationContext.field_path, as wagtail-localize computes it (once per path shape)."""
    shape = ".".join(
        "*" if part.count("-") == 4 and part not in context.block_ids else part for part in path.split(".")
    )
    if shape not in context.field_paths:
        unsaved = TranslationContext(path=path)
        unsaved.save = lambda **kwargs: None  # get_field_path() saves what it computes
        context.field_paths[shape] = unsaved.get_field_path(page)
    return context.field_paths[shape]


def _template(context: _Context, value) -> Template:
    key = (value.format, value.template, value.string_count)
    if key not in context.templates:
        context.templates[key] = Template.from_value(value)
    return context.templates[key]


def _translatable(context: _Context, value) -> TranslatableObject:
    key = (value.content_type.pk, value.translation_key)
    if key not in context.translatables:
        context.translatables[key] = TranslatableObject.objects.get_or_create(
            content_type=value.content_type, translation_key=value.translation_key
        )[0]
    return context.translatables[key]
