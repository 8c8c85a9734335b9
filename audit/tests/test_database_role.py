"""In production the app runs as a PostgreSQL role that cannot erase the audit trail
(deploy/postgres-roles.sql, as the README says): no UPDATE, DELETE or TRUNCATE of audit
events or seals, no switching their triggers off, no replica mode."""

from pathlib import Path

import pytest
from django.db import DatabaseError, connection, transaction

from audit.chain import verify
from audit.services import audit_record

GRANTS = Path(__file__).resolve().parents[2] / "deploy" / "postgres-roles.sql"
pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL roles")

FORBIDDEN = [
    "TRUNCATE audit_auditevent",
    "TRUNCATE audit_auditseal",
    "DELETE FROM audit_auditevent",
    "UPDATE audit_auditevent SET summary = 'x'",
    "DELETE FROM audit_auditseal",
    "ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_append_only",
    "ALTER TABLE audit_auditseal DISABLE TRIGGER ALL",
    "SET session_replication_role = replica",
    "DROP TRIGGER audit_event_append_only ON audit_auditevent",
]


@pytest.fixture
def as_the_app(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rapport_app') THEN "
            "CREATE ROLE rapport_app NOLOGIN NOSUPERUSER; END IF; END $$"
        )
        cursor.execute(GRANTS.read_text())
        cursor.execute("SET ROLE rapport_app")
        try:
            yield cursor
        finally:
            cursor.execute("RESET ROLE")


@pytest.mark.parametrize("statement", FORBIDDEN)
def test_the_app_role_cannot_erase_the_trail(as_the_app, worker, person, statement) -> None:
    audit_record(actor=worker, action="view", obj=person, person_id=person.pk, summary="Viewed")
    with pytest.raises(DatabaseError), transaction.atomic():
        as_the_app.execute(statement)


def test_the_app_role_still_records_and_reads(as_the_app, worker, person) -> None:
    audit_record(actor=worker, action="view", obj=person, person_id=person.pk, summary="Viewed")
    assert verify().intact
