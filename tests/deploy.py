"""The example deployment files (deploy/) made runnable in a test: paths under
/srv/odop and /etc become temporary ones, ports become free ones, and nginx
runs unprivileged in the foreground from its own prefix.

Used by tests/test_deploy_files.py (configuration checks) and
tests/test_production_smoke.py (a real nginx in front of gunicorn).
"""

from __future__ import annotations

import getpass
import shutil
import signal
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DEPLOY = BASE_DIR / "deploy"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
NGINX_MODULES = Path("/usr/lib/nginx/modules")
APP_DIR, VAR_DIR, ENV_FILE = "/srv/odop/app", "/srv/odop/var", "/etc/odop/odop.env"


def nginx_available() -> bool:
    return Path(NGINX).exists()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, *, timeout: float, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before listening on {port}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


def deploy_file(name: str, *, var_dir: Path, **replacements: str) -> str:
    """deploy/<name> with its example paths pointing at this checkout and `var_dir`."""
    text = (DEPLOY / name).read_text()
    text = text.replace(APP_DIR, str(BASE_DIR)).replace(VAR_DIR, str(var_dir))
    for old, new in replacements.items():
        assert old in text, f"{old!r} not in deploy/{name}"
        text = text.replace(old, new)
    return text


def nginx_conf(prefix: Path, http: str) -> Path:
    """A main nginx.conf for an unprivileged nginx under `prefix` with `http` inside."""
    modules = "".join(f"load_module {module};\n" for module in sorted(NGINX_MODULES.glob("*.so")))
    temp = " ".join(
        f"{kind}_temp_path {prefix / ('tmp_' + kind)};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    conf = prefix / "nginx.conf"
    conf.write_text(
        f"{modules}user {getpass.getuser()};\nworker_processes 1;\npid {prefix / 'nginx.pid'};\n"
        f"error_log {prefix / 'error.log'} warn;\nevents {{ worker_connections 256; }}\n"
        f"http {{\n  access_log off;\n  {temp}\n{http}\n}}\n"
    )
    return conf


def nginx_test(prefix: Path, http: str) -> subprocess.CompletedProcess:
    conf = nginx_conf(prefix, http)
    return subprocess.run(
        [NGINX, "-t", "-p", str(prefix), "-c", str(conf)], capture_output=True, text=True, timeout=30
    )


@contextmanager
def running_nginx(prefix: Path, http: str, *, port: int):
    conf = nginx_conf(prefix, http)
    process = subprocess.Popen(
        [NGINX, "-p", str(prefix), "-c", str(conf), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for_port(port, timeout=10, process=process)
        yield process
    finally:
        process.send_signal(signal.SIGQUIT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
