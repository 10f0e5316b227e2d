"""Search on Elasticsearch/OpenSearch: totals, facets and the page of hits
from the engine itself, so nothing is capped at a number of hits.

One request counts (``track_total_hits``) and aggregates every facet
(``terms`` over the facet keys that ``SuccessStoryPage.search_fields``
indexes); a second reads the page of ids. Both carry the reader's facet
selections as ``term`` filters and the embargo as a range filter (in the
queryset, which the backend's compiler turns into engine filters). The
database backends count in SQL instead (``services.RankedMatches``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from .selectors import StoryFilters, searchable_stories

# facet name -> FilterField on SuccessStoryPage
FACET_FIELDS = {
    "state": "state_keys",
    "district": "district_keys",
    "sector": "sector_key",
    "product": "product_keys",
    "year": "posted_year",
}
FACET_SIZE = 200  # buckets per facet (there are 36 states/UTs and ~780 districts)


@dataclass
class EngineMatches:
    total: int = 0
    facets: dict[str, list[tuple[object, int]]] = field(default_factory=dict)


class EngineSearch:
    """One reader's search on an Elasticsearch/OpenSearch backend."""

    def __init__(self, backend, text: str, *, locale, filters: StoryFilters, now=None):
        now = now or timezone.now()
        stories = searchable_stories(locale=locale).filter(
            Q(embargo_until__isnull=True) | Q(embargo_until__lte=now)
        )
        self.results = backend.search(text, stories, operator="and")
        self.compiler = self.results.query_compiler
        self.filters = filters

    def column(self, facet: str) -> str:
        search_field = self.compiler._get_filterable_field(FACET_FIELDS[facet])
        return self.compiler.mapping.get_field_column_name(search_field)

    def query(self) -> dict:
        selected = [
            {"term": {self.column(name): str(value) if name != "year" else value}}
            for name in FACET_FIELDS
            if (value := getattr(self.filters, name))
        ]
        query = self.compiler.get_query()
        return {"bool": {"must": [query], "filter": selected}} if selected else query

    def count_body(self) -> dict:
        return {
            "query": self.query(),
            "track_total_hits": True,
            "aggregations": {
                name: {"terms": {"field": self.column(name), "size": FACET_SIZE}} for name in FACET_FIELDS
            },
        }

    def page_body(self) -> dict:
        body = {"query": self.query()}
        sort = self.compiler.get_sort()
        if sort is not None:
            body["sort"] = sort
        return body

    def _send(self, body: dict, **params) -> dict:
        index = self.results.backend.get_index_for_model(self.compiler.queryset.model).name
        return self.results._backend_do_search(body, index=index, **params)

    def matches(self) -> EngineMatches:
        return read_counts(self._send(self.count_body(), size=0))

    def page_ids(self, *, offset: int, limit: int) -> list[int]:
        response = self._send(
            self.page_body(),
            **{"from_": offset, "size": limit, "_source": False, self.results.fields_param_name: "pk"},
        )
        return [int(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]


def read_counts(response: dict) -> EngineMatches:
    """Total and facet counts from a search response (the engines' documented
    shape: ``hits.total.value`` and ``aggregations.<name>.buckets``)."""
    total = response["hits"]["total"]
    counts = {
        name: [
            (int(bucket["key"]) if name == "year" else bucket["key"], bucket["doc_count"])
            for bucket in response.get("aggregations", {}).get(name, {}).get("buckets", [])
        ]
        for name in FACET_FIELDS
    }
    return EngineMatches(total=total["value"] if isinstance(total, dict) else int(total), facets=counts)
