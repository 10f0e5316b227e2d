"""The partner API (django-ninja): /api/v1/stories/ and friends.

Views are thin: grants.py turns parameters into a StoryQuery, selectors.py
finds item keys, conditional.py answers 304 from the keys alone, ninjs.py
serializes, services.py records fetches and print reports.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.gzip import gzip_page
from ninja import Field, File, Form, NinjaAPI, Query, Status
from ninja.decorators import decorate_view
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.files import UploadedFile
from ninja.security import HttpBearer

from core import limits
from core.readonly import tolerate_read_only
from core.site import absolute_url

from . import access, conf, cursors, errors, services, throttle
from .conditional import conditional_response, etag_for, remember, remembered_response, set_validators
from .grants import story_query
from .models import ApiKey, Partner
from .ninjs import serialize_items
from .problems import Problem, problem_response
from .scans import check_scan
from .schemas import (
    PROBLEMS,
    PickupIn,
    PickupOut,
    ProblemOut,
    StoryFilters,
    StoryLanguage,
    StoryListOut,
)
from .selectors import ItemKey, item_keys

logger = logging.getLogger(__name__)


class BearerKey(HttpBearer):
    """`Authorization: Bearer <prefix>.<secret>`; also applies the rate limit."""

    def authenticate(self, request, token: str) -> ApiKey:
        try:
            api_key = services.authenticate_key(presented=token)
        except services.KeyRejected as rejected:
            raise Problem(401, str(rejected), headers={"WWW-Authenticate": 'Bearer realm="odop"'}) from None
        retry_after = None
        # A database cache on a read-only database cannot count: serve the read.
        with tolerate_read_only("the API rate limit", savepoint=False):
            retry_after = throttle.check(key_prefix=api_key.prefix)
        if retry_after is not None:
            limit, period = conf.rate_limit()
            raise Problem(
                429,
                f"Rate limit of {limit} requests per {period} s exceeded for this key.",
                headers={"Retry-After": str(retry_after)},
            )
        return api_key


class SyndicationAPI(NinjaAPI):
    """Documents error answers as application/problem+json, as they are sent."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        for operations in schema["paths"].values():
            for operation in operations.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        response["content"] = {"application/problem+json": content["application/json"]}
                    elif int(status) == 304:
                        response.pop("content", None)
        return schema


api = SyndicationAPI(
    title="ODOP Success Stories syndication API",
    version="1.0",
    description=(
        "Stories as IPTC ninjs 3.1 items for newspaper partners. Authenticate with "
        "`Authorization: Bearer <key>`. Errors are RFC 9457 problem details."
    ),
    urls_namespace="syndication_api",
    auth=BearerKey(),
    docs_url=None,
    openapi_url="/openapi.json",
)


# --- Errors as problem+json -------------------------------------------------------

errors.install(api)  # 500 and read-only 503 (errors.py)


@api.exception_handler(Problem)
def _problem(request, exc: Problem):
    response = problem_response(exc, request)
    if exc.status == 429:  # throttle.check logs once per key and window, not per request
        response._has_been_logged = True
    return response


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return problem_response(
        Problem(
            401,
            "Missing API key: send Authorization: Bearer <key>.",
            headers={"WWW-Authenticate": 'Bearer realm="odop"'},
        ),
        request,
    )


@api.exception_handler(NinjaValidationError)
def _invalid(request, exc: NinjaValidationError):
    errors = [
        {
            "parameter": ".".join(str(part) for part in error.get("loc", [])[1:]),
            "message": error.get("msg", ""),
        }
        for error in exc.errors
    ]
    detail = "; ".join(f"{error['parameter']}: {error['message']}" for error in errors) or "Invalid request."
    return problem_response(Problem(400, detail, errors=errors), request)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return problem_response(Problem(404, str(exc) or "Not found."), request)


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    return problem_response(Problem(exc.status_code, str(exc)), request)


# --- Helpers -----------------------------------------------------------------------


def _partner(request) -> Partner:
    return request.auth.partner


def _log_fetches_after_response(response: HttpResponse, *, partner_id: int, keys: list[ItemKey]) -> None:
    """Write the pickup log once the response is sent (response.close())."""
    fetches = [
        services.Fetch(
            page_id=key.page_id, release_id=key.release_id, language=key.language, version=key.version
        )
        for key in keys
    ]
    if not fetches:
        return
    at = timezone.now()

    def write():
        try:
            with tolerate_read_only("the pickup log"):  # read-only database: skipped, logged once
                services.record_fetches(partner_id=partner_id, fetches=fetches, at=at)
        except Exception:  # the answer is already sent; never lose it over the log
            logger.exception("Could not record %d fetches for partner %s", len(fetches), partner_id)

    response._resource_closers.append(write)


def _remembered(request) -> HttpResponse | None:
    """304 straight away when this partner polled this URL and nothing was published since."""
    return remembered_response(request, partner_id=request.auth.partner_id)


def _conditional(request, *, etag: str, last_modified) -> HttpResponse | None:
    remember(request, partner_id=request.auth.partner_id, etag=etag, last_modified=last_modified)
    return conditional_response(request, etag=etag, last_modified=last_modified)


def _json(data: dict, *, etag: str, last_modified) -> JsonResponse:
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    set_validators(response, etag=etag, last_modified=last_modified)
    return response


# --- Operations --------------------------------------------------------------------


