from django.apps import AppConfig


class MydayConfig(AppConfig):
    name = "myday"
    verbose_name = "My day"
