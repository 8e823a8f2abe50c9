"""The portal's URLs: the public bureau pages and the staff admin."""

from django.contrib import admin
from django.urls import include, path

from bureaus.views import HomeView

admin.site.site_header = "District Education Bureau Portal"
admin.site.site_title = "Bureau Portal admin"
admin.site.index_title = "Content"

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("bureaus/", include("bureaus.urls")),
    path("admin/", admin.site.urls),
]
