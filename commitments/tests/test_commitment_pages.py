from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from commitments.models import Commitment
from rapport.testing.factories import CommitmentFactory, RelationshipFactory, UserFactory


def _tomorrow() -> str:
    return (timezone.localdate() + timedelta(days=1)).isoformat()


def test_add_a_request_owed_to_a_practitioner(client, worker, teammate, person) -> None:
    nurse = RelationshipFactory(person=person, role="District nurse", group="practitioner")
    client.force_login(worker)
    response = client.post(
        reverse("commitments:create", args=[person.pk]),
        {
            "kind": "request",
            "title": "Send the fluid chart",
            "owed_to": f"rel:{nurse.pk}",
            "owner": teammate.pk,
            "due_on": _tomorrow(),
        },
    )
    assert response.status_code == 302
    owed = Commitment.objects.get()
    assert (owed.owner, owed.owed_to_relationship, owed.created_by) == (teammate, nurse, worker)
    assert AuditEvent.objects.filter(object_type="commitment", action="create").exists()


def test_owner_must_work_with_the_person(client, worker, outsider, person) -> None:
    client.force_login(worker)
    response = client.post(
        reverse("commitments:create", args=[person.pk]),
        {"kind": "promise", "title": "x", "owner": outsider.pk, "due_on": _tomorrow()},
    )
    assert "Select a valid choice" in response.content.decode()
    assert not Commitment.objects.exists()


def test_someone_from_another_circle_cannot_be_owed(client, worker, person, other_person) -> None:
    stranger = RelationshipFactory(person=other_person)
    client.force_login(worker)
    response = client.post(
        reverse("commitments:create", args=[person.pk]),
        {
            "kind": "promise",
            "title": "x",
            "owed_to": f"rel:{stranger.pk}",
            "owner": worker.pk,
            "due_on": _tomorrow(),
        },
    )
    assert "Select a valid choice" in response.content.decode()
    assert not Commitment.objects.exists()


def test_a_due_date_in_the_past_is_refused(client, worker, person) -> None:
    client.force_login(worker)
    response = client.post(
        reverse("commitments:create", args=[person.pk]),
        {"kind": "promise", "title": "x", "owner": worker.pk, "due_on": "2020-01-01"},
    )
    assert "today or a later day" in response.content.decode()
    assert "x" in response.content.decode()


def test_closing_asks_for_the_outcome(client, worker, person) -> None:
    owed = CommitmentFactory(person=person, owner=worker)
    client.force_login(worker)
    url = reverse("commitments:close", args=[owed.pk])
    response = client.post(url, {"status": "done", "outcome": "", "version": owed.version})
    assert "This field is required" in response.content.decode()
    owed.refresh_from_db()
    assert owed.is_open
    client.post(
        url, {"status": "done", "outcome": "Rang Joan; she is happy", "version": owed.version, "next": "/"}
    )
    owed.refresh_from_db()
    assert (owed.status, owed.closed_by, owed.outcome) == ("done", worker, "Rang Joan; she is happy")


def test_hand_over_to_a_teammate(client, worker, teammate, person) -> None:
    owed = CommitmentFactory(person=person, owner=worker)
    client.force_login(worker)
    url = reverse("commitments:reassign", args=[owed.pk])
    response = client.post(url, {"owner": worker.pk, "due_on": owed.due_on.isoformat(), "version": 1})
    assert "different person or a different due date" in response.content.decode()
    client.post(
        url, {"owner": teammate.pk, "due_on": owed.due_on.isoformat(), "note": "On leave", "version": 1}
    )
    owed.refresh_from_db()
    assert owed.owner == teammate
    event = AuditEvent.objects.filter(object_type="commitment").latest("at")
    assert event.reason == "On leave" and "Handed from Wendy Worker to Tom Mate" in event.summary


def test_a_stale_close_changes_nothing(client, worker, teammate, person) -> None:
    owed = CommitmentFactory(person=person, owner=worker)
    client.force_login(teammate)
    client.post(
        reverse("commitments:reassign", args=[owed.pk]),
        {"owner": teammate.pk, "due_on": owed.due_on.isoformat(), "version": 1},
    )
    client.force_login(worker)
    response = client.post(
        reverse("commitments:close", args=[owed.pk]),
        {"status": "cancelled", "outcome": "Not needed", "version": 1},
    )
    assert "Someone saved a change" in response.content.decode()
    owed.refresh_from_db()
    assert owed.is_open and owed.owner == teammate


def test_a_commitment_of_another_person_is_404(client, worker, person, team) -> None:
    elsewhere = CommitmentFactory(owner=UserFactory(username="u2", teams=[team]))
    client.force_login(worker)
    assert client.get(reverse("commitments:close", args=[elsewhere.pk])).status_code == 404


def test_overdue_work_can_be_handed_over_as_it_stands(client, worker, teammate, person) -> None:
    """Someone goes off sick: their overdue work moves to a colleague with its due date."""
    overdue = timezone.localdate() - timedelta(days=3)
    owed = CommitmentFactory(person=person, owner=worker, due_on=overdue)
    client.force_login(worker)
    url = reverse("commitments:reassign", args=[owed.pk])
    form_page = client.get(url).content.decode()
    assert f'value="{overdue.isoformat()}"' in form_page
    response = client.post(url, {"owner": teammate.pk, "due_on": overdue.isoformat(), "version": 1})
    assert response.status_code == 302
    owed.refresh_from_db()
    assert (owed.owner, owed.due_on) == (teammate, overdue)


def test_a_new_due_date_in_the_past_is_still_refused_on_hand_over(client, worker, teammate, person) -> None:
    owed = CommitmentFactory(person=person, owner=worker)
    client.force_login(worker)
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    response = client.post(
        reverse("commitments:reassign", args=[owed.pk]),
        {"owner": teammate.pk, "due_on": yesterday, "version": 1},
    )
    assert "Choose today or a later day" in response.content.decode()
    owed.refresh_from_db()
    assert owed.owner == worker
