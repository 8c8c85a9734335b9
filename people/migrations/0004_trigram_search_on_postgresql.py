"""On PostgreSQL, a trigram index makes "any part of a name" searches (LIKE '%…%' on the
folded names) use an index instead of reading every person. SQLite has no such index; its
search stays a scan of one short column."""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS person_search_trgm ON people_person USING gin (search_text gin_trgm_ops);
"""
DROP = "DROP INDEX IF EXISTS person_search_trgm;"


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("people", "0003_folded_names_for_search")]
    operations = [migrations.RunPython(create, drop)]
