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


@pytest.mark.parametrize(
    "proxies, forwarded, expected",
    [
        (0, "203.0.113.9", "10.0.0.1"),  # no proxy trusted: the header is ignored
        (1, "198.51.100.7, 203.0.113.9", "203.0.113.9"),  # the hop our proxy saw
        (2, "198.51.100.7, 203.0.113.9", "198.51.100.7"),
        (2, "203.0.113.9", "10.0.0.1"),  # shorter chain than proxies: not trusted
        (1, "not-an-ip", "10.0.0.1"),
    ],
)
def test_client_address_behind_proxies(rf, settings, proxies, forwarded, expected) -> None:
    from rapport.lib.client_address import client_ip

    settings.RAPPORT_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected
