"""Fixtures shared by the suite."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from bureaus.seed import INSTITUTION_TYPES_FIXTURE, SEED_FIXTURES


@pytest.fixture
def seed_data(db):
    """The institution types and the three seed bureaus, loaded from fixtures/ with loaddata."""
    call_command("loaddata", str(INSTITUTION_TYPES_FIXTURE), *map(str, SEED_FIXTURES), verbosity=0)


@pytest.fixture
def staff_client_factory(db, django_user_model):
    """Make clients logged in as superusers (a separate client from the anonymous ``client``)."""
    from django.test import Client

    def make(username="editor"):
        user = django_user_model.objects.create_superuser(username, f"{username}@example.org", "a-long-test-password")
        staff = Client()
        staff.force_login(user)
        return staff

    return make


@pytest.fixture
def staff_client(client, django_user_model):
    """A client logged in as a superuser: the bureau staff's view of the admin."""
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-test-password")
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached pages: a page cached by one test must not answer in another."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def english_outside_requests():
    """Each test starts in the default language: a request to a /zh-hans/ page leaves Chinese active in
    the thread, and a later test's ``get_absolute_url()`` would give the Chinese address."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


def pytest_terminal_summary(terminalreporter):
    """Say how to get the browser tests running when they were skipped for want of chromium."""
    skipped = [report for report in terminalreporter.stats.get("skipped", []) if "chromium" in str(report.longrepr)]
    if skipped:
        terminalreporter.write_line(
            f"{len(skipped)} browser tests were skipped: Debian's chromium is not installed here. "
            "Install it with 'sudo apt-get install chromium' to run them (CI installs it and fails on any skip).",
            yellow=True,
            bold=True,
        )
