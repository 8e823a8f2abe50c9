"""
The staff admin for bureaus.

A bureau is edited on one page with its departments, duties, achievements and
institution counts as inlines. Django's admin saves the bureau and all inlines in
one transaction and only after every form is valid, so a bad row saves nothing.
"""

from functools import partial

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.urls import path
from django.utils import formats, timezone
from reversion.admin import VersionAdmin

from bureaus import content, publishing
from bureaus.admin import history
from bureaus.admin.forms import BureauForm, CitationForm
from bureaus.admin.importing import import_document_view
from bureaus.admin.loading import loading_urls
from bureaus.admin.sources import sources_view
from bureaus.admin.workflow import PublishingAdmin
from bureaus.models import (
    Achievement,
    Assignment,
    Bureau,
    Department,
    Duty,
    FactSource,
    InstitutionCount,
    InstitutionType,
    SourceDocument,
)
from bureaus.models.bureau import edits_every_bureau
from bureaus.models.languages import columns
from bureaus.vocabulary import MAX_ITEMS


class LabelledInlineFormSet(BaseInlineFormSet):
    """Names the "Delete" box of each row for screen readers (a tabular inline labels only its columns)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].widget.attrs.setdefault("aria-label", "Delete this row")


class ItemFormSet(LabelledInlineFormSet):
    """A formset of one kind of a bureau's items. The kinds share one cap (``MAX_ITEMS`` in all, what the
    importer makes and loaders take): the last of them to be cleaned counts the rows all of them keep."""

    siblings = ()  # every item formset of the form, set by BureauAdmin._create_formsets

    def kept_rows(self):
        return sum(
            1
            for form in self.forms
            if not (self.can_delete and self._should_delete_form(form))
            and (form.instance.pk is not None or form.has_changed())
        )

    def clean(self):
        super().clean()
        if self.siblings and self is self.siblings[-1]:
            total = sum(formset.kept_rows() for formset in self.siblings)
            if total > MAX_ITEMS:
                raise ValidationError(
                    f"A bureau holds at most {MAX_ITEMS} departments, duties, achievements and institution counts "
                    f"in all; this one would have {total}. Remove {total - MAX_ITEMS} of them, then save."
                )


class DepartmentFormSet(ItemFormSet):
    """Refuses two departments of one bureau with the same name, in words staff understand."""

    def clean(self):
        # Before Django's own uniqueness check, whose message is less clear and ignores case.
        seen = {}
        for form in self.forms:
            if not getattr(form, "cleaned_data", None) or form.cleaned_data.get("DELETE"):
                continue
            for column in columns("name"):
                name = (form.cleaned_data.get(column) or "").strip()
                if not name:
                    continue
                key = (column, name.casefold())
                if key in seen:
                    raise ValidationError(
                        f"Two departments are both named “{name}”. Each department of a bureau needs its own name."
                    )
                seen[key] = name
        super().clean()


class SourcedInline(admin.TabularInline):
    """An inline of facts that shows, beside each, the source sentence it was drawn from."""

    form = CitationForm
    formset = ItemFormSet
    readonly_fields = ["source_sentence"]
    extra = 0

    @admin.display(description="Source sentence")
    def source_sentence(self, obj):
        if obj.edited_at:
            who = obj.edited_by.get_username() if obj.edited_by else "staff"
            return f"Edited by {who} on {formats.date_format(timezone.localtime(obj.edited_at), 'DATETIME_FORMAT')}"
        return obj.source_quote or "—"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source", "edited_by")


class DepartmentInline(SourcedInline):
    model = Department
    formset = DepartmentFormSet
    fields = ["position", *columns("name"), *columns("responsibility"), "note", "source_sentence", "quote"]


class DutyInline(SourcedInline):
    model = Duty
    fields = ["position", "kind", *columns("title"), *columns("text"), "source_sentence", "quote"]


class AchievementInline(SourcedInline):
    model = Achievement
    fields = ["position", *columns("text"), "source_sentence", "quote"]


class InstitutionCountInline(SourcedInline):
    model = InstitutionCount
    fields = ["position", "category", "count", "as_of_year", "note", "source_sentence", "quote"]
    autocomplete_fields = ["category"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "category":  # the types the autocomplete offers, and no other
            kwargs["queryset"] = self.admin_site._registry[InstitutionType].get_queryset(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class FactSourceInline(admin.TabularInline):
    """Where the bureau's own facts (founding year, predecessor …) were read: shown, not edited."""

    model = FactSource
    form = CitationForm
    fields = ["fact", "source_sentence", "quote"]
    readonly_fields = ["fact", "source_sentence"]
    extra = 0
    can_delete = False
    verbose_name_plural = "sources of the bureau's own facts"

    @admin.display(description="Source sentence")
    def source_sentence(self, obj):
        if obj.edited_at:
            return SourcedInline.source_sentence(self, obj)
        return obj.source_quote

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source", "edited_by")


