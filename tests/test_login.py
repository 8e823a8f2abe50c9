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
