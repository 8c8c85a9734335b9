import pytest
from django.db import DatabaseError, connection, transaction

from audit.models import AuditEvent, AuditImmutable
from audit.services import audit_record


@pytest.fixture
def event(worker, person) -> AuditEvent:
    return audit_record(actor=worker, action="view", obj=person, person_id=person.pk, summary="Viewed")


def test_an_event_cannot_be_changed(event) -> None:
    event.summary = "Nothing to see"
    with pytest.raises(AuditImmutable):
        event.save()


def test_an_event_cannot_be_deleted(event) -> None:
    with pytest.raises(AuditImmutable):
        event.delete()
    with pytest.raises(AuditImmutable):
        AuditEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(AuditImmutable):
        AuditEvent.objects.filter(pk=event.pk).update(summary="x")
    assert AuditEvent.objects.get(pk=event.pk).summary == "Viewed"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_postgresql_refuses_even_raw_sql(worker, person) -> None:
    event = audit_record(actor=worker, action="view", obj=person, person_id=person.pk, summary="Viewed")
    for sql in (
        "UPDATE audit_auditevent SET summary = 'x' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).summary == "Viewed"


def test_the_admin_is_read_only(client, administrator, event) -> None:
    client.force_login(administrator)
    administrator.is_staff = True
    administrator.save()
    assert client.get(f"/admin/audit/auditevent/{event.pk}/delete/").status_code == 403
    assert client.post(f"/admin/audit/auditevent/{event.pk}/change/", {"summary": "x"}).status_code == 403
    event.refresh_from_db()
    assert event.summary == "Viewed"


def test_it_records_where_the_request_came_from(client, worker, person) -> None:
    client.force_login(worker)
    client.get(f"/people/{person.pk}/", REMOTE_ADDR="10.1.2.3", HTTP_USER_AGENT="TestPhone")
    event = AuditEvent.objects.get(person=person, action="view")
    assert (event.actor, event.ip_address, event.user_agent) == (worker, "10.1.2.3", "TestPhone")
    assert event.path == f"/people/{person.pk}/"