@api.get(
    "/stories/",
    response={200: StoryListOut, 304: None, **PROBLEMS},
    operation_id="listStories",
    summary="Stories you may take, oldest change first",
)
@decorate_view(gzip_page)
def list_stories(request, filters: Query[StoryFilters]):
    if quick := _remembered(request):
        return quick
    partner = _partner(request)
    params = filters.dict()
    query = story_query(partner, params)
    fingerprint = cursors.filters_fingerprint(
        {k: v for k, v in params.items() if k not in {"cursor", "limit"}}
    )
    after = None
    if params.get("cursor"):
        try:
            after = cursors.decode(params["cursor"], fingerprint=fingerprint)
        except cursors.BadCursor as bad:
            raise Problem(400, f"cursor: {bad}") from None
    limit = params.get("limit") or min(settings.SYNDICATION_PAGE_SIZE, limits.limit("LIMIT_API_PAGE_SIZE"))
    window = dt.timedelta(seconds=settings.SYNDICATION_CURSOR_SAFETY_SECONDS)
    keys, has_more = item_keys(query, after=after, limit=limit, window=window)

    etag = etag_for(
        partner.pk,
        query.include_embargoed,
        fingerprint,
        params.get("cursor"),
        limit,
        has_more,
        [(k.page_id, k.version, k.visible_at, k.embargo_until, k.canceled is not None) for k in keys],
    )
    last_modified = max((key.visible_at for key in keys), default=None)
    if cached := _conditional(request, etag=etag, last_modified=last_modified):
        return cached

    next_cursor = None
    if has_more and keys:
        position = cursors.next_position(keys, previous=after, window=window)
        next_cursor = cursors.encode(
            visible_at=position.visible_at,
            page_id=position.page_id,
            fingerprint=fingerprint,
            seen=position.seen,
        )
    next_url = None
    if next_cursor:
        next_params = request.GET.copy()
        next_params["cursor"] = next_cursor
        next_url = absolute_url(f"{request.path}?{next_params.urlencode()}")
    items = serialize_items(keys, request=request)
    response = _json(
        {"items": items, "next": next_url, "cursor": next_cursor}, etag=etag, last_modified=last_modified
    )
    _log_fetches_after_response(response, partner_id=partner.pk, keys=keys)
    return response


def _story_key(request, release_id: str, lang: str | None) -> ItemKey:
    """The one item this partner asked for, or a Problem (access.item_for_partner, shared with the portal)."""
    return access.item_for_partner(_partner(request), release_id=release_id, lang=lang)


@api.get(
    "/stories/{release_id}/",
    response={200: dict[str, Any], 304: None, **PROBLEMS},
    operation_id="getStory",
    url_name="story_detail",
    summary="One story in one language, as a ninjs 3.1 item",
)
@decorate_view(gzip_page)
def get_story(request, release_id: str, params: Query[StoryLanguage]):
    if quick := _remembered(request):
        return quick
    key = _story_key(request, release_id, params.lang)
    partner = _partner(request)
    etag = etag_for(
        partner.pk, key.page_id, key.version, key.visible_at, key.embargo_until, key.canceled is not None
    )
    if cached := _conditional(request, etag=etag, last_modified=key.visible_at):
        return cached
    items = serialize_items([key], request=request)
    if not items:
        raise Problem(404, f"Story {release_id} was just removed.")
    response = _json(items[0], etag=etag, last_modified=key.visible_at)
    _log_fetches_after_response(response, partner_id=partner.pk, keys=[key])
    return response


@api.post(
    "/stories/{release_id}/pickups/",
    response={201: PickupOut, 413: ProblemOut, **PROBLEMS},
    operation_id="reportPickup",
    summary="Report that you printed a story (multipart form, optional scan)",
)
def report_pickup(
    request,
    release_id: str,
    data: Form[PickupIn],
    scan: UploadedFile | None = File(None),  # noqa: B008
):
    key = _story_key(request, release_id, data.lang)
    if key.canceled is not None:
        raise Problem(404, f"Story {release_id} was withdrawn.")
    if scan is not None:
        check_scan(scan)
    from stories.models import SuccessStoryPage

    page = SuccessStoryPage.objects.select_related("locale").get(pk=key.page_id)
    record = services.record_print(
        partner=_partner(request),
        page=page,
        paper_name=data.paper_name,
        edition=data.edition,
        printed_on=data.date,
        page_number=data.page,
        scan=scan,
    )
    return Status(
        201,
        {
            "id": record.pk,
            "release_id": record.release_id,
            "language": record.language,
            "paper_name": record.paper_name,
            "edition": record.edition,
            "date": record.printed_on,
            "page": record.page_number,
            "scan": bool(record.scan),
        },
    )


class StoryPdfQuery(StoryLanguage):
    revision: int | None = Field(
        None, ge=1, description="The revision the rendition named (optional): 404 if it is no longer current."
    )


@api.get(
    "/stories/{release_id}/pdfs/{name}/",
    response={200: None, 302: None, 503: ProblemOut, **PROBLEMS},
    operation_id="getStoryPdf",
    url_name="story_pdf",
    summary="Download one PDF rendition of a story (the hrefs of its application/pdf renditions)",
)
def get_story_pdf(request, release_id: str, name: str, params: Query[StoryPdfQuery]):
    """Same grant as the item (languages, states, embargo): a partner gets the
    PDF of every story it may see, embargoed ones if it may see embargoes."""
    key = _story_key(request, release_id, params.lang)
    return access.pdf_response(_partner(request), key, name=name, revision=params.revision, request=request)
