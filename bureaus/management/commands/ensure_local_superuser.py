"""
``manage.py ensure_local_superuser``: a first admin login for a local portal.

When no superuser exists, creates ``admin`` with a generated password and prints
it once. Does nothing otherwise, so ``make run`` can call it every time. Refuses
to run with debug off: production accounts are made with ``createsuperuser``.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create a local superuser 'admin' with a generated password, if there is no superuser yet."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError(
                "This command is for local development only (DJANGO_DEBUG=1). "
                "In production, use 'manage.py createsuperuser'."
            )
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("A superuser already exists; no login was created.")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                "\nCreated an admin login for this local portal (shown only once):\n"
                f"    http://127.0.0.1:8000/admin/\n    username: {username}\n    password: {password}\n"
            )
        )
