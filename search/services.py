"""Search stories: clean the reader's query, ask the search backend for
matching stories, keep the ones the reader may see, count facets, page and
highlight. Views call these and render what they return."""

from __future__ import annotations

import logging
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtail.search.backends import InvalidSearchBackendError, get_search_backend

from core.limits import limit
from languages import registry
from languages.formatting import format_posted_date

from . import selectors
from .engine import EngineSearch
from .highlight import highlight
from .normalize import fold, query_alternatives
from .selectors import FACETS, StoryFilters

logger = logging.getLogger(__name__)

MAX_TERMS = 12  # words; more add nothing but cost
MAX_HITS = 1000  # autocomplete and other id lists taken from the backend, best first
PER_PAGE = 10
# Matches a search page counts, facets and ranks (database backends): the
# newest MAX_COUNTED, so a word found in every story costs what it costs at a
# few hundred stories. More than that reads "more than MAX_COUNTED".
MAX_COUNTED = 500
AUTOCOMPLETE_LIMIT = 8

FACET_LABELS = {
    "state": _("State/UT"),
    "district": _("District"),
    "sector": _("Sector"),
    "product": _("Product"),
    "year": _("Year"),
}


class SearchUnavailable(Exception):
    """The search backend cannot be reached; the site itself still works."""


@dataclass(frozen=True)
class CleanQuery:
    text: str
    terms: list[str]
    truncated: bool = False
    had_input: bool = False  # the reader typed something, perhaps only punctuation

    @property
    def backend_text(self) -> str:
        """The query as the backends take it: each term with its alternatives
        (romanized keys of a Latin term) joined by "|", terms by spaces."""
        return " ".join("|".join(query_alternatives(term)) for term in self.terms)


@dataclass
class SearchResult:
    title: str
    url: str
    language_code: str
    language_name: str
    direction: str
    posted: str
    snippet: SafeString


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    url: str = ""  # set by the view: this option toggled on the current search


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption]


@dataclass
class SearchPage:
    query: CleanQuery
    results: list[SearchResult] = field(default_factory=list)
    total: int = 0
    total_capped: bool = False  # more matches than `total` (MAX_COUNTED) exist
    page_number: int = 1
    num_pages: int = 1
    facets: list[Facet] = field(default_factory=list)
    all_languages: bool = False
    previous_url: str = ""  # set by the view
    next_url: str = ""


def max_query_length() -> int:
    return limit("LIMIT_SEARCH_QUERY_CHARS")


def clean_query(raw: str | None) -> CleanQuery:
    """Keep letters, digits and combining marks (every script); everything else
    (punctuation, symbols, FTS operators, control characters) becomes a space.
    The text is folded as the index is (``normalize.fold``: NFC, nukta,
    harakat, joiners) and cut at LIMIT_SEARCH_QUERY_CHARS characters (an
    input limit: longer queries are cut, and the page says so)."""
    most = max_query_length()
    # Cut before normalising: a megabyte of query costs no more than a page of it.
    raw = fold((raw or "")[: most * 4])
    truncated = len(raw) > most
    raw = raw[:most]
    kept = "".join(c if unicodedata.category(c)[0] in "LNM" else " " for c in raw)
    terms = [term for term in (_drop_leading_marks(t) for t in kept.split()) if term][:MAX_TERMS]
    return CleanQuery(text=" ".join(terms), terms=terms, truncated=truncated, had_input=bool(raw.strip()))


def _drop_leading_marks(term: str) -> str:
    """A word cannot start with a combining mark (a stray vowel sign)."""
    while term and unicodedata.category(term[0])[0] == "M":
        term = term[1:]
    return term


def parse_filters(params) -> StoryFilters:
    """Facet selections from request parameters; malformed ones are ignored."""

    def key(name):
        value = (params.get(name) or "").strip()
        try:
            return str(uuid.UUID(value)) if value else None
        except ValueError:
            return None

    year = (params.get("year") or "").strip()
    return StoryFilters(
        state=key("state"),
        district=key("district"),
        sector=key("sector"),
        product=key("product"),
        year=int(year) if year.isdigit() and 1900 <= int(year) <= 2999 else None,
    )


def locale_for(language_code: str) -> Locale | None:
    return Locale.objects.filter(language_code=language_code).first()


def backend_errors() -> tuple[type[BaseException], ...]:
    """Exceptions that mean "the search cluster is unreachable or failing"."""
    errors: list[type[BaseException]] = []
    try:
        import elastic_transport
        import elasticsearch

        errors += [elastic_transport.TransportError, elasticsearch.ApiError]
    except ImportError:
        pass
    try:
        import opensearchpy

        errors.append(opensearchpy.exceptions.OpenSearchException)
    except ImportError:
        pass
    return tuple(errors)


def _backend():
    try:
        return get_search_backend()
    except InvalidSearchBackendError as error:  # SEARCH_URL set, its client not installed (search.E002)
        logger.error("Search backend cannot load: %s", error)
        raise SearchUnavailable(str(error)) from error


def matching_story_ids(*, query: CleanQuery, locale: Locale | None, limit: int | None = None) -> list[int]:
    """Ids of live stories that match, best first, from the search backend
    (at most `limit`, MAX_HITS by default; on the database backends the best
    among the newest MAX_COUNTED or `limit` matches)."""
    if not query.text:
        return []
    limit = limit or MAX_HITS
    backend = _backend()
    stories = selectors.searchable_stories(locale=locale)
    try:
        if hasattr(backend, "newest_ids"):  # search.backends.database: bounded, as the search page
            return backend.newest_ids(query.backend_text, stories, limit=max(limit, MAX_COUNTED))[:limit]
        if hasattr(backend, "search_ids"):  # ids without loading objects
            return backend.search_ids(query.backend_text, stories, limit=limit)
        return [story.pk for story in backend.search(query.backend_text, stories, operator="and")[:limit]]
    except backend_errors() as error:
        logger.warning("Search backend unavailable: %s", error)
        raise SearchUnavailable(str(error)) from error


