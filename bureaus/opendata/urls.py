from django.urls import path

from bureaus.opendata import api

app_name = "api"

urlpatterns = [
    path("", api.docs, name="docs"),
    path("openapi.json", api.openapi, name="openapi"),
    path("bureaus/", api.bureau_list, name="bureau-list"),
    path("bureaus/<slug:slug>/", api.bureau_detail, name="bureau-detail"),
    path("institution-types/", api.institution_types, name="institution-types"),
    path("statistics/", api.statistics_summary, name="statistics"),
    path("csv/<slug:kind>.csv", api.csv_download, name="csv"),
]
