"""The audit trail is tamper-evident: a row edited, deleted or inserted directly in the
database, or the newest rows cut off, is found (SQLite and PostgreSQL)."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from audit.chain import verify
from audit.models import AuditChainHead, AuditEvent, AuditSeal
from audit.tests.tampering import behind_the_applications_back


def _broken_at() -> int | None:
    return verify().broken_at


def test_an_untouched_trail_is_intact(trail) -> None:
    report = verify()
    assert report.intact and report.checked >= 6
    call_command("verify_audit")


def test_an_edited_row_is_found(trail) -> None:
    with behind_the_applications_back() as cursor:
        cursor.execute("UPDATE audit_auditevent SET summary = 'Nothing to see' WHERE id = %s", [trail[2].pk])
    assert _broken_at() == trail[2].seq
    with pytest.raises(CommandError, match=f"broken at event {trail[2].seq}"):
        call_command("verify_audit")


def test_a_deleted_row_is_found(trail) -> None:
    with behind_the_applications_back() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [trail[3].pk])
    assert _broken_at() == trail[3].seq


def test_an_inserted_row_is_found(trail, worker) -> None:
    with behind_the_applications_back() as cursor:
        cursor.execute("UPDATE audit_auditevent SET seq = seq + 1000 WHERE seq > %s", [trail[3].seq])
        forged = AuditEvent(actor=worker, action="view", object_type="person", object_id="1", summary="x")
        forged.seq, forged.chain_hash = trail[3].seq + 1, trail[3].chain_hash
        cursor.execute(
            "INSERT INTO audit_auditevent (at, actor_id, action, object_type, object_id, summary, path,"
            " user_agent, reason, seq, chain_hash) VALUES (%s, %s, 'view', 'person', '1', 'x', '', '', '',"
            " %s, %s)",
            [trail[3].at, worker.pk, forged.seq, forged.chain_hash],
        )
    assert _broken_at() == trail[3].seq + 1


def test_the_newest_rows_cut_off_are_found(trail) -> None:
    with behind_the_applications_back() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE seq >= %s", [trail[4].seq])
    assert _broken_at() == trail[4].seq


def test_events_written_together_read_back_as_written(worker, person, other_person) -> None:
    """Many events go to the database as one parameter on PostgreSQL (audit.chain._Insert):
    every value comes back as it was hashed, whatever its kind."""
    from django.test import RequestFactory

    from audit.services import audit_shown

    request = RequestFactory().get("/people/?q=zoë", REMOTE_ADDR="2001:db8::1", HTTP_USER_AGENT="Phone “A”")
    audit_shown(
        actor=worker, people=[person, other_person], summary="Shown for “Zoë” — café", request=request
    )
    audit_shown(actor=worker, people=[person], summary="Shown alone", request=None)
    written = list(AuditEvent.objects.order_by("seq"))
    assert [(e.person_id, e.summary) for e in written] == [
        (min(person.pk, other_person.pk), "Shown for “Zoë” — café"),
        (max(person.pk, other_person.pk), "Shown for “Zoë” — café"),
        (person.pk, "Shown alone"),
    ]
    assert written[0].ip_address == "2001:db8::1" and written[0].user_agent == "Phone “A”"
    assert written[2].ip_address is None and written[0].path == request.get_full_path()
    assert verify().intact and verify().checked == 3


def test_a_write_asks_the_database_twice_on_postgresql(worker, person, other_person) -> None:
    """The head is read (and locked) first, for the hash; on PostgreSQL the events, their
    seals and the new head then go in one statement. The ids come back to the events."""
    from django.test.utils import CaptureQueriesContext

    from audit.services import audit_shown

    with CaptureQueriesContext(connection) as asked:
        audit_shown(actor=worker, people=[person, other_person], summary="Shown twice")
    statements = [
        q["sql"] for q in asked.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))
    ]
    if connection.vendor == "postgresql":
        assert len(statements) == 2 and statements[1].startswith("WITH moved AS (UPDATE")
    else:
        assert len(statements) == 4
    written = list(AuditEvent.objects.order_by("seq"))
    assert sorted(e.person_id for e in written) == sorted([person.pk, other_person.pk])
    assert verify().intact and verify().checked == 2
    assert AuditChainHead.objects.get().seq == 2 and AuditSeal.objects.count() == 2
