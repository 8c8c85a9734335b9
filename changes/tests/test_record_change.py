from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from changes.models import Change
from commitments.models import Commitment
from rapport.testing.factories import ContactFactory, OrganisationFactory, RelationshipFactory


def test_recording_a_fall_creates_the_updates_owed(client, worker, teammate, person) -> None:
    person.key_worker = teammate
    person.save()
    gp = RelationshipFactory(
        person=person, role="GP", group="practitioner", contact=ContactFactory(kind="practitioner")
    )
    RelationshipFactory(
        person=person,
        role="Pharmacy",
        group="partner",
        contact=None,
        organisation=OrganisationFactory(kind="pharmacy"),
    )
    client.force_login(worker)
    response = client.post(
        reverse("changes:create", args=[person.pk]),
        {
            "area": "fall",
            "significance": "significant",
            "observed_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "description": "Found on the floor by the bed; bruised hip, walking slowly.",
        },
    )
    change = Change.objects.get()
    assert response.url == reverse("changes:detail", args=[person.pk, change.pk])
    updates = Commitment.objects.filter(change=change)
    assert {(u.owed_to_relationship, u.owed_to_staff) for u in updates} == {(gp, None), (None, teammate)}
    assert all(u.kind == "update" and u.owner == worker and u.due_on == timezone.localdate() for u in updates)
    assert AuditEvent.objects.filter(object_type="change", person=person).exists()
    page = client.get(response.url).content.decode()
    assert "Tell Tom Mate about the change in a fall or mobility" in page


def test_a_change_without_a_description_is_refused(client, worker, person) -> None:
    client.force_login(worker)
    response = client.post(
        reverse("changes:create", args=[person.pk]),
        {"area": "fall", "significance": "urgent", "description": ""},
    )
    assert "This field is required" in response.content.decode()
    assert not Change.objects.exists() and not Commitment.objects.exists()


def test_an_unknown_area_is_refused(client, worker, person) -> None:
    client.force_login(worker)
    response = client.post(
        reverse("changes:create", args=[person.pk]),
        {"area": "weather", "significance": "urgent", "description": "x", "observed_at": "2026-01-01T10:00"},
    )
    assert "Select a valid choice" in response.content.decode()
    assert not Change.objects.exists()
