from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import District, IssuingOffice, Ministry, Product, Sector, State


class StateViewSet(SnippetViewSet):
    model = State
    icon = "site"
    list_display = ["name", "lgd_code", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    list_display = ["name", "state", "lgd_code", "locale"]
    list_filter = ["locale", "state"]
    search_fields = ["name"]


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]


class ProductViewSet(SnippetViewSet):
    model = Product
    icon = "pick"
    list_display = ["name", "district", "sector", "rank", "has_gi_tag", "locale"]
    list_filter = ["locale", "sector", "rank", "has_gi_tag"]
    search_fields = ["name"]


class MinistryViewSet(SnippetViewSet):
    model = Ministry
    icon = "group"
    list_filter = ["locale"]


class IssuingOfficeViewSet(SnippetViewSet):
    model = IssuingOffice
    icon = "mail"
    list_display = ["name", "city", "locale"]
    list_filter = ["locale"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = "ODOP taxonomy"
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (
        StateViewSet,
        DistrictViewSet,
        SectorViewSet,
        ProductViewSet,
        MinistryViewSet,
        IssuingOfficeViewSet,
    )


register_snippet(TaxonomyGroup)
