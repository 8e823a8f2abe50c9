"""
``manage.py import_bureau PATH [PATH ...]``: read bureau documents into draft bureaus.

Each file is parsed and saved as an unpublished bureau with its source document,
in its own transaction, so one bad file does not stop the others. ``--dry-run``
writes nothing and prints JSON only, one object per file (a list of them for
several): ``{"file", "bureau", "warnings"}`` with the draft as open data, or
``{"file", "refused"}`` with the reason; the summary goes to standard error.
``--output FILE`` writes the drafts as a fixture for review instead of saving
them. Exit status 1 when any file failed.

``--title``, ``--url``, ``--publisher`` and ``--published-on`` describe a single file's page, checked
as the admin's import page checks them (``importer.details``) and stored with its source; the title
(else the file's name) and the address name and place a bureau that the text names only as 本局 or
"the bureau". A bad one, or one given with several files, is a one-line error and nothing is written.
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bureaus.importer import DocumentError, parse_document, read_document
from bureaus.importer.building import build
from bureaus.importer.details import SourceDetailsForm
from bureaus.importer.saving import CREATED, MERGED, REPLACED, UNCHANGED, drafts_to_fixture, save_draft
from bureaus.opendata.serializers import built_draft_to_dict, dumps


class Command(BaseCommand):
    help = "Import bureau documents (UTF-8 text) as unpublished draft bureaus for review."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="Text files, one bureau each.")
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--dry-run", action="store_true", help="Print the drafts as JSON; write nothing.")
        mode.add_argument("--output", type=Path, help="Write the drafts to this fixture file instead of saving.")
        page = parser.add_argument_group("the page (one file only)")
        page.add_argument("--title", help="Its title (else the file's name); names a bureau the text does not.")
        page.add_argument("--url", help="Where it was found; a county's own site places a bureau the text does not.")
        page.add_argument("--publisher", help="Who published it.")
        page.add_argument("--published-on", metavar="YYYY-MM-DD", help="When it was published.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help=(
                "Replace the facts of an existing bureau with the same slug, for review (a published "
                "bureau gets them in its working copy)."
            ),
        )

    def handle(self, *args, paths, dry_run, output, replace, **options):
        self.summary = {CREATED: [], UNCHANGED: [], REPLACED: [], MERGED: [], "drafted": [], "failed": []}
        drafts, printed = [], []  # printed: what a dry run prints for each file
        details = {}
        try:
            page = self.page(paths, options)
        except DocumentError as error:  # every file refused for it; a dry run's output is still JSON
            for path in paths:
                self.summary["failed"].append((path, str(error)))
                printed.append({"file": path.name, "refused": str(error)})
        else:
            details = page.source_details()
            title = page.cleaned_data["title"]
            self.read(paths, title, details, dry_run, output, replace, drafts, printed)
        if dry_run:  # standard output is JSON alone, whatever happened; the summary goes to standard error
            self.stdout.write(dumps(printed[0] if len(paths) == 1 else printed))
        elif output and drafts:
            output.write_text(drafts_to_fixture(drafts, details) + "\n", encoding="utf-8")
        self.report(self.stderr if dry_run else self.stdout, output)
        failed = self.summary["failed"]
        if failed:
            raise CommandError(f"{len(failed)} of {len(paths)} file(s) could not be imported.")

    def page(self, paths, options):
        """The checked --title, --url, --publisher and --published-on, or a one-line DocumentError."""
        given = {field: options.get(field) for field in ("title", "url", "publisher", "published_on")}
        if len(paths) > 1 and any(value is not None for value in given.values()):
            raise DocumentError(
                "--title, --url, --publisher and --published-on describe one document: give one file with them "
                "(or import the files one by one)."
            )
        form = SourceDetailsForm({field: value or "" for field, value in given.items()})
        if not form.is_valid():
            field, messages = next(iter(form.errors.items()))
            raise DocumentError(f"--{field.replace('_', '-')}: {messages[0]}")
        return form

    def read(self, paths, title, details, dry_run, output, replace, drafts, printed):
        """Read, and save or draft, each file in turn; a bad one does not stop the others."""
        for index, path in enumerate(paths, 1):
            self.progress(index - 1, len(paths), path)
            try:
                text = read_document(path)
                draft = parse_document(text, title=title or path.name, url=details.get("url", ""))
                if dry_run:
                    bureau = built_draft_to_dict(build(draft, source_details=details))
                    printed.append({"file": path.name, "bureau": bureau, "warnings": draft.warnings})
                if dry_run or output:
                    drafts.append(draft)
                    self.summary["drafted"].append((path, draft.slug))
                else:
                    result = save_draft(draft, replace=replace, source_details=details)
                    self.summary[result.status].append((path, result.bureau.slug))
                for warning in draft.warnings:
                    self.stderr.write(f"{path.name}: warning: {warning}")
            except DocumentError as error:
                self.summary["failed"].append((path, str(error)))
                printed.append({"file": path.name, "refused": str(error)})
        self.progress(len(paths), len(paths), None)

    def progress(self, done, total, path):
        """A one-line progress bar, on a terminal only, when there is more than one file."""
        if total < 2 or not sys.stderr.isatty():
            return
        width = 30
        filled = width * done // total
        label = path.name[:40] if path else "done"
        end = "\n" if done == total else ""
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label:<40}{end}")
        sys.stderr.flush()

    def report(self, out, output):
        for status in (CREATED, REPLACED, MERGED, UNCHANGED, "drafted"):
            for path, slug in self.summary[status]:
                out.write(f"{status:>9}  {path.name} → {slug}")
        for path, reason in self.summary["failed"]:
            out.write(self.style.ERROR(f"{'failed':>9}  {path.name}: {reason}"))
        counts = ", ".join(f"{len(items)} {status}" for status, items in self.summary.items() if items)
        if output and self.summary["drafted"]:
            counts += f"; fixture written to {output}"
        out.write(f"Summary: {counts or 'nothing to do'}.")
