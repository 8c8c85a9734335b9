"""The starting list of information topics; administrators can change it."""

from django.db import migrations

TOPICS = [
    ("care", "Care updates", "How the person is, day-to-day care and wellbeing."),
    ("health", "Health", "Health conditions, medication, appointments and results."),
    ("incidents", "Incidents and safeguarding", "Falls, accidents, incidents and safeguarding concerns."),
    ("finances", "Money and finances", "Benefits, bills, spending and financial affairs."),
    ("plans", "Care plans and reviews", "The care plan, reviews and decisions about support."),
]


def add_topics(apps, schema_editor):  # type: ignore[no-untyped-def]
    Topic = apps.get_model("consent", "Topic")
    for position, (code, name, description) in enumerate(TOPICS):
        Topic.objects.get_or_create(code=code, defaults={"name": name, "description": description, "position": position})


class Migration(migrations.Migration):
    dependencies = [("consent", "0001_initial")]
    operations = [migrations.RunPython(add_topics, migrations.RunPython.noop)]
