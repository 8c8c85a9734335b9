from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Staff and teams"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from accounts.middleware import settle_again_at_sign_in
        from rapport.middleware import start_idle_clock

        # The idle clock starts at sign-in, so the first page needs no session write.
        user_logged_in.connect(start_idle_clock, dispatch_uid="rapport-idle-clock")
        user_logged_in.connect(settle_again_at_sign_in, dispatch_uid="rapport-second-step")
