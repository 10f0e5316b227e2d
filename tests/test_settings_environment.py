"""cms/settings reads the environment (and only it does): each variable lands in
its setting with the right type. Run in a subprocess: settings load once."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SHOW_SETTINGS = """
import json, django
django.setup()
from django.conf import settings
names = [
    "PRINT_NEWSBOX_COLUMNS", "PRINT_NEWSBOX_COLUMN_MM", "PRINT_ICC_PROFILE", "PRINT_IMAGE_DPI",
    "PUBLIC_PAGE_CACHE_SECONDS", "WAGTAILSEARCH_BACKENDS", "WAGTAILLOCALIZE_MACHINE_TRANSLATOR",
    "WAGTAILFRONTENDCACHE", "CACHES", "STORAGES",
]
print(json.dumps({name: getattr(settings, name) for name in names}, default=str))
"""


def settings_under(env: dict[str, str]) -> dict:
    keep = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SEARCH_", "ELASTICSEARCH_", "MT_", "PRINT_", "AWS_", "PRIVATE_ROOT"))
    }
    result = subprocess.run(
        [sys.executable, "-c", SHOW_SETTINGS],
        cwd=BASE_DIR,
        env={**keep, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_environment_variables_become_typed_settings():
    values = settings_under(
        {
            "PRINT_NEWSBOX_COLUMNS": "2",
            "PRINT_NEWSBOX_COLUMN_MM": "52.5",
            "PRINT_ICC_PROFILE": "",  # empty: Ghostscript's profile, as when unset
            "PRINT_IMAGE_DPI": "300",
            "PUBLIC_PAGE_CACHE_SECONDS": "0",
            "ELASTICSEARCH_URL": "opensearchs://os1:9200",
            "SEARCH_INDEX_PREFIX": "stage_",
            "SEARCH_TIMEOUT": "9",
            "MT_BACKEND": "libretranslate",
            "MT_URL": "https://mt.example",
            "MT_TIMEOUT": "7.5",
            "FRONTEND_CACHE_PURGE_URL": "http://varnish:6081",
            "REDIS_URL": "redis://cache:6379/1",
        }
    )
    assert values["PRINT_NEWSBOX_COLUMNS"] == 2
    assert values["PRINT_NEWSBOX_COLUMN_MM"] == 52.5
    assert values["PRINT_ICC_PROFILE"] == "/usr/share/color/icc/ghostscript/default_cmyk.icc"
    assert values["PRINT_IMAGE_DPI"] == 300
    assert values["PUBLIC_PAGE_CACHE_SECONDS"] == 0
    search = values["WAGTAILSEARCH_BACKENDS"]["default"]
    assert search["BACKEND"] == "search.backends.opensearch3"
    assert (search["URLS"], search["INDEX_PREFIX"], search["TIMEOUT"]) == (["https://os1:9200"], "stage_", 9)
    translator = values["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"]
    assert translator["CLASS"].endswith("LibreTranslateTranslator")
    assert translator["OPTIONS"] == {
        "URL": "https://mt.example",
        "API_KEY": "",
        "SERVICE_ID": "",
        "TIMEOUT": 7.5,
    }
    assert values["WAGTAILFRONTENDCACHE"] == {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://varnish:6081",
        }
    }
    assert values["CACHES"]["default"]["LOCATION"] == "redis://cache:6379/1"


def test_without_those_variables_settings_keep_their_defaults():
    values = settings_under({})
    assert values["PRINT_NEWSBOX_COLUMNS"] == 3
    assert values["PRINT_IMAGE_DPI"] == 240
    assert values["WAGTAILSEARCH_BACKENDS"]["default"]["BACKEND"] == "search.backends.database"
    assert values["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"] is None


def test_storage_is_local_disk_with_private_files_outside_media_by_default():
    storages = settings_under({"VAR_DIR": "/srv/odop"})["STORAGES"]
    assert storages["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert storages["private"] == {
        "BACKEND": "core.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": "/srv/odop/private"},
    }


def test_aws_variables_put_media_and_private_files_in_buckets():
    connection = {
        "AWS_STORAGE_BUCKET_NAME": "odop-media",
        "AWS_S3_ENDPOINT_URL": "http://minio:9000",
        "AWS_S3_REGION_NAME": "ap-south-1",
        "AWS_ACCESS_KEY_ID": "key",
        "AWS_SECRET_ACCESS_KEY": "secret",
    }
    storages = settings_under({**connection, "AWS_PRIVATE_BUCKET_NAME": "odop-private"})["STORAGES"]
    public, private = storages["default"]["OPTIONS"], storages["private"]["OPTIONS"]
    assert (
        storages["default"]["BACKEND"] == storages["private"]["BACKEND"] == "storages.backends.s3.S3Storage"
    )
    for options in (public, private):
        assert (options["endpoint_url"], options["region_name"]) == ("http://minio:9000", "ap-south-1")
        assert (options["access_key"], options["secret_key"]) == ("key", "secret")
    assert (public["bucket_name"], public["querystring_auth"]) == ("odop-media", False)
    assert (private["bucket_name"], private["location"]) == ("odop-private", "")
    assert (private["querystring_auth"], private["querystring_expire"], private["custom_domain"]) == (
        True,
        60,
        None,
    )
    shared = settings_under(connection)["STORAGES"]["private"]["OPTIONS"]
    assert (shared["bucket_name"], shared["location"]) == ("odop-media", "private")


def test_readme_configuration_table_lists_exactly_the_variables_settings_read():
    read = set()
    for module in (BASE_DIR / "cms" / "settings").glob("*.py"):
        read |= set(re.findall(r'\benv_\w+\(\s*"([A-Z][A-Z0-9_]*)"', module.read_text()))
    readme = (BASE_DIR / "README.md").read_text()
    section = readme[readme.index("## Configuration") :].split("\n## ", 1)[0]
    listed = {
        name
        for row in section.splitlines()
        if row.startswith("| `")
        for name in re.findall(r"`([A-Z][A-Z0-9_]*)`", row.split("|")[1])
    }
    assert listed == read
