from django.db import migrations, models

from rapport.lib.search_text import folded

SEARCHED = {
    "Contact": ("given_name", "family_name", "form_of_address", "profession", "email"),
    "Organisation": ("name",),
}


def backfill(apps, schema_editor):
    """Fold the searchable fields of the contacts and organisations already recorded, in batches."""
    for name, fields in SEARCHED.items():
        model = apps.get_model("circles", name)
        batch = []
        for row in model.objects.only(*fields).iterator(2000):
            row.search_text = folded(" ".join(getattr(row, f) for f in fields))
            batch.append(row)
            if len(batch) == 2000:
                model.objects.bulk_update(batch, ["search_text"])
                batch = []
        model.objects.bulk_update(batch, ["search_text"])


class Migration(migrations.Migration):
    dependencies = [("circles", "0004_last_contact_on_the_relationship")]

    operations = [
        migrations.AddField(
            model_name="contact",
            name="search_text",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="organisation",
            name="search_text",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
