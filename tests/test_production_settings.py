"""Production settings refuse a missing or placeholder SECRET_KEY, pass
Django's deploy checks with a real one, and never keep state per process.
Run in subprocesses: settings load once."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
# Taken from the environment of the test run only where a test says so.
ISOLATED_VARIABLES = {
    "SECRET_KEY",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "REDIS_URL",
    "SITE_URL",
    "EMAIL_HOST",
    "EMAIL_BACKEND",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ISOLATED_VARIABLES}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args, "--settings=cms.settings.production"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "secret_key",
    [None, "", "dev-only-insecure-key-do-not-use-in-production", "short-but-random-7f3a", "a" * 64],
)
def test_production_settings_refuse_to_start_without_a_real_secret_key(secret_key):
    env = {} if secret_key is None else {"SECRET_KEY": secret_key}
    result = manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set in the environment" in result.stderr
    if secret_key:
        assert secret_key not in result.stderr  # never echo the key


def test_deploy_check_passes_with_a_real_secret_key():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="odop.example.gov.in",
        SITE_URL="https://odop.example.gov.in", EMAIL_HOST="smtp.example.gov.in",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def production_setting(expression: str, **env: str) -> str:
    result = manage(
        "shell", "-c", f"from django.conf import settings; print({expression})",
        SECRET_KEY=secrets.token_urlsafe(50), SITE_URL="https://odop.example.gov.in", **env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_production_shares_one_cache_between_processes_without_redis():
    assert production_setting("settings.CACHES['default']['BACKEND']") == "core.cache_backends.DatabaseCache"


def test_production_uses_redis_when_redis_url_is_set():
    backend = production_setting(
        "settings.CACHES['default']['BACKEND']", REDIS_URL="redis://127.0.0.1:6379/9"
    )
    assert backend == "django.core.cache.backends.redis.RedisCache"


@pytest.mark.parametrize(
    "backend",
    ["django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache"],
)
def test_check_refuses_a_per_process_cache_where_state_must_be_shared(settings, backend):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    settings.SHARED_CACHE_REQUIRED = True
    settings.CACHES = {"default": {"BACKEND": backend}}
    with pytest.raises(SystemCheckError, match="core.E001"):
        call_command("check")


def test_production_settings_refuse_to_start_without_a_site_url():
    result = manage("check", SECRET_KEY=secrets.token_urlsafe(50))
    assert result.returncode != 0
    assert "SITE_URL must be set in the environment" in result.stderr


@pytest.mark.parametrize(
    ("site_url", "problem"),
    [
        ("odop.example.gov.in", "must start with https:// or http://"),
        ("https://odop.example.gov.in/odop/", "without a path"),
        ("https://odop.example.gov.in:8443", "https on port 443 only"),
        ("http://odop.example.gov.in:443", "https on port 443 only"),
    ],
)
def test_deploy_check_names_a_site_url_a_wagtail_site_cannot_hold(site_url, problem):
    result = manage("check", "--deploy", SECRET_KEY=secrets.token_urlsafe(50), SITE_URL=site_url)
    assert result.returncode != 0
    assert "core.E002" in result.stderr and problem in result.stderr


def test_deploy_check_warns_about_a_plain_http_site_url():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="odop.example.gov.in", SITE_URL="http://odop.example.gov.in",
    )  # fmt: skip
    assert result.returncode != 0
    assert "core.W003" in result.stderr
