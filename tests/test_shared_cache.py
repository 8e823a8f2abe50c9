"""
The page cache shared by several app servers through Redis: the README's multi-server set-up.

Two gunicorn processes serve one database and one Redis, behind what a load balancer would send
(the same Host header to both). A page one of them cached is served by the other, and a bureau
withdrawn through one server's admin is gone from the other at once while every other profile stays
cached. Needs a Redis server (``REDIS_TEST_URL``, default database 15 on 127.0.0.1): locally the test is
skipped without one; in CI (CI=true) a missing server is a failure, since .ci/run starts one.
"""

import http.cookiejar
import os
import re
import secrets
import sqlite3
import urllib.error
import urllib.parse
import urllib.request

import pytest

from benchmarks.processes import environment, gunicorn, manage

REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")
PUBLIC_HOST = "portal.test"  # what the load balancer passes on to every app server
HEPING = "/bureaus/shenyang-heping-district/"
CHANGCHUN = "/bureaus/changchun-new-district/"


@pytest.fixture
def redis_url():
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.flushdb()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs a Redis server at {REDIS_URL} (.ci/run starts redis-server).")
        pytest.skip(f"No Redis server at {REDIS_URL} (apt-get install redis-server).")
    yield REDIS_URL
    client.flushdb()


class Browser:
    """A visitor or an editor talking HTTP to one app server, sending the public host name."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path):
        return self.send(urllib.request.Request(self.base_url + path))

    def post(self, path, fields):
        body = urllib.parse.urlencode(fields, doseq=True).encode()
        return self.send(urllib.request.Request(self.base_url + path, data=body))

    def send(self, request):
        request.add_header("Host", PUBLIC_HOST)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def csrf_token(self, path):
        status, _, page = self.get(path)
        assert status == 200, path
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def log_in(self, username, password):
        token = self.csrf_token("/admin/login/")
        status, _, page = self.post(
            "/admin/login/?next=/admin/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password, "next": "/admin/"},
        )
        assert status == 200 and "Log out" in page, "the editor could not sign in"


def test_two_app_servers_share_the_page_cache_and_an_edit_in_one_empties_the_others_view(tmp_path, redis_url):
    database = tmp_path / "shared.sqlite3"
    env = environment(f"sqlite:///{database}", CACHE_URL=redis_url, DJANGO_ALLOWED_HOSTS=f"127.0.0.1,{PUBLIC_HOST}")
    manage("collectstatic", "--noinput", "-v0", env=env)
    manage("migrate", "--noinput", "-v0", env=env)
    manage("load_seed_data", env=env)
    password = secrets.token_urlsafe(16)
    manage("createsuperuser", "--noinput", "--username=admin", "--email=admin@example.org",
           env={**env, "DJANGO_SUPERUSER_PASSWORD": password})  # fmt: skip
    with sqlite3.connect(database) as db:
        (heping_id,) = db.execute("SELECT id FROM bureaus_bureau WHERE slug = 'shenyang-heping-district'").fetchone()

    with gunicorn(env, workers=1) as first_url, gunicorn(env, workers=1) as second_url:
        first, second = Browser(first_url), Browser(second_url)

        # What one server rendered, the other serves from Redis.
        for path in (HEPING, CHANGCHUN, "/bureaus/"):
            status, headers, _ = first.get(path)
            assert (status, headers["X-Page-Cache"]) == (200, "miss"), path
            status, headers, _ = second.get(path)
            assert (status, headers["X-Page-Cache"]) == (200, "hit"), path

        # An editor withdraws Heping through the first server's admin.
        editor = Browser(first_url)
        editor.log_in("admin", password)
        token = editor.csrf_token("/admin/bureaus/bureau/")
        status, _, page = editor.post(
            "/admin/bureaus/bureau/",
            {"csrfmiddlewaretoken": token, "action": "unpublish", "_selected_action": [heping_id]},
        )
        assert status == 200 and "1 bureau(s) withdrawn." in page

        # The second server no longer shows it, nor lists it; the other bureau's profile stays cached.
        status, _, _ = second.get(HEPING)
        assert status == 404
        status, headers, page = second.get("/bureaus/")
        assert (status, headers["X-Page-Cache"]) == (200, "miss")
        assert "Shenyang Heping District" not in page and "Changchun New District" in page
        status, headers, _ = second.get(CHANGCHUN)
        assert (status, headers["X-Page-Cache"]) == (200, "hit")
