"""The admin page that shows, side by side, what each of a bureau's sources says: for reviewing a bureau
drawn from several documents (an English page and a Chinese one merged into one bureau)."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse


def sources_view(model_admin, request, object_id):
    bureau = model_admin.get_object(request, unquote(object_id))
    if bureau is None or not model_admin.has_view_or_change_permission(request, bureau):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "original": bureau,
        "title": f"What each source of {bureau} says",
        "sources": bureau.facts_by_source(),
    }
    return TemplateResponse(request, "admin/bureaus/bureau/sources.html", context)
