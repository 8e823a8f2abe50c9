"""Running the portal in other processes: manage.py commands and gunicorn, each on its own database."""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection

BASE_DIR = Path(settings.BASE_DIR)


def database_url():
    """The ``DATABASE_URL`` of the database this process uses, SQLite or PostgreSQL, so that the processes it
    starts (gunicorn, manage.py) serve the very database it has loaded."""
    return url_of(connection.vendor, connection.settings_dict)


def url_of(vendor, settings_dict):
    name = str(settings_dict["NAME"])
    if vendor == "sqlite":
        return f"sqlite:///{name}"
    if vendor != "postgresql":
        raise RuntimeError(f"The benchmark runs on SQLite or PostgreSQL, not on {vendor}.")
    user, password = (quote(settings_dict.get(key) or "", safe="") for key in ("USER", "PASSWORD"))
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or ""
    host = f"[{host}]" if ":" in host else quote(host, safe="")  # an IPv6 address, or a socket's directory
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{credentials}{host}{port}/{quote(name, safe='')}"


def database_label():
    """Which database the figures are from, for the terminal: "SQLite (bench.sqlite3)", "PostgreSQL 15 (portal_bench)"."""
    if connection.vendor == "sqlite":
        return f"SQLite ({Path(str(connection.settings_dict['NAME'])).name})"
    connection.ensure_connection()
    return f"PostgreSQL {connection.pg_version // 10000} ({connection.settings_dict['NAME']})"


def environment(database_url, **extra):
    """Production settings over plain http on this machine, on the given database."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "CACHE_URL"))}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_HTTPS="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_LOG_LEVEL="WARNING",
        DATABASE_URL=database_url,
    )
    env.update(extra)
    return env


def manage(*args, env, check=True):
    """Run a manage.py command; returns (seconds it took, completed process)."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if check and result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed: {result.stderr[-2000:]}")
    return seconds, result


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(env, workers=None):
    """gunicorn serving the portal on a free loopback port; yields its base URL, stops it afterwards."""
    port = free_port()
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_ACCESS_LOG": ""}
    if workers:
        env["WEB_CONCURRENCY"] = str(workers)
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "portal/gunicorn.conf.py", "portal.wsgi"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/robots.txt", timeout=1).read()
                break
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError(f"gunicorn did not start: {process.stderr.read()[-2000:]}") from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