class SourceDocumentInline(admin.TabularInline):
    """Sources are records of what a document said: listed here, added on their own page, never rewritten."""

    model = SourceDocument
    fields = ["title", "sha256", "added_at"]
    readonly_fields = ["title", "sha256", "added_at"]
    extra = 0
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class EditorScopedAdmin:
    """Admin mixin: an object outside the queryset the admin's ``get_queryset`` gives this user (their
    assigned bureaus, and what belongs to them) cannot be viewed, changed or deleted by any path."""

    def in_scope(self, request, obj):
        if obj is None:
            return True
        # The admin asks several times per page (view, change, delete, each inline); ask the database once.
        answers = request.__dict__.setdefault("_editor_scope", {})
        key = (type(obj), obj.pk)
        if key not in answers:
            answers[key] = self.get_queryset(request).filter(pk=obj.pk).exists()
        return answers[key]

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self.in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.in_scope(request, obj)


# The bureau's own fields that cite a sentence of their source (FactSource.Fact), by form field.
STAFF_EDITABLE_FACTS = {
    **dict.fromkeys(columns("name"), FactSource.Fact.NAME),
    "address": FactSource.Fact.LOCATION,
    "established_year": FactSource.Fact.ESTABLISHED_YEAR,
    "predecessor": FactSource.Fact.PREDECESSOR,
}


history.register()


