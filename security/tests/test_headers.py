"""Content-Security-Policy and the other security headers: the public site's
policy allows nothing inline and its pages have nothing inline to allow; the
admin gets its own policy; images may come from the media origin."""

import re

import pytest

from security.policy import media_origins
from tests.factories import SuccessStoryPageFactory
from tests.translation import translate

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.IGNORECASE)


def directives(header: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.fixture
def story(db):
    return SuccessStoryPageFactory(title="Banarasi silk weavers sell on GeM")


def test_public_pages_get_the_strict_policy_and_the_other_headers(client, story):
    response = client.get(story.url)
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "nonce" not in response["Content-Security-Policy"]  # the same header from the page cache
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("code", ["en", "hi", "ur"])
def test_public_pages_have_no_inline_script_or_style(client, story, code):
    page = story if code == "en" else translate(story, code)
    html = client.get(page.url).content.decode()
    assert not INLINE_SCRIPT.search(html)
    assert "<style" not in html
    assert " style=" not in html
    assert "application/ld+json" in html  # data, not script: no policy applies to it


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/admin/login/", "/django-admin/login/"])
def test_admin_pages_get_the_admin_policy(client, url):
    response = client.get(url)
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_images_may_come_from_the_media_origin():
    assert media_origins(media_url="/media/") == []
    assert media_origins(media_url="https://cdn.example.gov.in/media/") == ["https://cdn.example.gov.in"]
    assert media_origins(media_url="/media/", bucket="odop", custom_domain="media.example.gov.in") == [
        "https://media.example.gov.in"
    ]
    assert media_origins(
        media_url="/media/", bucket="odop", endpoint_url="https://s3.example.gov.in:9000"
    ) == [
        "https://s3.example.gov.in:9000",
        "https://odop.s3.example.gov.in:9000",
    ]
    assert media_origins(media_url="/media/", bucket="odop", region="ap-south-1") == [
        "https://odop.s3.amazonaws.com",
        "https://odop.s3.ap-south-1.amazonaws.com",
    ]
