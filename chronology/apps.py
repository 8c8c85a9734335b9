from django.apps import AppConfig


class ChronologyConfig(AppConfig):
    name = "chronology"
    verbose_name = "Timeline"