@admin.register(Bureau)
class BureauAdmin(EditorScopedAdmin, PublishingAdmin, VersionAdmin):
    form = BureauForm
    list_display = ["name", "state", "district", "city", "province", "updated_at"]
    list_filter = ["is_published", "province", "city"]
    search_fields = [
        *columns("name"), "slug", "division_code", "district", "city", "province",
        *(f"departments__{column}" for column in columns("name")),
    ]  # fmt: skip
    prepopulated_fields = {"slug": ["name_en"]}
    readonly_fields = ["created_at", "updated_at"]
    date_hierarchy = "updated_at"
    fieldsets = [
        (None, {"fields": [*columns("name"), "slug", "is_published", "revision_seen"]}),
        ("Location", {"fields": ["province", "city", "district", "division_code", "address"]}),
        ("History", {"fields": ["established_year", "predecessor"]}),
        ("Profile", {"fields": columns("summary")}),
        ("Record", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]
    inlines = [
        DepartmentInline,
        DutyInline,
        AchievementInline,
        InstitutionCountInline,
        FactSourceInline,
        SourceDocumentInline,
    ]
    change_form_template = "admin/bureaus/bureau/change_form.html"
    change_list_template = "admin/bureaus/bureau/change_list.html"
    object_history_template = "admin/bureaus/bureau/object_history.html"

    def _create_formsets(self, request, obj, change):
        formsets, inline_instances = super()._create_formsets(request, obj, change)
        items = tuple(formset for formset in formsets if isinstance(formset, ItemFormSet))
        for formset in items:
            formset.siblings = items  # so that one of them can count the rows of all (ItemFormSet.clean)
        return formsets, inline_instances

    # A bureau saved with its inlines, or many changed by an action, is one change to the content:
    # the seam indexes each bureau and moves the version on once, not once per row.
    def changeform_view(self, *args, **kwargs):
        with content.changing():
            return super().changeform_view(*args, **kwargs)

    def changelist_view(self, *args, **kwargs):
        with content.changing():
            return super().changelist_view(*args, **kwargs)

    def delete_view(self, *args, **kwargs):
        with content.changing():
            return super().delete_view(*args, **kwargs)

    # Scope: an editor sees and edits only the bureaus assigned to them, by list, URL, action,
    # autocomplete, history or import alike; every object check goes through get_queryset.
    def get_queryset(self, request):
        return super().get_queryset(request).editable_by(request.user)

    def save_formset(self, request, form, formset, change):
        """Facts a person typed or changed are marked as staff edits: they no longer quote a source."""
        now = timezone.now()
        for item_form in formset.forms:
            if not hasattr(item_form.instance, "mark_edited") or not item_form.has_changed():
                continue
            if item_form.cleaned_data.get("DELETE"):
                continue
            if hasattr(item_form, "cite") and item_form.cite():
                continue  # pointed at a source sentence again
            if set(item_form.changed_data) - {"position", "quote"}:
                item_form.instance.mark_edited(request.user, now)
        super().save_formset(request, form, formset, change)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        now = timezone.now()
        for field, fact in STAFF_EDITABLE_FACTS.items():
            if field in form.changed_data and (change or getattr(obj, field)):
                cited = FactSource.objects.filter(bureau=obj, fact=fact).first() or FactSource(bureau=obj, fact=fact)
                cited.mark_edited(request.user, now)
                cited.save()
        if not change and not Bureau.objects.editable_by(request.user).filter(pk=obj.pk).exists():
            Assignment.objects.create(user=request.user, bureau=obj)  # who creates a bureau may edit it

    def get_urls(self):
        import_url = path(
            "import/",
            self.admin_site.admin_view(partial(import_document_view, self)),
            name="bureaus_bureau_import",
        )
        sources_url = path(
            "<path:object_id>/sources/",
            self.admin_site.admin_view(partial(sources_view, self)),
            name="bureaus_bureau_sources",
        )
        return [import_url, *loading_urls(self), sources_url, *self.workflow_urls(), *super().get_urls()]


@admin.register(InstitutionType)
class InstitutionTypeAdmin(EditorScopedAdmin, admin.ModelAdmin):
    list_display = ["name", "plural", "slug", "group"]
    list_filter = ["group"]
    search_fields = ["name", "plural", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    # The list, the pages and the counts' autocomplete: a type proposed by a draft of another bureau
    # would tell what that draft holds.
    def get_queryset(self, request):
        types = super().get_queryset(request)
        if edits_every_bureau(request.user):
            return types
        return types.public_or_counted_by(Bureau.objects.editable_by(request.user))


@admin.register(SourceDocument)
class SourceDocumentAdmin(EditorScopedAdmin, admin.ModelAdmin):
    list_display = ["title", "bureau", "publisher", "published_on", "added_at"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # an address typed without one

    def get_queryset(self, request):
        return super().get_queryset(request).filter(bureau__in=Bureau.objects.editable_by(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "bureau":
            kwargs["queryset"] = Bureau.objects.editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    search_fields = ["title", "bureau__name", "sha256"]
    autocomplete_fields = ["bureau"]
    fields = ["bureau", "title", "publisher", "url", "published_on", "text", "sha256", "added_at"]
    readonly_fields = ["sha256", "added_at"]

    def get_readonly_fields(self, request, obj=None):
        # Once stored, a document's text is evidence: changing it would orphan the facts drawn from it.
        # A published bureau's sources are what the public reads: changed only through its working copy.
        if obj is not None and obj.bureau.is_published:
            return self.fields
        if obj is not None:
            return [*self.readonly_fields, "bureau", "text"]
        return self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj is not None and obj.bureau.is_published)

    def save_model(self, request, obj, form, change):
        if not change:
            # A document added to a published bureau goes to its working copy, for review.
            obj.bureau = publishing.editing_target(obj.bureau, request.user)
        super().save_model(request, obj, form, change)


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    """Site administrators give a bureau's staff their editing and publishing rights here
    (or with ``manage.py assign_editor``)."""

    list_display = ["user", "bureau", "can_publish"]
    list_filter = ["can_publish"]
    search_fields = ["user__username", "bureau__name", "bureau__slug"]
    autocomplete_fields = ["user", "bureau"]
