"""
The admin's "Import document" page: upload or paste a document, review the draft, confirm.

Three steps on one URL. A POST with ``action=preview`` parses the document and shows
every proposed fact beside the sentence it came from, with warnings, and fields for
what the document did not say (name, province, city, district); the document's text
travels on, unchanged, in a hidden field. ``action=confirm`` parses it again, applies
the reviewer's entries, and saves the draft bureau (one transaction), then lands on
its change page. ``action=cancel`` saves nothing. When only what the reviewer typed is
refused (an invisible character in the name), the review is shown again to correct it.

The division may be chosen (the worklist's link gives ``?division=210102``): it travels through preview
and confirm as a checked form field, and the draft is placed there whatever the text says
(``importer.chosen``); the review says the loader chose it.

Creating needs the permission to add bureaus; replacing an existing bureau's facts
needs the permission to change that very bureau.
"""

import base64
import binascii

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from bureaus.admin.forms import last_change
from bureaus.admin.review import review_sections
from bureaus.importer import MAX_BYTES, DocumentError, decode_document, parse_document
from bureaus.importer.assembly import slug_for
from bureaus.importer.chosen import place_at
from bureaus.importer.details import SourceDetailsForm
from bureaus.importer.errors import SlugTaken
from bureaus.importer.saving import MERGED, UNCHANGED, existing_bureau, replace_target, save_draft
from bureaus.models import Assignment, Bureau
from bureaus.models.base import validate_plain_text
from bureaus.places.gazetteer import by_code
from bureaus.places.regions import PROVINCE_CHOICES, is_municipality

REPLACE_LABEL = (
    "Replace the facts of an existing bureau with the same slug (a published bureau gets them in its working copy, "
    "for review before they are published)"
)


def megabytes(size):
    return f"{size / (1024 * 1024):.1f} MB"


