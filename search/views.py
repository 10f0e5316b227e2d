"""Thin views: read the request, call services, render."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from . import services
from .selectors import FACETS


def _language_code() -> str:
    return (get_language() or "en").split("-")[0]


@require_GET
def search(request):
    language_code = _language_code()
    all_languages = request.GET.get("languages") == "all"
    context = {
        "raw_query": (request.GET.get("q") or "")[: services.max_query_length()],
        "max_query_length": services.max_query_length(),
        "all_languages": all_languages,
    }
    try:
        outcome = services.search_stories(
            raw_query=request.GET.get("q"),
            language_code=language_code,
            filters=services.parse_filters(request.GET),
            page=request.GET.get("page") or 1,
            all_languages=all_languages,
            request=request,
        )
    except services.SearchUnavailable:
        return TemplateResponse(request, "search/unavailable.html", context, status=503)
    params = request.GET.copy()
    params["q"] = outcome.query.text  # links carry the cleaned, cut query
    _add_links(outcome, params)
    context.update(search=outcome, clear_filters_url=_link(params, **dict.fromkeys(FACETS)))
    return TemplateResponse(request, "search/search.html", context)


def _link(params, **changes) -> str:
    """`?…` of the current search with `changes` applied (None removes)."""
    query = params.copy()
    for name, value in changes.items():
        query.pop(name, None)
        if value is not None:
            query[name] = value
    if "page" not in changes:
        query.pop("page", None)  # a new filter starts again at page 1
    return "?" + query.urlencode()


def _add_links(outcome, params) -> None:
    for facet in outcome.facets:
        for option in facet.options:
            option.url = _link(params, **{facet.name: None if option.selected else option.value})
    if outcome.page_number > 1:
        outcome.previous_url = _link(params, page=str(outcome.page_number - 1))
    if outcome.page_number < outcome.num_pages:
        outcome.next_url = _link(params, page=str(outcome.page_number + 1))


@require_GET
def autocomplete(request):
    try:
        suggestions = services.autocomplete_stories(
            raw_query=request.GET.get("q"), language_code=_language_code(), request=request
        )
    except services.SearchUnavailable:
        return JsonResponse({"error": "search unavailable", "results": []}, status=503)
    return JsonResponse({"results": suggestions})
