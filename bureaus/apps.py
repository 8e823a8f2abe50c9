from django.apps import AppConfig


class BureausConfig(AppConfig):
    name = "bureaus"
    verbose_name = "District education bureaus"
