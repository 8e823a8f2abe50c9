"""
``manage.py import_bureau [PATH ...] [--list FILE.csv]``: read bureau documents into draft bureaus.

A PATH is a file, or a folder: every ``*.txt`` in it, sorted by name. ``--list`` names a CSV list of files
with their pages' details (``importer.batch``). Each file is parsed and saved as an unpublished bureau
with its source document, in its own transaction, so one bad file does not stop the others and none is
half written. Each file gets one line (created, replaced, merged, unchanged because the same document
was imported before, or failed and why), then a summary; exit status 1 when any file failed.
``--dry-run`` writes nothing and prints JSON only, one object per file (a list of them for several, a
folder or a list): ``{"file", "bureau", "warnings"}`` with the draft as open data, or ``{"file",
"refused"}`` with the reason; the report goes to standard error. ``--output FILE`` writes the drafts
as a fixture for review instead of saving them.

``--title``, ``--url``, ``--publisher``, ``--published-on`` and ``--division`` describe a single file's
page, checked as the admin's import page checks them (``importer.details``); the first four are stored
with its source, the title (else the file's name) and the address name and place a bureau that the text
names only as 本局 or "the bureau", and the division places the draft whatever the text says
(``importer.chosen``). A bad one, or one given with several files, a folder or a list, is a one-line
error and nothing is written. A list's rows carry their own title, address, publisher and date.
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bureaus.importer import DocumentError, parse_document, read_document
from bureaus.importer.batch import expand, read_list
from bureaus.importer.building import build
from bureaus.importer.chosen import place_at
from bureaus.importer.details import SourceDetailsForm
from bureaus.importer.saving import CREATED, MERGED, REPLACED, UNCHANGED, drafts_to_fixture, save_draft
from bureaus.opendata.serializers import built_draft_to_dict, dumps

PAGE_OPTIONS = ("title", "url", "publisher", "published_on", "division")
FAILED, DRAFTED = "failed", "drafted"
# What each outcome means, after the file's line.
MEANING = {
    CREATED: "a new draft",
    MERGED: "added to the existing bureau beside its sources in another language",
    REPLACED: "its imported facts replaced, for review",
    UNCHANGED: "already imported: the same SHA-256 fingerprint",
    DRAFTED: "read, not saved",
}


class Command(BaseCommand):
    help = "Import bureau documents (UTF-8 text) as unpublished draft bureaus for review."

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="*", type=Path, help="Text files, one bureau each, or folders (every *.txt in them)."
        )
        parser.add_argument(
            "--list",
            dest="list_path",
            metavar="FILE.csv",
            type=Path,
            help="A CSV list with the header path,title,url,publisher,published_on (paths relative to the list).",
        )
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--dry-run", action="store_true", help="Print the drafts as JSON; write nothing.")
        mode.add_argument("--output", type=Path, help="Write the drafts to this fixture file instead of saving.")
        page = parser.add_argument_group("the page (one file only)")
        page.add_argument("--title", help="Its title (else the file's name); names a bureau the text does not.")
        page.add_argument("--url", help="Where it was found; a county's own site places a bureau the text does not.")
        page.add_argument("--publisher", help="Who published it.")
        page.add_argument("--published-on", metavar="YYYY-MM-DD", help="When it was published.")
        page.add_argument(
            "--division",
            metavar="CODE",
            help="The county-level division it is about (gazetteer code, e.g. 210102): the draft is placed there.",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help=(
                "Replace the facts of an existing bureau with the same slug, for review (a published "
                "bureau gets them in its working copy)."
            ),
        )

    def handle(self, *args, paths, list_path, dry_run, output, replace, **options):
        if not paths and list_path is None:
            raise CommandError("Give the files or folders to import, or --list FILE.csv.")
        self.lines, self.summary = [], {CREATED: 0, UNCHANGED: 0, REPLACED: 0, MERGED: 0, DRAFTED: 0, FAILED: 0}
        drafts, printed = [], []  # drafts: (draft, its page's details) for --output
        try:
            jobs = expand(paths) + (read_list(list_path) if list_path is not None else [])
        except DocumentError as error:  # a list that cannot be read as one: nothing is imported
            jobs = []
            self.failed("", str(error), printed)
        else:
            try:
                page = self.page(paths, list_path, options)
            except DocumentError as error:  # every file refused for it; a dry run's output is still JSON
                for job in jobs:
                    self.failed(job.label, str(error), printed)
            else:
                self.read(jobs, page, dry_run, output, replace, drafts, printed)
        single = len(paths) == 1 and list_path is None and not paths[0].is_dir()
        if dry_run:  # standard output is JSON alone, whatever happened; the report goes to standard error
            self.stdout.write(dumps(printed[0] if single and len(printed) == 1 else printed))
        elif output and drafts:
            fixture = drafts_to_fixture([draft for draft, _ in drafts], [details for _, details in drafts])
            output.write_text(fixture + "\n", encoding="utf-8")
        self.report(self.stderr if dry_run else self.stdout, output)
        failed = self.summary[FAILED]
        if failed:
            raise CommandError(f"{failed} of {max(len(jobs), failed)} file(s) could not be imported.")

    def page(self, paths, list_path, options):
        """The checked page options (a SourceDetailsForm), None when none is given; a one-line DocumentError
        for a bad one, or for one given with anything but a single file."""
        given = {field: options.get(field) for field in PAGE_OPTIONS}
        if all(value is None for value in given.values()):
            return None
        if len(paths) != 1 or list_path is not None or paths[0].is_dir():
            raise DocumentError(
                "--title, --url, --publisher, --published-on and --division describe one document: give one file "
                "with them (or import the files one by one; a --list row carries its own title, address, "
                "publisher and date)."
            )
        return self.checked({field: value or "" for field, value in given.items()}, option_names=True)

    @staticmethod
    def checked(values, option_names=False):
        """``values`` checked as the admin's import page checks them; a one-line DocumentError else."""
        form = SourceDetailsForm(values)
        if not form.is_valid():
            field, messages = next(iter(form.errors.items()))
            name = f"--{field.replace('_', '-')}" if option_names else field
            raise DocumentError(f"{name}: {messages[0]}")
        return form

    def read(self, jobs, page, dry_run, output, replace, drafts, printed):
        """Read, and save or draft, each file in turn; a bad one does not stop the others."""
        for index, job in enumerate(jobs, 1):
            self.progress(index - 1, len(jobs), job.label)
            try:
                if job.refused:
                    raise DocumentError(job.refused)
                form = page or self.checked(job.page)
                details = form.source_details()
                title = form.cleaned_data["title"] or job.path.name
                text = read_document(job.path)
                draft = parse_document(text, title=title, url=details.get("url", ""))
                if form.chosen_division() is not None:
                    place_at(draft, form.chosen_division())
                if dry_run:
                    bureau = built_draft_to_dict(build(draft, source_details=details))
                    printed.append({"file": job.label, "bureau": bureau, "warnings": draft.warnings})
                if dry_run or output:
                    drafts.append((draft, details))
                    self.outcome(DRAFTED, job.label, draft.slug)
                else:
                    result = save_draft(draft, replace=replace, source_details=details)
                    self.outcome(result.status, job.label, result.bureau.slug)
                for warning in draft.warnings:
                    self.stderr.write(f"{job.label}: warning: {warning}")
            except DocumentError as error:
                self.failed(job.label, str(error), printed)
        self.progress(len(jobs), len(jobs), None)

    def outcome(self, status, label, slug):
        self.summary[status] += 1
        self.lines.append((status, f"{status:>9}  {label} → {slug} ({MEANING[status]})"))

    def failed(self, label, reason, printed):
        self.summary[FAILED] += 1
        self.lines.append((FAILED, f"{FAILED:>9}  {label}: {reason}" if label else f"{FAILED:>9}  {reason}"))
        printed.append({"file": label, "refused": reason})

    def progress(self, done, total, label):
        """A one-line progress bar, on a terminal only, when there is more than one file."""
        if total < 2 or not sys.stderr.isatty():
            return
        width = 30
        filled = width * done // total
        label = label[:40] if label else "done"
        end = "\n" if done == total else ""
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label:<40}{end}")
        sys.stderr.flush()

    def report(self, out, output):
        for status, line in self.lines:
            out.write(self.style.ERROR(line) if status == FAILED else line)
        counts = ", ".join(f"{count} {status}" for status, count in self.summary.items() if count)
        if output and self.summary[DRAFTED]:
            counts += f"; fixture written to {output}"
        out.write(f"Summary: {counts or 'nothing to do'}.")
