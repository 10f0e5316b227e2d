"""The deployment examples are valid as written: nginx accepts the site
configuration, systemd the units, gunicorn its settings, and the Procfile
names the three processes."""

import os
import shutil
import subprocess
import sys

import pytest

from tests.deploy import BASE_DIR, DEPLOY, ENV_FILE, deploy_file, nginx_available, nginx_test

GUNICORN = str(BASE_DIR / ".venv" / "bin" / "gunicorn") if (BASE_DIR / ".venv").exists() else "gunicorn"


def gunicorn_config(**env: str) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k not in {"WEB_CONCURRENCY", "GUNICORN_BIND"}}
    result = subprocess.run(
        [GUNICORN, "-c", "deploy/gunicorn.conf.py", "--print-config"],
        cwd=BASE_DIR,
        env={**environment, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return {
        name.strip(): value.strip()
        for name, _, value in (line.partition("=") for line in result.stdout.splitlines())
    }


def test_gunicorn_workers_come_from_the_cores_unless_web_concurrency_says():
    cores = len(os.sched_getaffinity(0))
    config = gunicorn_config()
    assert config["workers"] == str(2 * cores + 1)
    assert config["preload_app"] == "False"  # HUP reloads code: the master never imports it
    assert config["wsgi_app"] == "cms.wsgi:application"
    assert (config["timeout"], config["graceful_timeout"]) == ("30", "30")
    assert config["bind"] == "['127.0.0.1:8000']"
    assert gunicorn_config(WEB_CONCURRENCY="3", GUNICORN_BIND="127.0.0.1:9001")["workers"] == "3"


@pytest.mark.skipif(
    not nginx_available(), reason="nginx is not installed (scripts/system-deps.sh installs it)"
)
@pytest.mark.skipif(not shutil.which("openssl"), reason="openssl is needed for a test certificate")
def test_nginx_site_configuration_is_accepted(tmp_path):
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=odop.example.gov.in",
         "-keyout", str(tmp_path / "key.pem"), "-out", str(tmp_path / "cert.pem")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    (tmp_path / "cache").mkdir()
    files = tmp_path / "odop-files.conf"
    files.write_text(deploy_file("nginx/odop-files.conf", var_dir=tmp_path / "var"))
    site = deploy_file(
        "nginx/odop.conf",
        var_dir=tmp_path / "var",
        **{
            "/etc/letsencrypt/live/odop.example.gov.in/fullchain.pem": str(tmp_path / "cert.pem"),
            "/etc/letsencrypt/live/odop.example.gov.in/privkey.pem": str(tmp_path / "key.pem"),
            "/var/cache/nginx/odop": str(tmp_path / "cache"),
            f"{BASE_DIR}/deploy/nginx/odop-files.conf": str(files),
            "listen 80;": "listen 127.0.0.1:18080;",
            "listen [::]:80;": "",
            "listen 443 ssl http2;": "listen 127.0.0.1:18443 ssl http2;",
            "listen [::]:443 ssl http2;": "",
        },
    )
    result = nginx_test(tmp_path, site)
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed")
def test_systemd_units_verify_cleanly(tmp_path):
    units = sorted((DEPLOY / "systemd").iterdir())
    assert {unit.name for unit in units} >= {
        "odop-web.service", "odop-worker@.service", "odop-scheduler.service", "odop-scheduler.timer",
        "odop-healthcheck.service", "odop-healthcheck.timer",
    }  # fmt: skip
    for unit in units:
        text = deploy_file(f"systemd/{unit.name}", var_dir=tmp_path)
        text = text.replace(ENV_FILE, str(DEPLOY / "odop.env.example"))
        text = text.replace("User=odop", "User=root").replace("Group=odop", "Group=root")
        text = text.replace(f"{BASE_DIR}/.venv/bin/python", sys.executable)
        (tmp_path / unit.name).write_text(text)
    result = subprocess.run(
        ["systemd-analyze", "verify", *(str(tmp_path / unit.name) for unit in units)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and not (result.stdout + result.stderr).strip(), (
        result.stdout + result.stderr
    )


def test_procfile_runs_web_worker_and_scheduler():
    processes = dict(
        line.split(":", 1)
        for line in (BASE_DIR / "Procfile").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    )
    assert set(processes) == {"web", "worker", "scheduler"}
    assert "gunicorn -c deploy/gunicorn.conf.py" in processes["web"]
    assert "manage.py db_worker" in processes["worker"]
    assert "manage.py run_scheduler" in processes["scheduler"]  # publish_scheduled every minute
