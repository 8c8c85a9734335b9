from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "consent"
    verbose_name = "Consent and information sharing"

    def ready(self) -> None:
        from consent.models import _inside_the_gate
        from rapport.lib.bulk import guard

        guard("consent.Disclosure", _inside_the_gate.get)
