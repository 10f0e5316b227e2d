"""Neither the admin nor the public site makes the browser contact another
host: no avatars from gravatar.com, no fonts or scripts from a CDN."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model

from tests.factories import SuccessStoryPageFactory, home_page

URL_ATTRIBUTE = re.compile(r"""\b(?:src|href|srcset|action|poster|data-src)\s*=\s*["']([^"']+)["']""", re.I)
CSS_URL = re.compile(r"""url\(\s*["']?(//[^"')]+|https?://[^"')]+)""", re.I)
# Plain links a reader follows are not requests the page makes.
LINKS = re.compile(r"<a\b[^>]*>", re.I)


def outside_hosts(html: str, own: set[str]) -> set[str]:
    html = LINKS.sub("", html)
    found = set()
    for value in URL_ATTRIBUTE.findall(html) + CSS_URL.findall(html):
        for candidate in value.split(","):
            url = candidate.strip().split(" ")[0]
            host = urlsplit(url).hostname if url.startswith(("http:", "https:", "//")) else None
            if host and host not in own:
                found.add(host)
    return found


@pytest.fixture
def site_hosts(settings):
    return {"testserver", "localhost", "127.0.0.1", urlsplit(settings.SITE_URL).hostname}


@pytest.mark.django_db
def test_admin_pages_request_nothing_from_another_host(client, site_hosts):
    user = get_user_model().objects.create_superuser("chief", "chief@pib.gov.in", "x")
    client.force_login(user)
    home_page()
    for path in ("/admin/", "/admin/pages/", "/admin/account/", "/admin/users/"):
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert "gravatar" not in html, path
        assert outside_hosts(html, site_hosts) == set(), path


@pytest.mark.django_db
def test_public_pages_request_nothing_from_another_host(client, site_hosts):
    story = SuccessStoryPageFactory()
    for path in ("/en/", story.url):
        response = client.get(path)
        assert response.status_code == 200, path
        assert outside_hosts(response.content.decode(), site_hosts) == set(), path
