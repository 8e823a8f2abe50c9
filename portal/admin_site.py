"""
The staff admin's site: Django's, with "View on site" answering only for what the user may see.

Django's admin wires ``/admin/r/<content type>/<id>/`` to the contenttypes shortcut, which redirects
any staff member to any object's public address by its type and id: a draft's address, or the
bureau of anyone's editor assignment. Here it answers only for an object the user may view or change
through its own ``ModelAdmin`` (so through the same scoping: an editor's bureaus, and what belongs to
them); for anything else it is a 404, as if the object did not exist.

And an empty ``_to_field`` is refused (400) before any admin view reads it: Django's change and
delete views look up a field named "" for it and answer 500.
"""

from functools import wraps

from django.contrib import admin
from django.contrib.admin.exceptions import DisallowedModelAdminToField
from django.contrib.admin.options import TO_FIELD_VAR
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.http import Http404
from django.urls import path


class PortalAdminSite(admin.AdminSite):
    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        @wraps(inner)
        def refusing_an_empty_to_field(request, *args, **kwargs):
            if "" in (request.GET.get(TO_FIELD_VAR), request.POST.get(TO_FIELD_VAR)):
                raise DisallowedModelAdminToField("An empty _to_field names no field.")
            return inner(request, *args, **kwargs)

        return refusing_an_empty_to_field

    def get_urls(self):
        return [
            path("r/<int:content_type_id>/<path:object_id>/", self.admin_view(self.view_on_site), name="view_on_site")
            if getattr(pattern, "name", None) == "view_on_site"
            else pattern
            for pattern in super().get_urls()
        ]

    def view_on_site(self, request, content_type_id, object_id):
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except ContentType.DoesNotExist:
            raise Http404("No such kind of object.") from None
        model_admin = self._registry.get(model)
        obj = model_admin.get_object(request, object_id) if model_admin is not None else None
        if obj is None or not model_admin.has_view_or_change_permission(request, obj):
            raise Http404("No such object.")
        return shortcut(request, content_type_id, object_id)
