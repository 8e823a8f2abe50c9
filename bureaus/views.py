"""Public pages. Views stay thin: the querysets and the serializer do the work."""

from django.conf import settings
from django.http import HttpResponse
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from .filters import BureauFilter
from .models import Bureau, Department, InstitutionCount
from .serializers import bureau_to_dict, dumps


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        bureaus = list(
            Bureau.objects.published().only("name", "slug", "province", "city", "district").order_by("province", "name")
        )
        return super().get_context_data(
            bureaus=bureaus,
            province_count=len({bureau.province for bureau in bureaus}),
            department_count=Department.objects.filter(bureau__is_published=True).count(),
            institution_totals=InstitutionCount.objects.published_totals(),
            **kwargs,
        )


class BureauListView(FilterView):
    filterset_class = BureauFilter
    template_name = "bureaus/bureau_list.html"
    context_object_name = "bureaus"
    paginate_by = settings.BUREAUS_PER_PAGE

    def get_queryset(self):
        return Bureau.objects.published().with_list_counts()


class VisibleBureauMixin:
    """Look bureaus up among those the visitor may see: drafts are a 404 to the public."""

    slug_field = "slug"

    def get_queryset(self):
        return Bureau.objects.visible_to(self.request.user)


class BureauDetailView(VisibleBureauMixin, DetailView):
    template_name = "bureaus/bureau_detail.html"

    def get_queryset(self):
        return super().get_queryset().with_profile()


class BureauSourceView(VisibleBureauMixin, DetailView):
    template_name = "bureaus/bureau_source.html"

    def get_queryset(self):
        return super().get_queryset().with_source_spans()


class BureauJSONView(VisibleBureauMixin, DetailView):
    def get_queryset(self):
        return super().get_queryset().with_profile()

    def render_to_response(self, context):
        response = HttpResponse(
            dumps(bureau_to_dict(self.object)),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'inline; filename="{self.object.slug}.json"'
        return response
