"""
``manage.py bulk_load FILE``: load a large fixture of bureaus (national scale) fast.

Reads the same fixture format ``loaddata`` reads (natural keys, as ``import_bureau
--output`` and ``backup`` write for bureau data), but resolves natural keys in
memory and writes each model with a few ``bulk_create`` statements (through the one
bulk writer, ``content.insert_rows``) instead of one query per row and per key. Every
record is validated first. All or nothing, in one transaction; the new bureaus are
indexed for search once, at the end. Only for new bureaus: a slug already in the
database is refused (``loaddata`` updates existing rows). The profiles of the published
bureaus loaded are rendered afterwards (their snapshots; ``--no-snapshots`` leaves that to
``render_snapshots`` or to visitors' first visits, each several times slower than a rendered
profile).
"""

import json
from pathlib import Path

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError
from django.db.models import UniqueConstraint

from bureaus import content
from bureaus.models import Bureau, InstitutionType
from bureaus.models.base import loaded_text_problem, validate_loaded_row
from bureaus.models.languages import upgrade_loaded_fields
from bureaus.models.parts import PARTS, over_the_item_cap
from bureaus.pages import snapshots
from bureaus.search import optimize_query_planner

# Parents before children; the first three are what the others point at by natural key.
ORDER = ["bureaus.institutiontype", "bureaus.bureau", *(part.label for part in PARTS)]
KEYED = ORDER[:3]


class Command(BaseCommand):
    help = "Load a large fixture of new bureaus with bulk inserts (much faster than loaddata)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--batch-size", type=int, default=2000)
        parser.add_argument(
            "--no-snapshots",
            action="store_true",
            help="Do not render the loaded profiles now (render_snapshots, or their first visits, will).",
        )

    def handle(self, *args, file, batch_size, no_snapshots, **options):
        try:
            records = json.loads(file.read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        except ValueError as error:
            raise CommandError(f"{file} is not a JSON fixture: {error}.") from None
        if not isinstance(records, list):
            raise CommandError(f"{file} is not a fixture: it should be a JSON list of records.")
        by_model = {}
        for number, record in enumerate(records, 1):
            label = record.get("model") if isinstance(record, dict) else None
            if label not in ORDER or not isinstance(record.get("fields"), dict):
                raise CommandError(f"bulk_load reads bureau data only; found a record of {label!r}. Use loaddata.")
            upgrade_loaded_fields(apps.get_model(label), record["fields"])  # a file from before bilingual facts
            problem = loaded_text_problem(apps.get_model(label), record["fields"], number)
            if problem:
                raise CommandError(f"{file} could not be loaded, nothing was written: {problem}")
            by_model.setdefault(label, []).append(record["fields"])
        try:
            rows = content.insert_rows(self.rows(by_model), batch_size=batch_size)
            optimize_query_planner()
        except (KeyError, ValueError, TypeError, ValidationError, FieldDoesNotExist) as error:
            message = "; ".join(error.messages) if isinstance(error, ValidationError) else error
            raise CommandError(f"{file} could not be loaded, nothing was written: {message}") from None
        except IntegrityError as error:  # a rule of the database's the checks above do not know yet
            first_line = (str(error).strip().splitlines() or ["a row breaks one of its rules"])[0]
            raise CommandError(
                f"{file} could not be loaded, nothing was written: the database refused it: {first_line}"
            ) from None
        self.stdout.write(f"Loaded {rows:,} rows from {file}.")
        if not no_snapshots:
            # After the load's transaction: the rows are in; should this stop, render_snapshots finishes it.
            slugs = [fields.get("slug") for fields in by_model.get("bureaus.bureau", [])]
            rendered = snapshots.render_published(Bureau.objects.filter(slug__in=slugs))
            optimize_query_planner()
            self.stdout.write(f"{rendered:,} profile snapshot(s) rendered.")

    def rows(self, by_model):
        """Each model's validated objects in turn; keys of the rows inserted before are read as it goes."""
        # Natural key → primary key, for the models others point at. Types may exist already.
        keys = {label: {} for label in KEYED}
        keys["bureaus.institutiontype"] = {(t.slug,): t.pk for t in InstitutionType.objects.all()}
        for label in ORDER:
            model = apps.get_model(label)
            records = by_model.get(label, [])
            if label == "bureaus.institutiontype":
                records = [fields for fields in records if (fields["slug"],) not in keys[label]]
            objects = [model(**self.values(model, fields, keys)) for fields in records]
            for obj in objects:
                problem = validate_loaded_row(obj)
                if problem:
                    raise ValueError(f"the fixture has an invalid record: {problem}")
            problem = self.duplicate(objects, {pk: key[0] for key, pk in keys["bureaus.bureau"].items()})
            if problem:
                raise ValueError(f"the fixture has {problem}")
            if model is Bureau:
                taken = sorted(Bureau.objects.filter(slug__in=[b.slug for b in objects]).values_list("slug", flat=True))
                if taken:
                    raise ValueError(f"these bureaus are already in the database: {', '.join(taken[:5])}")
            yield objects  # inserted by the writer before the generator goes on
            if label in KEYED:
                slug_of = {pk: key[0] for key, pk in keys["bureaus.bureau"].items()}
                for obj in objects:
                    key = (
                        (slug_of[obj.bureau_id], obj.sha256) if label == "bureaus.sourcedocument" else obj.natural_key()
                    )
                    keys[label][key] = obj.pk
        # Written, in the writer's transaction still: a bureau past the item cap undoes it all.
        problem = over_the_item_cap(keys["bureaus.bureau"].values())
        if problem:
            raise ValueError(problem)

    @staticmethod
    def duplicate(objects, slug_of):
        """Two rows of ``objects`` that a unique rule of their model keeps apart (two departments of
        one bureau with one name), in words; "" when there are none. Checked in memory, because
        ``bulk_create`` would only fail with the database's own words."""
        if not objects:
            return ""
        meta = objects[0]._meta
        rules = [(field.name,) for field in meta.concrete_fields if field.unique and not field.primary_key]
        # Conditional rules too: the only ones are "…unless empty" (a department's name in one language).
        rules += [constraint.fields for constraint in meta.constraints if isinstance(constraint, UniqueConstraint)]
        for names in rules:
            seen = set()
            for obj in objects:
                key = tuple(getattr(obj, meta.get_field(name).attname) for name in names)
                if None in key or "" in key:  # empty is never the same as empty (SQL, and the rules' conditions)
                    continue
                if key in seen:
                    where = f" of bureau “{slug_of.get(obj.bureau_id)}”" if "bureau" in names else ""
                    same = " and ".join(
                        f"the {meta.get_field(name).verbose_name} “{getattr(obj, name)}”"
                        for name in names
                        if name != "bureau"
                    )
                    return f"two {meta.verbose_name_plural}{where} with {same}"
                seen.add(key)
        return ""

    @staticmethod
    def values(model, fields, keys):
        values = {}
        for name, value in fields.items():
            field = model._meta.get_field(name)
            if field.many_to_one:
                target = field.related_model._meta.label_lower
                if value is not None and tuple(value) not in keys[target]:
                    what = field.related_model._meta.verbose_name
                    raise ValueError(f"a {model._meta.verbose_name} names a {what} that is not there: {value}")
                values[field.attname] = None if value is None else keys[target][tuple(value)]
            else:
                values[name] = field.to_python(value)
        return values