class ImportDocumentForm(SourceDetailsForm):
    """The document, and what the reviewer knows of it: its title, address, publisher and date
    (``SourceDetailsForm``), then what the reviewer fills in or corrects."""

    document = forms.FileField(
        required=False,
        label="Document file",
        help_text="A UTF-8 text file describing one district education bureau, at most 1 MB.",
    )
    # strip=False: the stored source must be the document exactly, or its fingerprint changes.
    text = forms.CharField(
        required=False,
        strip=False,
        label="Or paste the document's text",
        widget=forms.Textarea(attrs={"rows": 12, "cols": 80}),
    )
    # The reviewed document travels to the confirm step base64-encoded: browsers rewrite the line
    # breaks of form values (LF becomes CRLF), which would change the stored source and its fingerprint.
    source = forms.CharField(required=False, strip=False, widget=forms.HiddenInput)
    replace = forms.BooleanField(required=False, label=REPLACE_LABEL)
    # What a replace would overwrite (the bureau or its working copy: "id:revision") when the draft was previewed.
    revision_seen = forms.CharField(required=False, widget=forms.HiddenInput)
    # What the reviewer fills in or corrects where the document was silent or ambiguous.
    # Typed, so refused with an invisible character in them, as in every other form (the document's
    # own text has its invisible characters removed instead: no one typed them).
    name = forms.CharField(required=False, max_length=200, label="Bureau name", validators=[validate_plain_text])
    province = forms.ChoiceField(required=False, choices=[("", "— not known —"), *PROVINCE_CHOICES])
    city = forms.CharField(
        required=False, max_length=100, label="Prefecture-level city", validators=[validate_plain_text]
    )
    district = forms.CharField(
        required=False, max_length=100, label="District or county", validators=[validate_plain_text]
    )

    REVIEW_FIELDS = ("name", "province", "city", "district")
    PLACE_FIELDS = ("province", "city", "district")  # the division, when chosen, decides them

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("document"), cleaned.get("text") or ""
        if cleaned.get("source"):
            try:
                text = base64.b64decode(cleaned["source"], validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                raise forms.ValidationError(
                    "The reviewed document was damaged on its way back; upload it again."
                ) from None
        if upload and text.strip():
            raise forms.ValidationError("Give either a file or pasted text, not both.")
        try:
            if upload:
                if upload.size > MAX_BYTES:
                    raise DocumentError(
                        f"{upload.name} is {megabytes(upload.size)}; documents larger than 1 MB are refused "
                        "(a bureau profile is a few kilobytes of text)."
                    )
                text = decode_document(upload.read(), name=upload.name)
                cleaned["title"] = cleaned.get("title") or upload.name
            elif len(text.encode("utf-8")) > MAX_BYTES:
                raise DocumentError(
                    f"The pasted text is {megabytes(len(text.encode('utf-8')))}; documents larger than 1 MB are "
                    "refused (a bureau profile is a few kilobytes of text)."
                )
            elif not text.strip():
                raise DocumentError("Choose a file or paste the document's text.")
            cleaned["text"] = text
            cleaned["draft"] = parse_document(
                text, title=cleaned.get("title") or "Pasted document", url=cleaned.get("url") or ""
            )
            if self.chosen_division() is not None:
                place_at(cleaned["draft"], self.chosen_division())
        except DocumentError as error:
            raise forms.ValidationError(str(error)) from None
        return cleaned

    def only_typed_fields_refused(self):
        """Whether the document was read and only what the reviewer typed was refused. The review step is
        then shown again, with the document travelling on, so the reviewer corrects just those fields."""
        typed = {*self.REVIEW_FIELDS, "title", "division", *self.SOURCE_FIELDS}
        if "draft" not in self.cleaned_data or not set(self.errors) <= typed:
            return False
        self.data = self.data.copy()
        self.data["source"] = base64.b64encode(self.cleaned_data["text"].encode("utf-8")).decode("ascii")
        if "title" not in self.errors:  # a refused title stays as typed, beside its reason
            self.data["title"] = self.cleaned_data.get("title") or "Pasted document"
        return True

    def reviewed_draft(self):
        """The draft with what the reviewer typed in over what the document gave."""
        draft = self.cleaned_data["draft"]
        typed = {field: (self.cleaned_data.get(field) or "").strip() for field in self.REVIEW_FIELDS}
        if self.chosen_division() is not None:  # the place is the division's: typed in, it would contradict it
            typed.update(dict.fromkeys(self.PLACE_FIELDS, ""))
        for field, value in typed.items():
            if value:
                setattr(draft, field, value)
        if (typed["city"] or typed["district"] or typed["province"]) and draft.district:
            above = draft.city or (draft.province if is_municipality(draft.province) else "")
            draft.slug = slug_for(above, draft.district) or draft.slug
        return draft


def import_document_view(model_admin, request):
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    changelist_url = reverse("admin:bureaus_bureau_changelist")
    data, files = request.POST, request.FILES
    action = data.get("action", "")
    if action == "cancel":
        messages.info(request, "Import cancelled: nothing was saved.")
        return redirect(changelist_url)

    form = ImportDocumentForm(data or None, files or None, initial={"division": request.GET.get("division", "")})
    draft = None
    if request.method == "POST" and form.is_valid():
        draft = form.reviewed_draft()
        if action == "confirm":
            replace = form.cleaned_data["replace"]
            existing = existing_bureau(draft)
            seen = form.cleaned_data.get("revision_seen")
            if (
                existing is not None
                and not model_admin.has_change_permission(request, existing)
                and not (replace_target(existing).sources.filter(sha256=draft.sha256).exists())
            ):  # the division's bureau is another editor's: neither replaced nor added to
                refused = f"You may not change “{existing}”, so this document cannot be added to it."
                form.add_error(None, refused if _may_know(request, existing) else _NOT_YOURS)
            elif replace and existing is not None and seen and seen != _version(existing):
                who, when = last_change(replace_target(existing))
                form.add_error(
                    None,
                    f"{who} changed “{existing}” at {when}, after you previewed this import; nothing was replaced. "
                    "Look at its history, then preview the document again.",
                )
            else:
                try:
                    result = save_draft(
                        draft,
                        replace=replace,
                        how_to_replace=f"tick “{REPLACE_LABEL}”",
                        source_details=form.source_details(),
                    )
                except SlugTaken as error:
                    form.add_error("replace", str(error) if _may_know(request, error.bureau) else _NOT_YOURS)
                except DocumentError as error:
                    form.add_error(None, str(error))
                else:
                    return _saved(model_admin, request, result)
        if not form.errors:
            # The confirm step gets the document as text: a file input cannot be filled in again.
            form = ImportDocumentForm(
                initial={
                    "source": base64.b64encode(form.cleaned_data["text"].encode("utf-8")).decode("ascii"),
                    "title": draft.source_title,  # the file's name without the invisible characters it may hold
                    "replace": form.cleaned_data["replace"],
                    **{field: getattr(draft, field) for field in ImportDocumentForm.REVIEW_FIELDS},
                    **{field: form.cleaned_data.get(field) for field in ImportDocumentForm.SOURCE_FIELDS},
                    "revision_seen": _version(existing_bureau(draft)),
                    "division": form.cleaned_data.get("division"),
                }
            )
    elif request.method == "POST" and form.only_typed_fields_refused():
        # The review step again: the refused fields keep what was typed, with the reason beside them.
        draft = form.reviewed_draft()
        form.data["revision_seen"] = form.data.get("revision_seen") or _version(existing_bureau(draft))
        return _page(model_admin, request, form, draft, changelist_url)
    return _page(model_admin, request, form, None if form.errors else draft, changelist_url)


_NOT_YOURS = "A bureau with this slug already exists, one you may not see or change: nothing was saved."


def _may_know(request, bureau):
    """Whether the user may know ``bureau`` by name: it is published, or one of theirs. Another bureau's
    draft is named in no message (its name, and that it is being prepared, are that bureau's own)."""
    return Bureau.objects.visible_to(request.user).filter(pk=bureau.original.pk).exists()


def _version(bureau):
    """What a replace of ``bureau`` would overwrite, as "id:revision" ("" when there is no such bureau)."""
    target = replace_target(bureau)
    return f"{target.pk}:{target.revision}" if target is not None else ""


def _chosen(form):
    """(the chosen division, why the code asked for is refused): as posted, else as the page was opened with it
    (the worklist's link, ``?division=``), checked by the same field."""
    if form.is_bound:
        return (None if "division" in form.errors else form.chosen_division()), ""
    code = form.initial.get("division") or ""
    try:
        form.fields["division"].clean(code)
    except forms.ValidationError as error:
        return None, error.messages[0]
    return by_code().get(code), ""


def _page(model_admin, request, form, draft, changelist_url):
    chosen, refused = _chosen(form)
    context = {
        "chosen_division": chosen,
        "division_refused": refused,
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Review the imported draft" if draft else "Import a bureau document",
        "form": form,
        "draft": draft,
        "sections": review_sections(draft) if draft else [],
        "changelist_url": changelist_url,
    }
    return TemplateResponse(request, "admin/bureaus/bureau/import_document.html", context)


def _saved(model_admin, request, result):
    bureau = result.bureau
    if result.status == UNCHANGED and not _may_know(request, bureau):
        messages.info(request, "This document was imported before, into a bureau you may not see; nothing was saved.")
        return redirect(reverse("admin:bureaus_bureau_changelist"))
    if result.status == UNCHANGED:
        messages.info(request, f"This document was imported before; “{bureau}” is unchanged.")
    else:
        model_admin.log_addition(request, bureau, [{"added": {"name": "import", "object": str(bureau)}}])
        if not Bureau.objects.editable_by(request.user).filter(pk=bureau.pk).exists():
            Assignment.objects.create(user=request.user, bureau=bureau)  # who imports a bureau may edit it
        missing = bureau.missing_facts()
        note = f" It still needs its {' and '.join(missing)} before it can be published." if missing else ""
        what = f"The working copy of “{bureau.original}”" if bureau.is_working_copy else f"Draft bureau “{bureau}”"
        if result.status == MERGED:
            # The division's bureau already had a source in the other language: the document was added to it.
            sources_url = reverse("admin:bureaus_bureau_sources", args=[bureau.pk])
            messages.success(
                request,
                format_html(
                    '{} has this document added beside its other sources: <a href="{}">compare what each says</a>, '
                    "then publish.{}",
                    what,
                    sources_url,
                    note,
                ),
            )
        else:
            messages.success(request, f"{what} {result.status} from the document: review it, then publish.{note}")
    return redirect(reverse("admin:bureaus_bureau_change", args=[bureau.pk]))
