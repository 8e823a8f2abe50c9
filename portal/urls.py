"""The portal's URLs: public pages, the open-data API, and the staff admin."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from bureaus.opendata.sitemaps import SITEMAPS
from bureaus.pages import divisions, views

admin.site.site_header = "District Education Bureau Portal"
admin.site.site_title = "Bureau Portal admin"
admin.site.index_title = "Content"

# The public pages in each language: English at the addresses they have always had (/bureaus/…,
# so no link or bookmark breaks), Chinese under /zh-hans/ (/zh-hans/bureaus/…). /en/… is accepted
# too, and sends the visitor to the English page's one address.
urlpatterns = i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("bureaus/", include("bureaus.pages.urls")),
    path("statistics/", views.StatisticsView.as_view(), name="statistics"),
    path("statistics/<slug:table>.csv", views.statistics_csv, name="statistics-csv"),
    path("compare/", views.compare_view, name="compare"),
    path("places/", divisions.CoverageView.as_view(), name="places"),
    path("places/<slug:province>/", divisions.ProvinceView.as_view(), name="places-province"),
    path("places/<slug:province>/<str:code>/", divisions.DivisionView.as_view(), name="places-division"),
    prefix_default_language=False,
)
urlpatterns += [
    re_path(r"^en/", views.english_address, name="english-address"),
    path("api/", include("bureaus.opendata.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="django.contrib.sitemaps.views.sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("admin/", admin.site.urls),
]

handler404 = "bureaus.pages.views.page_not_found"
handler500 = "bureaus.pages.views.server_error"
