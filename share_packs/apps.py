from django.apps import AppConfig


class SharePacksConfig(AppConfig):
    """Share packs: a composite of what a person's record holds (their profile, circle, recent
    changes, open actions), filtered by consent and sent through its one gate. It reads from
    consent, changes and commitments, so it lives in a room of its own and consent, the
    foundation of every disclosure, depends on none of them. Its record (`SharePack`) stays
    in consent, where the disclosure log points to it."""

    name = "share_packs"
    verbose_name = "Share packs"
