"""Every partner API error answered in kind: RFC 9457 problem+json.

api.py's handlers cover what its own code raises (Problem, 401, 400, 404);
this module adds the rest:

- an unexpected exception -> 500 problem+json (logged with its traceback);
- a write refused by a read-only database -> 503 problem+json (core.readonly);
- any other error response under /api/ that is not problem+json yet (django-ninja's
  405, Django's 400/403/413 pages) -> the same status as problem+json, headers kept.
"""

from __future__ import annotations

import logging

from core.readonly import RETRY_AFTER_SECONDS, is_read_only_error

from .problems import Problem, problem_response

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
PROBLEM_JSON = "application/problem+json"
KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate")
DETAILS = {
    400: "The request could not be read.",
    403: "The request was refused.",
    404: "Not found.",
    405: "This method is not allowed here.",
    413: "The request is too large.",
    500: "Something went wrong on our side; the error was logged.",
    503: "The service is in maintenance; try again later.",
}


def read_only_problem(request):
    return problem_response(
        Problem(
            503,
            "Read-only maintenance: stories can be read, but nothing can be recorded right now.",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        ),
        request,
    )


def unexpected_error(request, exc: Exception):
    if is_read_only_error(exc):
        logger.warning("API write refused, database is read-only: %s %s", request.method, request.path)
        return read_only_problem(request)
    logger.exception("Partner API error on %s %s", request.method, request.path)
    return problem_response(Problem(500, DETAILS[500]), request)


def install(api) -> None:
    """Register the handlers on the NinjaAPI (called once, from api.py)."""
    api.add_exception_handler(Exception, unexpected_error)


class ProblemResponsesMiddleware:
    """Error responses under /api/ that are not problem+json become problem+json."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(API_PREFIX) or response.status_code < 400:
            return response
        if response.get("Content-Type", "").startswith(PROBLEM_JSON) or response.streaming:
            return response
        status = response.status_code
        headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
        return problem_response(
            Problem(status, DETAILS.get(status, "The request failed."), headers=headers), request
        )
