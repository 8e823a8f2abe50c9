"""Production settings: Django's deploy checks pass, and missing secrets stop start-up clearly."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

BASE_DIR = Path(settings.BASE_DIR)


def manage(*args, **env):
    environment = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-production-secret-key-that-is-long-and-random-3f9a8b7c6d5e4f3a2b1c",
    "DJANGO_ALLOWED_HOSTS": "bureaus.example.org",
}


def test_check_deploy_is_clean_in_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_without_a_secret_key_refuses_to_start():
    result = manage("check", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_is_off_unless_asked_for():
    env = {key: value for key, value in PRODUCTION.items() if key != "DJANGO_DEBUG"}
    result = manage("shell", "--no-imports", "-c", "from django.conf import settings; print(settings.DEBUG)", **env)
    assert result.stdout.strip() == "False", result.stderr


def test_models_and_migrations_agree():
    result = manage("makemigrations", "--check", "--dry-run", DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stdout + result.stderr


def test_errors_are_logged_to_stderr_as_json_in_production():
    script = (
        "import logging\n"
        "try:\n    1 / 0\n"
        "except ZeroDivisionError:\n    logging.getLogger('django.request').exception('Server error')\n"
    )
    result = manage("shell", "--no-imports", "-c", script, **PRODUCTION)
    line = [line for line in result.stderr.splitlines() if line.startswith("{")][-1]
    import json

    entry = json.loads(line)
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "django.request"
    assert "ZeroDivisionError" in entry["exception"]


def test_production_responses_carry_the_security_headers(db, client):
    # The policy is set in settings; the test client sees the headers the middleware adds.
    response = client.get("/robots.txt")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's planner statistics; PostgreSQL's autovacuum keeps its own"
)
def test_closing_a_sqlite_connection_brings_the_planner_statistics_up_to_date(tmp_path, django_db_blocker):
    # A table analysed when small and grown since (as profile snapshots grow) is analysed again on close.
    from portal.sqlite.base import DatabaseWrapper

    path = tmp_path / "planner.sqlite3"
    wrapper = DatabaseWrapper({**connection.settings_dict, "NAME": str(path), "OPTIONS": {}}, alias="planner")
    with django_db_blocker.unblock(), wrapper.cursor() as cursor:
        cursor.execute("CREATE TABLE grows (id INTEGER PRIMARY KEY, bureau INTEGER)")
        cursor.execute("CREATE INDEX grows_bureau ON grows (bureau)")
        cursor.executemany("INSERT INTO grows (bureau) VALUES (%s)", [(n,) for n in range(20)])
        cursor.execute("ANALYZE")
        cursor.executemany("INSERT INTO grows (bureau) VALUES (%s)", [(n,) for n in range(20, 2000)])
        cursor.execute("SELECT id FROM grows WHERE bureau IN (3, 4)")
    with django_db_blocker.unblock():
        wrapper.close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT stat FROM sqlite_stat1 WHERE idx = 'grows_bureau'").fetchone()[0].startswith("2000 ")
