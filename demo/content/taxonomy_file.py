"""taxonomy.json: states, districts, sectors, products, ministries and offices.

Every name is given in English and in any of the story languages. A snippet
is translated into the languages it has names in; a story in a language needs
the names of what it points at in that language (story_files checks), because
wagtail-localize translates those links to the translated snippet. A district
with a name in a language needs its state's name in it, a product its
district's and sector's.
"""

from __future__ import annotations

from .records import District, IssuingOffice, Ministry, Product, Sector, State, Taxonomy, Translations
from .validation import Node, add_unique, known

RANKS = ("primary", "secondary", "tertiary")


class _Names:
    """Reads name translations; the same English name must translate the same way everywhere."""

    def __init__(self, languages: tuple[str, ...]):
        self.codes = ("en", *languages)
        self.seen: dict[str, Translations] = {}

    def __call__(self, node: Node) -> Translations:
        translations = node.translations(required=["en"], allowed=self.codes)
        if self.seen.setdefault(translations["en"], translations) != translations:
            raise node.error(f"{translations['en']!r} is translated differently elsewhere in this file")
        return translations


def parse_taxonomy(node: Node, *, languages: tuple[str, ...]) -> Taxonomy:
    groups = node.fields("states", "districts", "sectors", "products", "ministries", "offices")
    names = _Names(languages)
    states: dict[int, State] = {}
    for item in groups["states"].items():
        f = item.fields("lgd_code", "name")
        state = State(lgd_code=f["lgd_code"].integer(), name=names(f["name"]))
        add_unique(states, state.lgd_code, state, node=f["lgd_code"], what="LGD code")
    sectors: dict[str, Sector] = {}
    for item in groups["sectors"].items():
        f = item.fields("slug", "name")
        sector = Sector(slug=f["slug"].text(), name=names(f["name"]))
        add_unique(sectors, sector.slug, sector, node=f["slug"], what="slug")
    districts: dict[int, District] = {}
    for item in groups["districts"].items():
        f = item.fields("lgd_code", "state", "name")
        district = District(
            lgd_code=f["lgd_code"].integer(), state=f["state"].integer(), name=names(f["name"])
        )
        known(f["state"], district.state, states, what="state LGD code")
        add_unique(districts, district.lgd_code, district, node=f["lgd_code"], what="LGD code")
    products = _products(groups["products"], names=names, districts=districts, sectors=sectors)
    for item, district in zip(groups["districts"].items(), districts.values(), strict=True):
        _translated_with(item, district.name, states[district.state].name)
    for item, product in zip(groups["products"].items(), products, strict=True):
        _translated_with(item, product.name, districts[product.district].name, sectors[product.sector].name)
    return Taxonomy(
        states=tuple(states.values()),
        districts=tuple(districts.values()),
        sectors=tuple(sectors.values()),
        products=products,
        ministries=_ministries(groups["ministries"], names=names),
        offices=_offices(groups["offices"], names=names),
    )


def _translated_with(node: Node, name: Translations, *parents: Translations) -> None:
    """A snippet translated into a language points at its parents' translations in it."""
    for code in name:
        for parent in parents:
            if code not in parent:
                raise node.error(f"{name['en']!r} has a {code!r} name but {parent['en']!r} has none")


def _products(node: Node, *, names: _Names, districts: dict, sectors: dict) -> tuple[Product, ...]:
    products: dict[str, Product] = {}
    for item in node.items():
        f = item.fields("name", "district", "sector", "rank", "has_gi_tag")
        product = Product(
            name=names(f["name"]),
            district=f["district"].integer(),
            sector=f["sector"].text(),
            rank=f["rank"].text(),
            has_gi_tag=f["has_gi_tag"].boolean(),
        )
        known(f["district"], product.district, districts, what="district LGD code")
        known(f["sector"], product.sector, sectors, what="sector")
        known(f["rank"], product.rank, RANKS, what="rank")
        add_unique(products, product.name["en"], product, node=f["name"], what="product")
    return tuple(products.values())


def _ministries(node: Node, *, names: _Names) -> tuple[Ministry, ...]:
    ministries: dict[str, Ministry] = {}
    for item in node.items():
        f = item.fields("name")
        ministry = Ministry(name=names(f["name"]))
        add_unique(ministries, ministry.name["en"], ministry, node=f["name"], what="ministry")
    return tuple(ministries.values())


def _offices(node: Node, *, names: _Names) -> tuple[IssuingOffice, ...]:
    offices: dict[str, IssuingOffice] = {}
    for item in node.items():
        f = item.fields("name", "city")
        office = IssuingOffice(name=names(f["name"]), city=names(f["city"]))
        add_unique(offices, office.name["en"], office, node=f["name"], what="office")
    return tuple(offices.values())
