"""Fixtures shared by the suite."""

import pytest
from django.core.management import call_command

from bureaus.seed import INSTITUTION_TYPES_FIXTURE, SEED_FIXTURES


@pytest.fixture
def seed_data(db):
    """The institution types and the three seed bureaus, loaded from fixtures/ with loaddata."""
    call_command("loaddata", str(INSTITUTION_TYPES_FIXTURE), *map(str, SEED_FIXTURES), verbosity=0)


@pytest.fixture
def staff_client(client, django_user_model):
    """A client logged in as a superuser: the bureau staff's view of the admin."""
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-test-password")
    client.force_login(user)
    return client