class RankedPages(Sequence):
    """Every visible match, ranked, for the paginator: counted exactly and
    read a page of ids at a time."""

    capped = False  # more matches exist than were counted

    def __init__(self, *, total: int, page_ids):
        self.total, self.page_ids = total, page_ids

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(self.total)
        return self.page_ids(offset=start, limit=max(stop - start, 0))


def _database_matches(backend, text: str, *, locale, filters: StoryFilters):
    """Database backends: the newest MAX_COUNTED matches (and whether there
    are more), ranked, with their facets. One bounded query for the matches
    (the backend's ``newest_ids``), then facets over those ids."""
    visible = selectors.visible_stories(locale=locale, filters=filters)
    ids = backend.newest_ids(text, visible, limit=MAX_COUNTED + 1)
    capped = len(ids) > MAX_COUNTED
    if capped:  # the oldest of the MAX_COUNTED + 1 goes
        dropped = min(ids)
        ids = [pk for pk in ids if pk != dropped]
    ranked = RankedPages(total=len(ids), page_ids=lambda *, offset, limit: ids[offset : offset + limit])
    ranked.capped = capped
    counts = selectors.facet_counts(ids)
    return ranked, counts


def _engine_matches(backend, text: str, *, locale, filters: StoryFilters):
    """Elasticsearch/OpenSearch: totals and facets from the engine's own
    count and aggregations; a page of hits, then what the reader may see."""
    search = EngineSearch(backend, text, locale=locale, filters=filters)
    try:
        counted = search.matches()
    except backend_errors() as error:
        logger.warning("Search backend unavailable: %s", error)
        raise SearchUnavailable(str(error)) from error

    def page_ids(*, offset, limit):
        ids = search.page_ids(offset=offset, limit=limit)
        shown = set(
            selectors.visible_stories(ids=ids, locale=locale, filters=StoryFilters()).values_list(
                "pk", flat=True
            )
        )
        return [pk for pk in ids if pk in shown]

    return RankedPages(total=counted.total, page_ids=page_ids), counted.facets


def search_stories(
    *,
    raw_query: str | None,
    language_code: str,
    filters: StoryFilters,
    page: int | str = 1,
    all_languages: bool = False,
    request=None,
) -> SearchPage:
    query = clean_query(raw_query)
    reader_locale = locale_for(language_code)
    outcome = SearchPage(query=query, all_languages=all_languages)
    if not query.text or (reader_locale is None and not all_languages):
        return outcome
    search_locale = None if all_languages else reader_locale
    backend = _backend()
    matches = _database_matches if hasattr(backend, "match_ids") else _engine_matches
    ranked, counts = matches(backend, query.backend_text, locale=search_locale, filters=filters)
    outcome.facets = _facets(counts, filters=filters, locale=reader_locale)
    paginator = Paginator(ranked, PER_PAGE)
    try:  # an engine reads the page of hits here
        page_obj = paginator.get_page(page)
    except backend_errors() as error:
        logger.warning("Search backend unavailable: %s", error)
        raise SearchUnavailable(str(error)) from error
    outcome.results = _results(list(page_obj.object_list), query=query, request=request)
    outcome.total = paginator.count
    outcome.total_capped = ranked.capped
    outcome.page_number = page_obj.number
    outcome.num_pages = paginator.num_pages
    return outcome


def _results(ids: list[int], *, query: CleanQuery, request) -> list[SearchResult]:
    stories = selectors.stories_by_ids(ids)
    results = []
    for pk in ids:
        story = stories[pk]
        code = story.locale.language_code
        language = registry.get(code)
        results.append(
            SearchResult(
                title=story.title,
                url=story.get_url(request) or "",
                language_code=code,
                language_name=language.native_name,
                direction=language.direction,
                posted=format_posted_date(story.posted_at, code),
                snippet=highlight(story.summary or story.search_description or "", query.terms),
            )
        )
    return results


def _facets(counts: dict, *, filters: StoryFilters, locale: Locale | None) -> list[Facet]:
    facets = []
    for name, (_lookup, model) in FACETS.items():
        pairs = counts[name]
        if model is None:
            labels = {value: str(value) for value, _count in pairs}
        else:
            labels = selectors.taxonomy_names(model, keys=[value for value, _count in pairs], locale=locale)
        selected = getattr(filters, name)
        options = [
            FacetOption(
                value=str(value),
                label=labels.get(value, str(value)),
                count=count,
                selected=str(value) == str(selected),
            )
            for value, count in pairs
        ]
        if options:
            facets.append(Facet(name=name, label=str(FACET_LABELS[name]), options=options))
    return facets


def autocomplete_stories(*, raw_query: str | None, language_code: str, request=None) -> list[dict]:
    """Titles of the best matches for what the reader has typed so far; every
    word is a prefix, so "कारी" already finds stories about कारीगरों."""
    query = clean_query(raw_query)
    reader_locale = locale_for(language_code)
    if not query.text or reader_locale is None:
        return []
    ids = matching_story_ids(query=query, locale=reader_locale, limit=AUTOCOMPLETE_LIMIT * 4)
    visible = set(
        selectors.visible_stories(
            ids=ids[: AUTOCOMPLETE_LIMIT * 4], locale=reader_locale, filters=StoryFilters()
        ).values_list("pk", flat=True)
    )
    best = [pk for pk in ids if pk in visible][:AUTOCOMPLETE_LIMIT]
    stories = selectors.stories_by_ids(best)
    return [{"title": stories[pk].title, "url": stories[pk].get_url(request) or ""} for pk in best]
