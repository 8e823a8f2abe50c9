"""Login protection: lockout after repeated failures (logged, liftable), strong passwords, expiring sessions."""

import logging

import pytest
from django.conf import settings
from django.core.management import call_command

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("editor", password="a-long-test-password", is_staff=True)


def sign_in(client, password, username="editor"):
    return client.post(LOGIN, {"username": username, "password": password})


def test_repeated_failures_lock_that_username_at_that_address_out_and_are_logged(client, staff, caplog):
    with caplog.at_level(logging.WARNING, logger="axes"):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert sign_in(client, "wrong").status_code == 200  # the login form again, with its error
        assert sign_in(client, "wrong").status_code == 429  # the last allowed failure locks
    response = sign_in(client, "a-long-test-password")  # even the right password, while locked
    assert response.status_code == 429
    assert "Signing in is locked for now" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert any("locking out" in record.getMessage().lower() for record in caplog.records)
    # Another username from the same address is not locked.
    assert sign_in(client, "wrong", username="someone-else").status_code == 200


def test_a_lockout_can_be_lifted_by_the_command_the_readme_names(client, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong")
    assert sign_in(client, "a-long-test-password").status_code == 429
    call_command("axes_reset_username", "editor", stdout=None)
    response = sign_in(client, "a-long-test-password")
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_fewer_failures_than_the_limit_do_not_lock(client, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "wrong")
    assert sign_in(client, "a-long-test-password").status_code == 302


def test_weak_passwords_are_refused(staff_client):
    response = staff_client.post(
        "/admin/auth/user/add/",
        {"username": "new", "password1": "password", "password2": "password", "usable_password": "true"},
    )
    assert "This password is too common." in response.content.decode()


def test_admin_sessions_expire():
    assert settings.SESSION_COOKIE_AGE == 8 * 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


# Behind a proxy, and from many addresses -------------------------------------------------------


def sign_in_from(client, address, password, username="editor", **headers):
    """A sign-in as it reaches the portal straight from ``address`` (no proxy in between)."""
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers)


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "address"),
    [
        (0, "203.0.113.5", "10.0.0.1"),  # no proxy: a header the client wrote is not believed
        (1, None, "10.0.0.1"),  # a proxy is said to be there but sent no header: its own address
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "198.51.100.9, 203.0.113.5", "203.0.113.5"),  # what the client wrote, then what the proxy added
        (2, "198.51.100.9, 203.0.113.5, 192.0.2.1", "203.0.113.5"),
        (2, "203.0.113.5", "10.0.0.1"),  # fewer hops than proxies: not through them all
        (1, "not-an-address", "10.0.0.1"),
        (1, "2001:db8::5", "2001:db8::5"),
    ],
)
def test_the_client_address_comes_from_the_proxys_header_only_when_a_proxy_is_configured(
    rf, settings, proxies, forwarded_for, address
):
    from portal.lockout import client_address

    settings.PROXY_COUNT = proxies
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for else {}
    assert client_address(rf.post(LOGIN, REMOTE_ADDR="10.0.0.1", **headers)) == address


def test_behind_a_proxy_a_lockout_holds_the_visitors_address_not_the_proxys(client, staff, settings):
    settings.PROXY_COUNT = 1
    proxy = "10.0.0.1"  # every request reaches the portal from the proxy

    def through_proxy(visitor, password, forged="192.0.2.66"):
        # The proxy appends the address it saw to whatever X-Forwarded-For the visitor sent.
        return sign_in_from(client, proxy, password, HTTP_X_FORWARDED_FOR=f"{forged}, {visitor}")

    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert through_proxy("203.0.113.5", "wrong", forged=f"192.0.2.{attempt}").status_code == 200
    assert through_proxy("203.0.113.5", "wrong").status_code == 429  # forging the header changed nothing
    assert through_proxy("203.0.113.5", "a-long-test-password", forged="192.0.2.99").status_code == 429
    # The same username signs in from another visitor's address: the lockout was not everyone's.
    response = through_proxy("198.51.100.7", "a-long-test-password")
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_many_addresses_cannot_guess_one_username_without_end(client, staff, settings, caplog):
    # Each address stays under its own limit's lockout, or reaches it; together they pass the username's.
    addresses = [f"203.0.113.{n}" for n in range(1, 5)]
    assert len(addresses) * settings.AXES_FAILURE_LIMIT >= settings.AXES_USERNAME_FAILURE_LIMIT
    with caplog.at_level(logging.WARNING, logger="axes"):
        for address in addresses:
            for _ in range(settings.AXES_FAILURE_LIMIT):
                sign_in_from(client, address, "wrong")
    response = sign_in_from(client, "198.51.100.7", "a-long-test-password")  # a fifth address
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert any("every address" in record.getMessage() for record in caplog.records)
    # Other usernames are not locked, and the command the README names lifts this lock too.
    assert sign_in_from(client, "198.51.100.7", "wrong", username="someone-else").status_code == 200
    call_command("axes_reset_username", "editor", stdout=None)
    assert sign_in_from(client, "198.51.100.7", "a-long-test-password").status_code == 302


def test_the_username_limit_locks_at_the_failure_that_reaches_it(client, staff, settings):
    settings.AXES_FAILURE_LIMIT = 100  # only the username's limit can lock here
    for n in range(settings.AXES_USERNAME_FAILURE_LIMIT - 1):
        assert sign_in_from(client, f"203.0.113.{n + 1}", "wrong").status_code == 200
    assert sign_in_from(client, "198.51.100.1", "wrong").status_code == 429
    assert sign_in_from(client, "198.51.100.2", "a-long-test-password").status_code == 429
