"""Seed the starting list of information topics."""

from django.db import migrations

from consent.topics import ensure_default_topics


def add_topics(apps, schema_editor):  # type: ignore[no-untyped-def]
    ensure_default_topics(apps.get_model("consent", "Topic"))


class Migration(migrations.Migration):
    dependencies = [("consent", "0001_initial")]
    operations = [migrations.RunPython(add_topics, migrations.RunPython.noop)]
