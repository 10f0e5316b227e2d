"""RFC 9457 problem details for every API error."""

from __future__ import annotations

import json

from django.http import HttpResponse

PROBLEM_TYPE_BASE = "https://odop.pib.gov.in/problems/"
TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    413: "Content too large",
    429: "Too many requests",
}
SLUGS = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    413: "too-large",
    429: "rate-limited",
}


class Problem(Exception):
    """Raise anywhere in the API to answer with a problem+json response."""

    def __init__(self, status: int, detail: str, *, headers: dict | None = None, **extra):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.headers = headers or {}
        self.extra = extra


# LocaleMiddleware answers a 404 on an unprefixed path by redirecting to
# /<lang>/<path> when Wagtail's catch-all would match it, and CommonMiddleware
# may redirect to add a slash. Both read request.urlconf: pointing it at an
# empty URLconf keeps an API 404 a 404.
NO_REDIRECT_URLCONF = "syndication.no_redirect_urls"


def problem_response(problem: Problem, request=None) -> HttpResponse:
    instance = request.path if request is not None else ""
    if request is not None and problem.status == 404:
        request.urlconf = NO_REDIRECT_URLCONF
    body = {
        "type": PROBLEM_TYPE_BASE + SLUGS.get(problem.status, "error"),
        "title": TITLES.get(problem.status, "Error"),
        "status": problem.status,
        "detail": problem.detail,
    }
    if instance:
        body["instance"] = instance
    body.update(problem.extra)
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=problem.status, content_type="application/problem+json"
    )
    for name, value in problem.headers.items():
        response[name] = value
    return response
