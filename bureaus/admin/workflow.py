"""
The bureau admin's editorial workflow: working copies, publishing, and the history.

A published bureau's change page leads to its working copy (started with one POST); the copy's
page says what it is and offers preview, publish (to publishers) and discard. The bureau list
shows each bureau's state and never the copies themselves. The history joins the revisions of a
bureau and of its working copies, compares two, and reverts to one (into the working copy, so a
revert publishes nothing).

May import: ``bureaus.models``, ``bureaus.publishing``, ``bureaus.admin`` (history, forms, copy_gone),
``bureaus.vocabulary``.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from bureaus import publishing
from bureaus.admin import copy_gone, history
from bureaus.admin.forms import last_change
from bureaus.models import Bureau
from bureaus.models.bureau import publishes_every_bureau
from bureaus.vocabulary import whole_number


def change_url(bureau):
    return reverse("admin:bureaus_bureau_change", args=[bureau.pk])


class BureauChangeList(ChangeList):
    """The list's totals count bureaus, not their working copies (which it never shows)."""

    def get_results(self, request):
        self.root_queryset = self.root_queryset.originals()
        super().get_results(request)


class PublishingAdmin:
    """Mixin for the bureau's ModelAdmin (which scopes ``get_queryset`` to the user's bureaus)."""

    actions = ["publish", "unpublish"]

    # The list ----------------------------------------------------------------

    @admin.display(description="State", ordering="is_published")
    def state(self, obj):
        return obj.State(obj.state).label

    def get_changelist(self, request, **kwargs):
        return BureauChangeList

    def get_search_results(self, request, queryset, search_term):
        # Used by the list and by autocompletes: a working copy is reached through its bureau.
        queryset, duplicates = super().get_search_results(request, queryset, search_term)
        return queryset.originals().with_state(), duplicates

    # The change page ----------------------------------------------------------

    def change_view(self, request, object_id, form_url="", extra_context=None):
        bureau = self.get_object(request, unquote(object_id))
        if bureau is None and request.method == "POST":
            original = self.get_object(request, request.POST.get(copy_gone.COPY_OF_FIELD, ""))
            if original is not None and not original.is_working_copy and self.has_change_permission(request, original):
                return self.copy_gone_view(request, original, extra_context)
        if bureau is None or not self.has_change_permission(request, bureau):
            return super().change_view(request, object_id, form_url, extra_context)
        if request.method == "POST" and bureau.is_published and request.POST.get("revision_seen"):
            # The change form of this bureau while it was a draft (it carries the revision it showed), posted
            # after it was published: as with a working copy published while open, the form comes back (on a
            # working copy) with the input kept. Any other post here saves nothing (below).
            return self.copy_gone_view(request, bureau, extra_context, gone="this draft")
        copy = None if bureau.is_working_copy else bureau.working_copy_or_none()
        if copy is not None:
            if request.method == "POST":
                self.message_user(request, self.EDIT_THE_COPY, messages.ERROR)
            return redirect(change_url(copy))
        if bureau.is_published:
            if request.method == "POST":
                self.message_user(request, self.EDIT_THE_COPY, messages.ERROR)
            return self.published_view(request, bureau)
        context = {
            "working_copy_of": bureau.draft_of,
            "may_publish": self.has_publish_permission(request, bureau.original),
            **(extra_context or {}),
        }
        return super().change_view(request, object_id, form_url, context)

    def copy_gone_view(self, request, original, extra_context=None, gone="this working copy"):
        """A working copy's form posted after the copy was published or discarded (or a draft's after it was
        published): it comes back, the input kept and nothing saved, as the form of a new working copy
        (``copy_gone``)."""
        ended = publishing.last_copy_ended(original)
        target = publishing.editing_target(original, request.user)
        request.POST = copy_gone.rebased(request.POST, target)
        request._copy_gone = copy_gone.message(ended, target, gone)  # the form's refusal (get_form)
        return self.change_view(request, str(target.pk), change_url(target), extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        refusal = getattr(request, "_copy_gone", None)
        return type(form.__name__, (form,), {"conflict_message": refusal}) if refusal else form

    EDIT_THE_COPY = (
        "Nothing was saved: a published bureau is changed through its working copy, which the public does "
        "not see until it is published. Make your changes there."
    )

    def published_view(self, request, bureau):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": bureau,
            "title": f"{bureau} is published",
            "may_publish": self.has_publish_permission(request, bureau),
        }
        return TemplateResponse(request, "admin/bureaus/bureau/published.html", context)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or not obj.is_working_copy:
            return fieldsets
        # A working copy is never published itself, and keeps its bureau's address.
        first = [name for name in fieldsets[0][1]["fields"] if name != "is_published"]
        return [(None, {**fieldsets[0][1], "fields": first}), *fieldsets[1:]]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.is_working_copy:
            fields.append("slug")
        elif not self.may_publish_on_save(request, obj):
            fields.append("is_published")  # editors change content; publishers decide when it goes public
        return fields

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj is not None and obj.is_working_copy else super().get_prepopulated_fields(request, obj)

    # Publishing ---------------------------------------------------------------

    def may_publish_on_save(self, request, obj):
        """Whether the form's "published" box is the user's to tick: for a new bureau, which is nobody's
        yet (its creator becomes its editor, not its publisher), only if they may publish every bureau."""
        return self.has_publish_permission(request, obj) if obj is not None else publishes_every_bureau(request.user)

    def has_publish_permission(self, request, obj=None):
        """Whether the user may publish or withdraw ``obj`` (or, without one, some bureau)."""
        if not request.user.has_perm("bureaus.publish_bureau"):
            return False
        return obj is None or Bureau.objects.publishable_by(request.user).filter(pk=obj.original.pk).exists()

    def workflow_view(self, request, object_id, step):
        """POST-only steps on one bureau: start its working copy, publish it, withdraw it, or discard the copy."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        bureau = self.get_object(request, unquote(object_id))
        if bureau is None or not self.has_change_permission(request, bureau):
            raise PermissionDenied
        original = bureau.original
        if step == "edit":
            copy = publishing.editing_target(original, request.user)
            return redirect(change_url(copy))
        if step == "discard":
            copy = original.working_copy_or_none()
            if copy is None:
                raise Http404("This bureau has no working copy to discard.")
            publishing.discard(copy, request.user)
            self.message_user(request, f"The unpublished changes to “{original}” were discarded.")
            return redirect(change_url(original))
        if not self.has_publish_permission(request, original):
            raise PermissionDenied
        if step == "withdraw":
            publishing.withdraw(original, request.user)
            self.message_user(request, f"“{original}” is withdrawn: the public no longer sees it.")
            return redirect(change_url(original))
        # The publish button carries the revision of the copy (or draft) its page showed: what goes public
        # is what the publisher saw, never an edit saved after they looked.
        seen = whole_number(request.POST.get("revision", ""))
        if seen is None:
            self.message_user(request, self.PUBLISH_FROM_THE_PAGE, messages.ERROR)
            return redirect(change_url(bureau))
        try:
            publishing.publish(original, request.user, seen_revision=seen)
        except publishing.ChangedSinceSeen as error:
            who, when = last_change(error.changed)
            self.message_user(
                request,
                f"“{original}” was not published: {who} changed it at {when}, after you opened it. "
                "Look at the changes below (and preview them), then publish again.",
                messages.ERROR,
            )
            return redirect(change_url(error.changed))
        except publishing.PublishError as error:
            self.message_user(request, str(error), messages.ERROR)
            return redirect(change_url(bureau))
        self.message_user(request, f"“{original}” is published: the public sees it as you left it.")
        return redirect(change_url(original))

    PUBLISH_FROM_THE_PAGE = (
        "Nothing was published: publish from the page of the changes, so that what goes public is what you saw."
    )

    def publishable(self, request, queryset):
        """The selected bureaus the user may publish; a message names the others."""
        allowed = list(queryset & Bureau.objects.publishable_by(request.user))
        for bureau in queryset.exclude(pk__in=[bureau.pk for bureau in allowed]):
            self.message_user(
                request, f"You may not publish or withdraw “{bureau}”; it was left as it is.", messages.ERROR
            )
        return allowed

    @admin.action(description="Publish the selected bureaus (with their changes)", permissions=["publish"])
    def publish(self, request, queryset):
        published = 0
        for bureau in self.publishable(request, queryset):
            try:
                publishing.publish(bureau, request.user)
                published += 1
            except publishing.PublishError as error:
                self.message_user(request, str(error), messages.WARNING)
        self.message_user(request, f"{published} bureau(s) published.")

    @admin.action(description="Withdraw the selected bureaus from the public site", permissions=["publish"])
    def unpublish(self, request, queryset):
        withdrawn = self.publishable(request, queryset)
        for bureau in withdrawn:
            publishing.withdraw(bureau, request.user)
        self.message_user(request, f"{len(withdrawn)} bureau(s) withdrawn.")

    # History ------------------------------------------------------------------

    def history_view(self, request, object_id, extra_context=None):
        bureau = self.get_object(request, unquote(object_id))
        if bureau is None or not self.has_view_or_change_permission(request, bureau):
            raise PermissionDenied
        if bureau.is_working_copy:
            return redirect(reverse("admin:bureaus_bureau_history", args=[bureau.draft_of_id]))
        context = {"versions": list(history.versions_of(bureau))}
        return super().history_view(request, object_id, {**context, **(extra_context or {})})

    # django-reversion reverts before it asks the change form for the object: check the object first.
    def revision_view(self, request, object_id, version_id, extra_context=None):
        bureau = self.get_object(request, unquote(object_id))
        if bureau is None or not self.has_change_permission(request, bureau):
            raise PermissionDenied
        version = get_object_or_404(history.versions_of(bureau.original), pk=version_id)
        if request.method == "POST":
            target = history.revert(bureau, version, request.user)
            self.message_user(
                request, f"“{bureau.original}” is back to the revision you chose, unpublished: publish it to show it."
            )
            return redirect(change_url(target))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": bureau.original,
            "version": version,
            "title": f"Revert {bureau.original} to the revision of {version.revision.date_created:%Y-%m-%d %H:%M}",
            "differences": history.differences(history.versions_of(bureau.original).first(), version),
        }
        return TemplateResponse(request, "admin/bureaus/bureau/revert.html", context)

    def compare_view(self, request, object_id):
        """Two revisions of a bureau side by side: changed fields and the parts' lines added or removed."""
        bureau = self.get_object(request, unquote(object_id))
        if bureau is None or not self.has_view_or_change_permission(request, bureau):
            raise PermissionDenied
        versions = {str(v.pk): v for v in history.versions_of(bureau.original)}
        older, newer = versions.get(request.GET.get("older", "")), versions.get(request.GET.get("newer", ""))
        if older is None or newer is None:
            raise Http404("Choose two revisions of this bureau to compare.")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": bureau.original,
            "title": f"Changes to {bureau.original} between two revisions",
            "older": older,
            "newer": newer,
            "differences": history.differences(older, newer),
        }
        return TemplateResponse(request, "admin/bureaus/bureau/compare.html", context)

    def recover_view(self, request, version_id, extra_context=None):
        if not request.user.has_perm("bureaus.edit_every_bureau") and not request.user.is_superuser:
            raise PermissionDenied  # a deleted bureau belongs to no editor any more
        return super().recover_view(request, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not request.user.has_perm("bureaus.edit_every_bureau") and not request.user.is_superuser:
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def workflow_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("<path:object_id>/history/compare/", wrap(self.compare_view), name="bureaus_bureau_compare"),
            *(
                path(
                    f"<path:object_id>/{step}/",
                    wrap(lambda request, object_id, step=step: self.workflow_view(request, object_id, step)),
                    name=f"bureaus_bureau_{step}",
                )
                for step in ("edit", "publish", "withdraw", "discard")
            ),
        ]
