"""The taxonomy snippets (states, districts, sectors, products, ministries,
offices) in English, and their translations."""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Locale

from demo.content import DemoContent, load_content
from taxonomy.models import District, IssuingOffice, Ministry, Product, Sector, State

from .localize import SegmentTranslator, locales_for, translate_object
from .result import DemoResult

# Order matters: a district's translation points at its state's, a product's
# at its district's and sector's.
TRANSLATION_ORDER = ("states", "sectors", "ministries", "offices", "districts", "products")


@transaction.atomic
def load_taxonomy(
    *, locale: Locale, result: DemoResult, content: DemoContent | None = None
) -> dict[str, dict]:
    """The English snippets, keyed the way the content files refer to them:
    states and districts by LGD code, sectors by slug, the rest by English name."""
    taxonomy = (content or load_content()).taxonomy

    def get(model, lookup: dict, defaults: dict):
        obj, created = model.objects.get_or_create(locale=locale, **lookup, defaults=defaults)
        if created:
            result.add(model._meta.model_name)
        return obj

    states = {
        s.lgd_code: get(State, {"lgd_code": s.lgd_code}, {"name": s.name["en"]}) for s in taxonomy.states
    }
    sectors = {s.slug: get(Sector, {"slug": s.slug}, {"name": s.name["en"]}) for s in taxonomy.sectors}
    districts = {
        d.lgd_code: get(District, {"lgd_code": d.lgd_code}, {"name": d.name["en"], "state": states[d.state]})
        for d in taxonomy.districts
    }
    products = {
        p.name["en"]: get(
            Product,
            {"name": p.name["en"]},
            {
                "district": districts[p.district],
                "sector": sectors[p.sector],
                "rank": p.rank,
                "has_gi_tag": p.has_gi_tag,
            },
        )
        for p in taxonomy.products
    }
    ministries = {m.name["en"]: get(Ministry, {"name": m.name["en"]}, {}) for m in taxonomy.ministries}
    offices = {
        o.name["en"]: get(IssuingOffice, {"name": o.name["en"]}, {"city": o.city["en"]})
        for o in taxonomy.offices
    }
    return {
        "states": states,
        "sectors": sectors,
        "districts": districts,
        "products": products,
        "ministries": ministries,
        "offices": offices,
    }


def translate_taxonomy(
    *, taxonomy: dict, locales: list[Locale], user, result: DemoResult, content: DemoContent | None = None
) -> None:
    content = content or load_content()
    names = content.taxonomy.names
    for group in TRANSLATION_ORDER:
        for snippet in taxonomy[group].values():
            # Into the languages the snippet has a name in (an office needs its city's too).
            named = names[snippet.name]
            if group == "offices":
                named = {code: text for code, text in named.items() if code in names[snippet.city]}
            for locale in locales_for(locales, named):
                translator = names_translator(content=content, code=locale.language_code)
                if translate_object(instance=snippet, locale=locale, translate_text=translator, user=user):
                    result.add(f"{snippet._meta.model_name} translation")


def names_translator(*, content: DemoContent, code: str) -> SegmentTranslator:
    """Names from taxonomy.json (a snippet is only translated into languages it has names in)."""
    names = content.taxonomy.names

    def translate(text: str, path: str) -> str | None:
        return names.get(text, {}).get(code)

    return translate
