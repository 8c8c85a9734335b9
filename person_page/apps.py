from django.apps import AppConfig


class PersonPageConfig(AppConfig):
    """The person page and the record's history: composite pages that read from every
    app that keeps something about a person, so they live in a room of their own and
    `people` depends on none of those apps."""

    name = "person_page"
    verbose_name = "Person page"
