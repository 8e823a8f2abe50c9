"""
The places pages: China's coverage by province, each province's county-level divisions by prefecture,
and one division's page, each saying plainly whether the portal has a profile of its bureau.

A division without a profile shows the gazetteer's facts about the division (its names, code and
place) and nothing else: no bureau name, no fact is made up for it.
"""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from bureaus.models import CoverageTally
from bureaus.pages import coverage, maps
from bureaus.places import divisions, gazetteer
from bureaus.places.names import is_chinese


class PlacesPage(TemplateView):
    """What every places page shows: where its divisions come from, and the way back up."""

    def get(self, request, *args, **kwargs):
        # The address's words (a province's slug, a code) are read from self.kwargs; the context gets the
        # divisions they name under the same names, not the words.
        return self.render_to_response(self.get_context_data())

    def get_context_data(self, **kwargs):
        source, built = divisions.gazetteer_origin()
        return super().get_context_data(gazetteer_source=source, gazetteer_built=built, **kwargs)

    def trail(self, province=None):
        """The breadcrumbs above the page: the places, then the province when there is one."""
        trail = [(reverse("places"), _("Places"))]
        if province is not None:
            name = province.chinese if is_chinese(get_language()) else province.name
            trail.append((reverse("places-province", args=[divisions.slug(province)]), name))
        return trail


class CoverageView(PlacesPage):
    """All of China: how many county-level divisions each province has, and how many have a profile."""

    template_name = "places/index.html"

    def get_context_data(self, **kwargs):
        codes = CoverageTally.objects.codes()  # ~30 rows, kept by the content seam, not 3,000 bureaus
        national = coverage.national(codes)  # counted from the codes read anyway: no query of its own
        # The bureaus the map may link, named, while they are few; past that the tally's count says so and
        # nothing more is read (401 named rows only to learn there were more took a quarter of the page).
        linkable = coverage.profiles() if len(codes) <= maps.MOST_LINKED_MARKS else None
        return super().get_context_data(coverage=national, map=maps.china_map(national, codes, linkable), **kwargs)


class ProvinceView(PlacesPage):
    """A province's county-level divisions, grouped by prefecture, each with its profile or the lack of one."""

    template_name = "places/province.html"

    def get_context_data(self, **kwargs):
        province = divisions.province_by_slug(self.kwargs["province"])
        if province is None:
            raise Http404("No province has this address.")
        profiles = coverage.profiles(codes_starting=province.code[:2])
        groups = [
            (group.prefecture, [(county, profiles.get(county.code)) for county in group.counties])
            for group in divisions.groups_of(province)
        ]
        counted = len(divisions.counties_of(province))
        return super().get_context_data(
            province=province, groups=groups, divisions_count=counted, profiled=len(profiles),
            places_trail=self.trail(), map=maps.province_map(province, profiles), **kwargs,
        )  # fmt: skip


class DivisionView(PlacesPage):
    """One county-level division: its names, code and place, and its bureau's profile if the portal has one."""

    template_name = "places/division.html"

    def get_context_data(self, **kwargs):
        province = divisions.province_by_slug(self.kwargs["province"])
        division = gazetteer.by_code().get(self.kwargs["code"])
        if province is None or division is None or division.level != "county" or division.province != province:
            raise Http404("No county-level division has this address.")
        profile = coverage.profiles(codes=[division.code]).get(division.code)
        return super().get_context_data(
            province=province, division=division, profile=profile, places_trail=self.trail(province), **kwargs
        )
