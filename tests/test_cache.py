"""Anonymous pages are cached and go stale the moment content changes; staff always see fresh pages."""

import pytest

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
