"""The production recipe, run: `make build`, `migrate` on a fresh database
under a temporary VAR_DIR, gunicorn with 2 workers on production settings
(deploy/gunicorn.conf.py), nginx in front with deploy/nginx/odop-files.conf.

Then: the home page, a story and every asset they link (CSS, fonts, the
favicon, images) answer 200; and a publish, an unpublish and a republish made
by another process reach every worker at once, with the page cache on: 30
requests after each change all see the new state. The shared cache is the
one production picks: the database table, or Redis when REDIS_URL is set
(the third run of .ci/run).
"""

from __future__ import annotations

import html
import json
import os
import re
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from urllib.parse import urljoin, urlsplit

import pytest

from tests.deploy import BASE_DIR, deploy_file, free_port, nginx_available, running_nginx, wait_for_port

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not nginx_available(), reason="nginx is not installed (scripts/system-deps.sh installs it)"
    ),
]

REQUESTS_PER_CHANGE = 30
# Variables of the test run that must not reach the deployment.
TEST_ONLY = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL", "SITE_URL", "VAR_DIR",
             "STATIC_ROOT", "MEDIA_ROOT", "PUBLIC_PAGE_CACHE_SECONDS", "PUBLIC_DATA_CACHE_SECONDS"}  # fmt: skip

SEED = """
import json, wagtail_factories
from tests.factories import StoryIndexPageFactory, SuccessStoryPageFactory
index = StoryIndexPageFactory()
index.save_revision().publish()
story = SuccessStoryPageFactory(parent=index, title="Looms of Varanasi", slug="looms", live=False,
                                hero_image=wagtail_factories.ImageFactory(title="A loom"), hero_caption="A loom")
story.save_revision().publish()
other = SuccessStoryPageFactory(parent=index, title="Khurja pottery", slug="khurja", live=False)
other.save_revision().publish()
print(json.dumps({"id": story.pk, "url": story.url, "other_url": other.url}))
"""

# Another process, as an editor's: reads one command a line, answers "done".
EDITOR = """
import sys
from stories.models import SuccessStoryPage
for line in sys.stdin:
    command, _, argument = line.strip().partition(" ")
    story = SuccessStoryPage.objects.get(pk=int(argument.split()[0]))
    if command == "retitle":
        story.title = argument.split(" ", 1)[1]
        story.save_revision().publish()
    elif command == "unpublish":
        story.unpublish()
    elif command == "republish":
        story.get_latest_revision().publish()
    print("done", command, flush=True)
"""


class Deployment:
    def __init__(self, var_dir, *, gunicorn_port: int, nginx_port: int):
        self.site_url = f"http://127.0.0.1:{nginx_port}"
        self.app_url = f"http://127.0.0.1:{gunicorn_port}"
        self.env = {k: v for k, v in os.environ.items() if k not in TEST_ONLY}
        self.env.update(
            DJANGO_SETTINGS_MODULE="cms.settings.production",
            SECRET_KEY=secrets.token_urlsafe(50),  # throwaway, for this run only
            SITE_URL=self.site_url,
            ALLOWED_HOSTS="127.0.0.1",
            SECURE_SSL_REDIRECT="off",  # plain http on localhost; nginx does TLS in production
            VAR_DIR=str(var_dir),
            GUNICORN_BIND=f"127.0.0.1:{gunicorn_port}",
            WEB_CONCURRENCY="2",
            ENABLED_LANGUAGES="en,hi",
        )
        self.timings: dict[str, float] = {}

    def run(self, *command: str, label: str, input: str | None = None) -> subprocess.CompletedProcess:
        started = time.monotonic()
        result = subprocess.run(
            command, cwd=BASE_DIR, env=self.env, input=input, capture_output=True, text=True, timeout=240
        )
        self.timings[label] = round(time.monotonic() - started, 1)
        assert result.returncode == 0, f"{label} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        return result

    def manage(self, *args: str, label: str, input: str | None = None) -> subprocess.CompletedProcess:
        return self.run(sys.executable, "manage.py", *args, label=label, input=input)


