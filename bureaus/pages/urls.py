from django.urls import path

from bureaus.pages import views

app_name = "bureaus"

urlpatterns = [
    path("", views.BureauListView.as_view(), name="list"),
    path("<slug:slug>.json", views.BureauJSONView.as_view(), name="detail-json"),
    path("<slug:slug>/", views.BureauDetailView.as_view(), name="detail"),
    path("<slug:slug>/source/", views.BureauSourceView.as_view(), name="source"),
]
