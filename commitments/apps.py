from django.apps import AppConfig


class CommitmentsConfig(AppConfig):
    name = "commitments"
    verbose_name = "Commitments"

    def ready(self) -> None:
        """Keep the follow-up work consent hands over: consent may not import commitments,
        which depends on it (consent.follow_up says why)."""
        from commitments.consent_follow_up import CommitmentsKeeper
        from consent.follow_up import register

        register(CommitmentsKeeper())
