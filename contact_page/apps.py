from django.apps import AppConfig


class ContactPageConfig(AppConfig):
    """A contact's page: how to reach them (circles), whose circles they are in, and the
    conversations logged with them (interactions). interactions depends on circles, so the
    page that composes both lives in a room of its own and circles imports neither it nor
    interactions."""

    name = "contact_page"
    verbose_name = "Contact page"
