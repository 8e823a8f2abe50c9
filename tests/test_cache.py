"""Anonymous pages are cached and go stale the moment content changes; staff always see fresh pages."""

import pytest
from django.test import Client

from bureaus.models import Bureau, ContentVersion

from .factories import BureauFactory, DutyFactory

pytestmark = pytest.mark.django_db


def get(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.content.decode()


def test_a_second_visit_is_served_from_the_cache_with_one_query(client, seed_data, django_assert_num_queries):
    first, _ = get(client, "/bureaus/shenyang-heping-district/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(1):  # the content version, nothing else
        second, page = get(client, "/bureaus/shenyang-heping-district/")
    assert second["X-Page-Cache"] == "hit"
    assert "Shenyang Zhongyuan District Education Bureau" in page


def test_editing_a_bureau_or_an_item_shows_at_once(client, seed_data):
    url = "/bureaus/shenyang-heping-district/"
    get(client, url)
    bureau = Bureau.objects.get(slug="shenyang-heping-district")
    bureau.summary = "A brand new summary."
    bureau.save()
    response, page = get(client, url)
    assert response["X-Page-Cache"] == "miss"
    assert "A brand new summary." in page
    DutyFactory(bureau=bureau, kind="plan", text="Open a robotics lab")
    assert "Open a robotics lab" in get(client, url)[1]


def test_the_list_follows_publishing_through_the_admin_action(client, staff_client_factory):
    draft = BureauFactory(name="Freshly Published Bureau", draft=True)
    assert "Freshly Published Bureau" not in get(client, "/bureaus/")[1]
    staff = staff_client_factory()
    staff.post("/admin/bureaus/bureau/", {"action": "publish", "_selected_action": [draft.pk]})
    assert "Freshly Published Bureau" in get(client, "/bureaus/")[1]


def test_staff_always_get_fresh_pages(staff_client, seed_data):
    staff_client.get("/bureaus/")
    response = staff_client.get("/bureaus/")
    assert "X-Page-Cache" not in response


@pytest.mark.parametrize("url", ["/bureaus/nowhere/", "/api/csv/bureaus.csv"])
def test_errors_and_downloads_are_not_cached(client, url):
    client.get(url)
    assert client.get(url).get("X-Page-Cache") in (None, "miss")


def test_a_rolled_back_change_cannot_bring_back_an_old_page(client, seed_data):
    from django.db import transaction

    get(client, "/")
    before = ContentVersion.current()
    with transaction.atomic():
        ContentVersion.bump()
        transaction.set_rollback(True)
    assert ContentVersion.current() == before
    assert get(client, "/")[0]["X-Page-Cache"] == "hit"


# The cache sits after host validation and the HTTPS redirect, and keys on scheme and host.


def test_a_host_not_allowed_is_refused_even_when_the_page_is_cached(client, seed_data, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    assert get(client, "/bureaus/")[0].status_code == 200
    assert client.get("/bureaus/", HTTP_HOST="evil.example").status_code == 400


def test_plain_http_is_redirected_even_when_the_page_is_cached(client, seed_data, settings):
    get(client, "/bureaus/", secure=True)
    assert get(client, "/bureaus/", secure=True)[0]["X-Page-Cache"] == "hit"
    settings.SECURE_SSL_REDIRECT = True
    response = Client().get("/bureaus/")  # a new client: SecurityMiddleware reads settings when loaded
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/bureaus/"


def test_one_allowed_host_cannot_poison_the_links_of_another(client, seed_data, settings):
    settings.ALLOWED_HOSTS = ["portal.example", "localhost"]
    url = "/bureaus/shenyang-heping-district/"
    get(client, url, HTTP_HOST="localhost:8101")
    response, page = get(client, url, HTTP_HOST="portal.example")
    assert response["X-Page-Cache"] == "miss"
    assert 'href="http://portal.example/bureaus/shenyang-heping-district/"' in page
    assert "localhost:8101" not in page
    robots = client.get("/robots.txt", HTTP_HOST="portal.example").content.decode()
    assert "Sitemap: http://portal.example/sitemap.xml" in robots


@pytest.mark.django_db(transaction=True)
def test_the_version_read_is_the_connections_health_check_and_a_dropped_connection_is_replaced(client, monkeypatch):
    from django.db import OperationalError, connections

    from bureaus.pages.cache import AnonymousPageCacheMiddleware

    connection = connections["default"]  # the wrapper itself: patching through the proxy would not undo cleanly
    BureauFactory(slug="checked")
    # As at the start of every request with CONN_HEALTH_CHECKS: the check is due.
    monkeypatch.setattr(connection, "health_check_enabled", True)
    connection.health_check_done = False
    checks = []
    monkeypatch.setattr(connection, "is_usable", lambda: checks.append("SELECT 1") or True)
    assert client.get("/bureaus/").status_code == 200
    assert checks == []  # no round trip spent on "SELECT 1": the version read was the check

    # A server restart dropped the persistent connection: the read fails once, the connection is replaced.
    reads, closes = [], []
    real_version_of, real_close = AnonymousPageCacheMiddleware.version_of, connection.close

    def version_of(self, request):
        reads.append(request.path)
        if len(reads) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real_version_of(self, request)

    monkeypatch.setattr(AnonymousPageCacheMiddleware, "version_of", version_of)
    monkeypatch.setattr(connection, "close", lambda: closes.append(1) or real_close())
    response = client.get("/bureaus/checked/")
    assert response.status_code == 200 and len(reads) == 2 and closes == [1]