def get(url: str, **headers: str) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def deployment(tmp_path_factory):
    from django.core.cache import caches

    var_dir = tmp_path_factory.mktemp("production-var")
    nginx_prefix = tmp_path_factory.mktemp("nginx")
    gunicorn_port, nginx_port = free_port(), free_port()
    site = Deployment(var_dir, gunicorn_port=gunicorn_port, nginx_port=nginx_port)
    started = time.monotonic()
    if site.env.get("REDIS_URL"):
        caches["default"].clear()  # keys this test run left in the shared Redis database

    # The release: build (no database needed) while the fresh database migrates.
    with ThreadPoolExecutor(max_workers=2) as pool:
        build = pool.submit(site.run, "make", "-s", "build", f"PY={sys.executable}", label="make build")
        migrate = pool.submit(site.manage, "migrate", "--noinput", "-v", "0", label="migrate")
        build.result(), migrate.result()
    seeded = json.loads(site.manage("shell", "--no-imports", "-c", SEED, label="seed").stdout.strip())

    files = nginx_prefix / "odop-files.conf"
    files.write_text(deploy_file("nginx/odop-files.conf", var_dir=var_dir))
    server = (
        f"server {{ listen 127.0.0.1:{nginx_port}; include {files};\n"
        f"  location / {{ proxy_pass {site.app_url}; proxy_set_header Host $http_host; }} }}"
    )
    with ExitStack() as stack:
        site.gunicorn_log = var_dir / "gunicorn.log"
        log = stack.enter_context(site.gunicorn_log.open("w"))
        gunicorn = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"],
            cwd=BASE_DIR, env=site.env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        stack.callback(stop, gunicorn)
        wait_for_port(gunicorn_port, timeout=60, process=gunicorn)
        wait_until_healthy(site, gunicorn)  # the master listens before its workers have loaded Django
        stack.enter_context(running_nginx(nginx_prefix, server, port=nginx_port))
        editor = subprocess.Popen(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", EDITOR],
            cwd=BASE_DIR, env=site.env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        stack.callback(stop, editor)
        site.gunicorn, site.editor, site.story = gunicorn, editor, seeded
        site.timings["ready"] = round(time.monotonic() - started, 1)
        yield site
    if site.env.get("REDIS_URL"):
        caches["default"].clear()  # leave nothing for the tests after this one
    print(f"\nproduction smoke timings (s): {site.timings}, total {round(time.monotonic() - started, 1)}")  # noqa: T201


def wait_until_healthy(site: Deployment, gunicorn: subprocess.Popen, *, timeout: float = 120) -> None:
    """As odop-web.service does (deploy/healthcheck.sh): /healthz answers 200."""
    deadline = time.monotonic() + timeout
    while True:
        assert gunicorn.poll() is None, site.gunicorn_log.read_text()[-3000:]
        try:
            if get(f"{site.app_url}/healthz", Host="127.0.0.1")[0] == 200:
                return
        except OSError:  # still booting
            pass
        assert time.monotonic() < deadline, site.gunicorn_log.read_text()[-3000:]
        time.sleep(0.2)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


CSS_URL = re.compile(r'url\("?([^")]+)"?\)')  # relative to the stylesheet, as the manifest writes them
ASSET = re.compile(r'(?:href|src)="(/(?:static|media)/[^"]+)"|url\("?(/(?:static|media)/[^")]+)"?\)')


def assets_of(body: str) -> set[str]:
    return {html.unescape(next(group for group in match.groups() if group)) for match in ASSET.finditer(body)}


def test_home_page_story_and_every_asset_they_link_answer_200(deployment):
    status, _, body = get(f"{deployment.site_url}/")  # redirected to /en/
    assert status == 200
    home = body.decode()
    status, _, body = get(f"{deployment.site_url}{deployment.story['url']}")
    assert status == 200
    story = body.decode()
    assert "Looms of Varanasi" in story
    assert f'<link rel="canonical" href="{deployment.site_url}{deployment.story["url"]}">' in story

    assets = assets_of(home) | assets_of(story)
    assert any(path.startswith("/media/images/") for path in assets), assets  # the hero image
    linked = set()  # what the stylesheets themselves link: the font faces of each script
    for path in sorted(assets):
        status, headers, body = get(urljoin(deployment.site_url, path))
        assert status == 200, path
        assert body, path
        if path.endswith(".css"):
            linked |= {
                urljoin(path, url) for url in CSS_URL.findall(body.decode()) if not url.startswith("data:")
            }
    for path in sorted(linked):
        assert get(urljoin(deployment.site_url, path))[0] == 200, path
    kinds = Counter(path.rsplit(".", 1)[-1] for path in assets | linked)
    assert kinds["css"] and kinds["woff2"] and kinds["svg"], kinds  # stylesheets, fonts, favicon


def test_gunicorn_alone_serves_static_files_compressed_and_immutable(deployment):
    status, _, body = get(f"{deployment.app_url}{deployment.story['url']}", Host="127.0.0.1")
    css = next(path for path in assets_of(body.decode()) if path.endswith(".css"))
    assert re.search(r"\.[0-9a-f]{12}\.css$", css), css  # hashed by the manifest
    status, headers, _ = get(f"{deployment.app_url}{css}", Host="127.0.0.1", **{"Accept-Encoding": "br"})
    assert status == 200
    assert headers["Content-Encoding"] == "br"
    assert "immutable" in headers["Cache-Control"] and "max-age=315360000" in headers["Cache-Control"]
    assert get(f"{deployment.app_url}/media/anything.jpg", Host="127.0.0.1")[0] == 404  # media is nginx's


def test_private_files_documents_and_print_pdfs_are_not_served_from_disk(deployment):
    var_dir = deployment.env["VAR_DIR"]
    for relative in (
        "private/printing/secret.pdf",
        "media/documents/report.pdf",
        "media/printing/pdfs/1/1/x.pdf",
    ):
        path = os.path.join(var_dir, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as file:
            file.write("not for the public")
    for url in ("/media/../private/printing/secret.pdf", "/private/printing/secret.pdf",
                "/media/documents/report.pdf", "/media/printing/pdfs/1/1/x.pdf"):  # fmt: skip
        status, _, body = get(f"{deployment.site_url}{url}")
        assert status == 404 and b"not for the public" not in body, url


def test_healthz_answers_200_through_gunicorn(deployment):
    status, headers, body = get(f"{deployment.app_url}/healthz", Host="127.0.0.1")
    assert status == 200, body
    states = json.loads(body)
    assert (states["database"], states["cache"], states["storage"]) == ("ok", "ok", "ok")
    # No task worker runs in this deployment: it shows, without a 503 (operations.health).
    assert states["status"] == "degraded" and states["worker"] != "ok"
    assert "no-store" in headers["Cache-Control"]


def edit(deployment, command: str) -> None:
    deployment.editor.stdin.write(f"{command}\n")
    deployment.editor.stdin.flush()
    answer = deployment.editor.stdout.readline()
    assert answer.startswith("done"), answer + deployment.editor.stderr.read()


def answers_after_change(deployment) -> list[tuple[int, bytes]]:
    url = f"{deployment.app_url}{deployment.story['url']}"
    return [get(url, Host="127.0.0.1")[::2] for _ in range(REQUESTS_PER_CHANGE)]


def worker_pids_in_access_log(deployment, path: str) -> set[str]:
    """PIDs (deploy/gunicorn.conf.py logs them first) that answered `path` so far."""
    log = deployment.gunicorn_log.read_text()
    return set(re.findall(rf"^<(\d+)> .*\"GET {re.escape(path)} ", log, re.MULTILINE))


def test_publish_unpublish_and_republish_by_another_process_reach_every_worker(deployment):
    story_id, url = deployment.story["id"], deployment.story["url"]
    first = answers_after_change(deployment)  # fills the page cache in both workers
    assert all(status == 200 for status, _ in first)
    other_url = f"{deployment.app_url}{deployment.story['other_url']}"
    get(other_url, Host="127.0.0.1")  # another story (another sector): cached once, for every worker

    edit(deployment, f"retitle {story_id} Looms of Varanasi, second edition")
    after_publish = answers_after_change(deployment)
    assert [status for status, _ in after_publish] == [200] * REQUESTS_PER_CHANGE
    assert all(b"Looms of Varanasi, second edition" in body for _, body in after_publish)
    # The publish forgot only what shows the story: the other story is still a hit in every worker.
    assert cache_header_counts(deployment, other_url) == Counter({"HIT": 4})

    edit(deployment, f"unpublish {story_id}")
    after_unpublish = answers_after_change(deployment)
    # Withdrawn: 410 Gone since the publication lifecycle (stories), 404 before it.
    assert len({status for status, _ in after_unpublish}) == 1, Counter(
        status for status, _ in after_unpublish
    )
    assert after_unpublish[0][0] in {404, 410}
    assert not any(b"Looms of Varanasi" in body for _, body in after_unpublish)

    edit(deployment, f"republish {story_id}")
    after_republish = answers_after_change(deployment)
    assert [status for status, _ in after_republish] == [200] * REQUESTS_PER_CHANGE
    assert all(b"Looms of Varanasi, second edition" in body for _, body in after_republish)
    assert cache_header_counts(deployment, other_url) == Counter({"HIT": 4})

    assert cache_header_counts(deployment, url)["HIT"], "the page cache was on and used"
    pids = worker_pids_in_access_log(deployment, urlsplit(url).path)
    assert len(pids) == 2, f"both workers answered the story: {pids}"


def cache_header_counts(deployment, url: str) -> Counter:
    if not url.startswith("http"):
        url = f"{deployment.app_url}{url}"
    return Counter(get(url, Host="127.0.0.1")[1].get("X-Cache") for _ in range(4))
