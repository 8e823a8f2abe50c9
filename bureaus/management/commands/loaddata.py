"""
``loaddata``, as Django's, but validating every record of this app, re-indexing each
bureau for search once at the end instead of once per row, and moving the content
version on once.

Django's loaddata saves rows raw, skipping every model rule: a fixture with a slug
like "fx bad slug!" would load and break every page that links the bureau. Here each
record is checked against its model first; the first invalid one stops the whole
load (one transaction) with one line naming it. Rows of the tables derived from the
bureaus (``content.DERIVED``: listing rows, tallies, snapshots …) are refused: they
are rebuilt from the bureaus loaded; so are histories (revisions, the admin's log), which
only ``restore`` loads, keeping each with its bureau. So is a bureau left with more items than the admin
can save (``parts.over_the_item_cap``).
"""

from django.core.management.base import CommandError
from django.core.management.commands.loaddata import Command as DjangoLoaddata
from django.core.serializers.base import DeserializationError

from bureaus import backups, content
from bureaus.management.formats import NotText
from bureaus.models.base import validate_loaded_row
from bureaus.models.parts import ITEM_PARTS, over_the_item_cap


class InvalidRecord(CommandError):
    def __init__(self, problem):
        self.problem = problem
        super().__init__(f"Invalid record, nothing was loaded: {problem}")


class Command(DjangoLoaddata):
    def save_obj(self, obj):
        if obj.object._meta.label_lower in backups.HISTORY:
            # Histories name their rows by database ids, which a load gives anew: loaded as they are they
            # would attach to whichever bureau has that id here. ``restore`` maps them by natural key.
            raise InvalidRecord(
                f"{obj.object._meta.verbose_name} rows are histories, which only 'manage.py restore' loads "
                "(keeping each with its own bureau); a fixture cannot hold them."
            )
        if isinstance(obj.object, content.DERIVED):
            what = obj.object._meta.verbose_name
            raise InvalidRecord(
                f"{what} rows are derived from the bureaus and rebuilt from them; a fixture cannot hold them."
            )
        if obj.object._meta.app_label == "bureaus":
            problem = validate_loaded_row(obj.object)
            if problem:
                raise InvalidRecord(problem)
        if isinstance(obj.object, tuple(part.model for part in ITEM_PARTS)):
            self.bureaus_with_items.add(obj.object.bureau_id)
        return super().save_obj(obj)

    def handle(self, *fixture_labels, **options):
        self.bureaus_with_items = set()
        try:
            with content.changing():
                result = super().handle(*fixture_labels, **options)
                problem = over_the_item_cap(self.bureaus_with_items)  # in the load's transaction still
                if problem:
                    raise InvalidRecord(problem)
                return result
        except NotText as error:  # a JSON object for a text field, found as the file is read (formats)
            raise InvalidRecord(error.problem) from None
        except DeserializationError as error:  # a value of the wrong kind, a field or a key not known here
            raise InvalidRecord((str(error).strip().splitlines() or [type(error).__name__])[0]) from None
