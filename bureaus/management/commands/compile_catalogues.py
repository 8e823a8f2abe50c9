"""
``manage.py compile_catalogues``: compile the interface's translation catalogues (``locale/*/LC_MESSAGES/
django.po``) into the ``.mo`` files Django reads. ``make install`` runs it.

Django's own ``compilemessages`` needs GNU gettext's ``msgfmt``, which a fresh machine may lack;
polib writes the same files in Python.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/django.po into .mo files (no GNU gettext needed)."

    def handle(self, *args, **options):
        catalogues = sorted(
            path for folder in settings.LOCALE_PATHS for path in Path(folder).glob("*/LC_MESSAGES/*.po")
        )
        if not catalogues:
            raise CommandError(f"No catalogue found under {', '.join(map(str, settings.LOCALE_PATHS))}.")
        for po_path in catalogues:
            try:
                catalogue = polib.pofile(str(po_path))
            except (OSError, ValueError) as error:
                raise CommandError(f"{po_path} cannot be read as a catalogue: {error}") from None
            untranslated = len(catalogue.untranslated_entries()) + len(catalogue.fuzzy_entries())
            catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
            note = f" ({untranslated} not translated yet: shown in English)" if untranslated else ""
            self.stdout.write(f"{po_path}: {len(catalogue.translated_entries())} messages compiled{note}.")
