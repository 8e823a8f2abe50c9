"""
The admin's "Import document" page: upload or paste a document, review the draft, confirm.

Three steps on one URL. A POST with ``action=preview`` parses the document and
shows every proposed fact beside the sentence it came from, with warnings; the
document's text travels on in a hidden field. ``action=confirm`` parses it again
and saves the draft bureau (one transaction), then lands on its change page.
``action=cancel`` saves nothing.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from bureaus.importer import MAX_BYTES, DocumentError, decode_document, parse_document
from bureaus.importer.saving import UNCHANGED, save_draft


class ImportDocumentForm(forms.Form):
    document = forms.FileField(
        required=False,
        label="Document file",
        help_text="A UTF-8 text file describing one district education bureau, at most 1 MB.",
    )
    text = forms.CharField(
        required=False,
        label="Or paste the document's text",
        widget=forms.Textarea(attrs={"rows": 12, "cols": 80}),
    )
    title = forms.CharField(required=False, max_length=300, label="Title of the source", widget=forms.HiddenInput)
    replace = forms.BooleanField(
        required=False,
        label="Replace the facts of an existing bureau with the same slug (it becomes a draft again)",
    )

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("document"), cleaned.get("text") or ""
        if upload and text.strip():
            raise forms.ValidationError("Give either a file or pasted text, not both.")
        try:
            if upload:
                text = decode_document(upload.read(MAX_BYTES + 1), name=upload.name)
                cleaned["title"] = upload.name
            elif len(text.encode("utf-8")) > MAX_BYTES:
                raise DocumentError("The pasted text is larger than 1 MB; bureau documents are a few kilobytes.")
            elif not text.strip():
                raise DocumentError("Choose a file or paste the document's text.")
            cleaned["text"] = text
            cleaned["draft"] = parse_document(text, title=cleaned.get("title") or "Pasted document")
        except DocumentError as error:
            raise forms.ValidationError(str(error)) from None
        return cleaned


def import_document_view(model_admin, request):
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    changelist_url = reverse("admin:bureaus_bureau_changelist")
    action = request.POST.get("action", "")
    if action == "cancel":
        messages.info(request, "Import cancelled: nothing was saved.")
        return redirect(changelist_url)

    form = ImportDocumentForm(request.POST or None, request.FILES or None)
    draft = None
    if request.method == "POST" and form.is_valid():
        draft = form.cleaned_data["draft"]
        if action == "confirm":
            try:
                result = save_draft(draft, replace=form.cleaned_data["replace"])
            except DocumentError as error:
                form.add_error(None, str(error))
            else:
                return _saved(model_admin, request, result)
        if not form.errors:
            # The confirm step gets the document as text: a file input cannot be filled in again.
            form = ImportDocumentForm(
                initial={
                    "text": form.cleaned_data["text"],
                    "title": form.cleaned_data.get("title") or "Pasted document",
                    "replace": form.cleaned_data["replace"],
                }
            )

    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Review the imported draft" if draft and not form.errors else "Import a bureau document",
        "form": form,
        "draft": None if form.errors else draft,
        "changelist_url": changelist_url,
    }
    return TemplateResponse(request, "admin/bureaus/bureau/import_document.html", context)


def _saved(model_admin, request, result):
    bureau = result.bureau
    if result.status == UNCHANGED:
        messages.info(request, f"This document was imported before; “{bureau}” is unchanged.")
    else:
        model_admin.log_addition(request, bureau, [{"added": {"name": "import", "object": str(bureau)}}])
        messages.success(
            request, f"Draft bureau “{bureau}” {result.status} from the document: review it, then publish."
        )
    return redirect(reverse("admin:bureaus_bureau_change", args=[bureau.pk]))
