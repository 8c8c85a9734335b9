from django.db import migrations, models

from rapport.lib.search_text import folded

FIELDS = ("name", "helps_with", "area")


def backfill(apps, schema_editor):
    """Fold the searchable fields of the services already in the directory."""
    service = apps.get_model("signposting", "Service")
    rows = list(service.objects.only(*FIELDS))
    for row in rows:
        row.search_text = folded(" ".join(getattr(row, f) for f in FIELDS))
    service.objects.bulk_update(rows, ["search_text"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [("signposting", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="service",
            name="search_text",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
