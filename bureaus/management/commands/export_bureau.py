"""``manage.py export_bureau SLUG``: print a bureau in the open-data JSON format."""

from django.core.management.base import BaseCommand, CommandError

from bureaus.models import Bureau
from bureaus.opendata.serializers import bureau_to_dict, dumps


class Command(BaseCommand):
    help = "Print one bureau in the portal's open-data JSON format (the same as its .json page)."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The bureau's slug, e.g. shenyang-heping-district.")

    def handle(self, *args, slug, **options):
        try:
            bureau = Bureau.objects.with_profile().get(slug=slug)
        except Bureau.DoesNotExist:
            raise CommandError(f"No bureau has the slug “{slug}”. Slugs are listed in the admin.") from None
        self.stdout.write(dumps(bureau_to_dict(bureau)))
