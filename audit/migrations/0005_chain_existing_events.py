"""Chain the events recorded before the chain existed, in the order they were written, and
make the seal table add-only on PostgreSQL (as the event table already is)."""

from django.db import migrations

from audit.chain import GENESIS, link

SEAL_TRIGGER = """
CREATE TRIGGER audit_seal_append_only
    BEFORE UPDATE OR DELETE ON audit_auditseal
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
"""


def chain(apps, schema_editor):  # type: ignore[no-untyped-def]
    event_model = apps.get_model("audit", "AuditEvent")
    seal_model = apps.get_model("audit", "AuditSeal")
    head_model = apps.get_model("audit", "AuditChainHead")
    postgres = schema_editor.connection.vendor == "postgresql"
    if postgres:
        schema_editor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_append_only")
    previous, seq = GENESIS, 0
    for event in event_model.objects.order_by("id").iterator(chunk_size=5000):
        seq += 1
        event.seq = seq
        event.chain_hash = link(previous, event)
        event_model.objects.filter(pk=event.pk).update(seq=seq, chain_hash=event.chain_hash)
        seal_model.objects.create(seq=seq, chain_hash=event.chain_hash)
        previous = event.chain_hash
    head_model.objects.create(pk=1, seq=seq, chain_hash=previous)
    if postgres:
        schema_editor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER audit_event_append_only")
        schema_editor.execute(SEAL_TRIGGER)


def unchain(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TRIGGER IF EXISTS audit_seal_append_only ON audit_auditseal")
    apps.get_model("audit", "AuditChainHead").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_tamper_evident_chain")]
    operations = [migrations.RunPython(chain, unchain)]
