"""Production settings refuse a missing or placeholder SECRET_KEY, and pass
Django's deploy checks with a real one. Run in subprocesses: settings load once."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
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
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
