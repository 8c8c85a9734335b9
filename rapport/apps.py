from django.apps import AppConfig


class RapportConfig(AppConfig):
    """The project itself: behaviour every app shares (query lookups, checks)."""

    name = "rapport"
    verbose_name = "Rapport"

    def ready(self) -> None:
        from rapport.lib import lookups

        lookups.register()
