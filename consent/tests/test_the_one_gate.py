"""Every record of information leaving the team passes `consent.sharing.share` (issue 7,
defect 3): answering a practitioner's request, following up a referral, keeping a promise to
the family, answering a complaint from the circle."""

import pytest
from django.urls import reverse
from django.utils import timezone

from commitments.models import Commitment
from consent.models import ConsentRecord, Disclosure, DisclosureOutsideTheGate, Topic
from consent.sharing import DISCLOSURE_PATHS
from feedback.models import Feedback
from rapport.testing.factories import (
    CommitmentFactory,
    ContactFactory,
    FeedbackFactory,
    OrganisationFactory,
    RelationshipFactory,
)

NOT_A_SOURCE = {"person", "recipient", "topic", "by", "consent", "override"}


@pytest.fixture
def nurse(person):
    return RelationshipFactory(
        person=person,
        group="practitioner",
        role="District nurse",
        contact=ContactFactory(kind="practitioner", given_name="Nia", family_name="Nurse"),
    )


@pytest.fixture
def council(person):
    return RelationshipFactory(
        person=person,
        group="partner",
        role="Social care",
        contact=None,
        organisation=OrganisationFactory(name="Borough Council", kind="council"),
    )


def _topic(code: str) -> Topic:
    return Topic.objects.get(code=code)


def _agree(person, recipient, worker, code: str) -> ConsentRecord:
    return ConsentRecord.objects.create(
        person=person,
        recipient=recipient,
        topic=_topic(code),
        decision="given",
        how="verbal",
        recorded_by=worker,
    )


def _close(client, commitment, **extra):
    data = {"status": "done", "outcome": "Sent it over.", "version": commitment.version, **extra}
    return client.post(reverse("commitments:close", args=[commitment.pk]), data)


def test_a_disclosure_cannot_be_written_outside_the_gate(person, nurse, worker) -> None:
    with pytest.raises(DisclosureOutsideTheGate):
        Disclosure.objects.create(
            person=person, recipient=nurse, topic=_topic("health"), by=worker, basis="consent"
        )
    with pytest.raises(DisclosureOutsideTheGate):
        Disclosure.objects.bulk_create([])


def test_every_record_a_disclosure_points_to_is_a_known_path() -> None:
    sources = {
        f.related_model._meta.label
        for f in Disclosure._meta.get_fields()
        if f.many_to_one and f.name not in NOT_A_SOURCE
    }
    assert sources == set(DISCLOSURE_PATHS)


def test_answering_a_practitioners_request_needs_consent(client, worker, person, nurse) -> None:
    request = CommitmentFactory(person=person, owner=worker, kind="request", owed_to_relationship=nurse)
    client.force_login(worker)
    refused = _close(client, request, shared_topics=[_topic("health").pk])
    assert "No consent is recorded for sharing health" in refused.content.decode()
    request.refresh_from_db()
    assert request.is_open and not Disclosure.objects.exists()
    _agree(person, nurse, worker, "health")
    assert _close(client, request, shared_topics=[_topic("health").pk]).status_code == 302
    shared = Disclosure.objects.get()
    assert (shared.commitment, shared.recipient, shared.basis) == (request, nurse, "consent")


def test_following_up_a_referral_needs_consent(client, worker, person, council) -> None:
    referral = CommitmentFactory(person=person, owner=worker, kind="referral", owed_to_relationship=council)
    client.force_login(worker)
    response = _close(client, referral, shared_topics=[_topic("care").pk])
    assert "No consent is recorded" in response.content.decode()
    assert Commitment.objects.get(pk=referral.pk).is_open


def test_saying_what_was_shared_is_required(client, worker, person, nurse) -> None:
    request = CommitmentFactory(person=person, owner=worker, kind="request", owed_to_relationship=nurse)
    client.force_login(worker)
    response = _close(client, request)
    assert "Say what you shared" in response.content.decode()
    assert _close(client, request, nothing_shared="on").status_code == 302
    assert not Disclosure.objects.exists()


def test_cancelling_shares_nothing(client, worker, person, nurse) -> None:
    request = CommitmentFactory(person=person, owner=worker, kind="request", owed_to_relationship=nurse)
    client.force_login(worker)
    assert _close(client, request, status="cancelled", outcome="They no longer need it").status_code == 302


def test_answering_a_complaint_from_the_family_needs_consent(client, worker, person) -> None:
    daughter = RelationshipFactory(person=person, role="Daughter", contact__given_name="Joan")
    complaint = FeedbackFactory(person=person, handler=worker, from_relationship=daughter)
    client.force_login(worker)
    url = reverse("feedback:close", args=[person.pk, complaint.pk])
    form = {
        "responded_on": timezone.localdate().isoformat(),
        "outcome": "Explained the new visit times and her mum's new tablets.",
        "learning": "Tell families when rotas change.",
        "version": complaint.version,
        "shared_topics": [_topic("health").pk],
    }
    response = client.post(url, form)
    assert "No consent is recorded for sharing health" in response.content.decode()
    assert Feedback.objects.get(pk=complaint.pk).is_open
    _agree(person, daughter, worker, "health")
    assert client.post(url, form).status_code == 302
    assert Disclosure.objects.get().feedback == complaint


def test_directory_and_topic_changes_are_on_the_record(client, administrator, worker) -> None:
    """Shared lists every team relies on: who changed what, from what to what."""
    client.force_login(administrator)
    client.post(
        reverse("consent:topic_create"),
        {"code": "housing", "name": "Housing", "position": 9, "is_active": "on"},
    )
    housing = Topic.objects.get(code="housing")
    client.post(
        reverse("consent:topic_edit", args=[housing.pk]),
        {"name": "Housing and tenancy", "position": 9, "is_active": "on"},
    )
    from audit.models import AuditEvent

    changed = AuditEvent.objects.get(object_type="topic", action="update")
    assert changed.actor == administrator and "Name: Housing → Housing and tenancy" in changed.reason
    practice = OrganisationFactory(name="Old Name Surgery")
    client.force_login(worker)
    client.post(
        reverse("circles:organisation_edit", args=[practice.pk]),
        {"name": "New Name Surgery", "kind": practice.kind, "version": practice.version},
    )
    edit = AuditEvent.objects.filter(object_type="organisation", action="update").first()
    assert edit is not None and "Old Name Surgery → New Name Surgery" in edit.reason
