"""
``manage.py assign_editor USERNAME BUREAU_SLUG [--publisher] [--remove]``: give a person the right to
edit a bureau (as a member of "Bureau editors"), or to edit and publish it (as a member of
"Publishers"), or take it away. The user must exist; they are made staff so they can sign in to the admin.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from bureaus.models import Assignment, Bureau

EDITORS, PUBLISHERS = "Bureau editors", "Publishers"


class Command(BaseCommand):
    help = "Assign a user to a bureau as its editor (or publisher with --publisher), or remove them (--remove)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("bureau_slug")
        parser.add_argument("--publisher", action="store_true", help="May also publish and withdraw the bureau.")
        parser.add_argument("--remove", action="store_true", help="Take the user off the bureau.")

    @transaction.atomic
    def handle(self, *args, username, bureau_slug, publisher, remove, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(
                f"There is no user “{username}”; create them first (manage.py createsuperuser or the admin)."
            )
        bureau = Bureau.objects.originals().filter(slug=bureau_slug).first()
        if bureau is None:
            raise CommandError(f"There is no bureau with the slug “{bureau_slug}”.")
        if remove:
            deleted, _ = Assignment.objects.filter(user=user, bureau=bureau).delete()
            if not deleted:
                raise CommandError(f"{username} is not assigned to {bureau_slug}; nothing was removed.")
            self.stdout.write(f"{username} no longer edits {bureau}.")
            return
        try:
            groups = {name: Group.objects.get(name=name) for name in (EDITORS, PUBLISHERS)}
        except Group.DoesNotExist:
            raise CommandError("The editor roles are missing: run 'manage.py migrate'.") from None
        Assignment.objects.update_or_create(user=user, bureau=bureau, defaults={"can_publish": publisher})
        user.groups.add(groups[PUBLISHERS] if publisher else groups[EDITORS])
        if not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        role = "edits and publishes" if publisher else "edits"
        self.stdout.write(f"{username} now {role} {bureau}.")
