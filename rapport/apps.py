from django.apps import AppConfig


class RapportConfig(AppConfig):
    """The project itself: behaviour every app shares (query lookups, checks, the direct
    identity of a column reference)."""

    name = "rapport"
    verbose_name = "Rapport"

    def ready(self) -> None:
        from rapport.lib import column_identity, lookups

        lookups.register()
        column_identity.install()
