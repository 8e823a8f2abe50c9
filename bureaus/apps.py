from django.apps import AppConfig


class BureausConfig(AppConfig):
    name = "bureaus"
    verbose_name = "District education bureaus"

    def ready(self):
        from bureaus import content

        content.connect()
