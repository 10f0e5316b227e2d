"""Fuzz the API from its own OpenAPI document (schemathesis): no 500s."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from syndication.tests.content import build_dataset, partner_key

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def keep_test_connection():
    """Like Django's test client: the WSGI app must not close the connection
    that holds the test's transaction (it would on PostgreSQL)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_headers(db, settings, keep_test_connection):
    settings.SYNDICATION_RATE_LIMIT = "100000/minute"
    data = build_dataset(stories=2, languages=())
    key = partner_key("Fuzzer", languages=("en", "hi"), states=(9, 33))
    return {"Authorization": f"Bearer {key}", "X-Release-Id": str(data["stories"][0].release_id)}


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_never_answers_500_and_keeps_to_its_openapi_document(case, api_headers):
    # The in-process WSGI transport does not undo gzip: ask for the plain body.
    headers = {"Authorization": api_headers["Authorization"], "Accept-Encoding": "identity"}
    response = case.call(headers=headers)
    case.validate_response(
        response,
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
        headers=headers,
    )


def test_real_items_conform_to_the_openapi_document(api_headers):
    headers = {"Authorization": api_headers["Authorization"], "Accept-Encoding": "identity"}
    release_id = api_headers["X-Release-Id"]
    cases = [
        schema["/api/v1/stories/"]["GET"].Case(query={"lang": "en", "limit": 1}),
        schema["/api/v1/stories/{release_id}/"]["GET"].Case(path_parameters={"release_id": release_id}),
        schema["/api/v1/stories/{release_id}/pickups/"]["POST"].Case(
            path_parameters={"release_id": release_id},
            body={"paper_name": "Fuzz Times", "date": "2024-02-01"},
            media_type="multipart/form-data",
        ),
    ]
    statuses = []
    for case in cases:
        response = case.call(headers=headers)
        case.validate_response(response, headers=headers)
        statuses.append(response.status_code)
    assert statuses == [200, 200, 201]
