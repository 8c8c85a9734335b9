"""Consent at a glance (issue 9): a grid of recipients by topics with distinct states, and
every topic for one recipient recorded in one form."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from consent.models import ConsentRecord, Topic
from rapport.testing.factories import ContactFactory, RelationshipFactory


def _nurse(person):
    return RelationshipFactory(
        person=person,
        group="practitioner",
        role="District nurse",
        contact=ContactFactory(kind="practitioner", given_name="Nia", family_name="Nurse"),
    )


def test_the_grid_says_each_state_in_words(client, worker, person) -> None:
    nurse = _nurse(person)
    health, care = Topic.objects.get(code="health"), Topic.objects.exclude(code="health").first()
    old = timezone.localdate() - timedelta(days=400)
    ConsentRecord.objects.create(
        person=person,
        recipient=nurse,
        topic=health,
        decision="given",
        how="verbal",
        decided_on=old,
        review_on=old + timedelta(days=365),
        recorded_by=worker,
    )
    ConsentRecord.objects.create(
        person=person, recipient=nurse, topic=care, decision="refused", how="verbal", recorded_by=worker
    )
    client.force_login(worker)
    page = client.get(reverse("consent:page", args=[person.pk])).content.decode()
    assert "state-agreed" in page and "Review due" in page
    assert "state-refused" in page and "Refused" in page
    assert "Not asked yet" in page
    assert reverse("consent:decide", args=[person.pk, nurse.pk]) in page


def test_care_updates_yes_health_no_in_one_form(client, worker, person) -> None:
    nurse = _nurse(person)
    health, care = Topic.objects.get(code="health"), Topic.objects.exclude(code="health").first()
    client.force_login(worker)
    url = reverse("consent:decide", args=[person.pk, nurse.pk])
    form = client.get(url).content.decode()
    assert "<legend" in form and "Leave as it is (not asked yet)" in form
    response = client.post(
        url,
        {
            f"topic_{care.pk}": "given",
            f"topic_{health.pk}": "refused",
            "how": "verbal",
            "decided_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302
    decided = dict(ConsentRecord.objects.filter(recipient=nurse).values_list("topic__code", "decision"))
    assert decided == {care.code: "given", "health": "refused"}


def test_nothing_chosen_saves_nothing_and_says_why(client, worker, person) -> None:
    nurse = _nurse(person)
    client.force_login(worker)
    url = reverse("consent:decide", args=[person.pk, nurse.pk])
    response = client.post(url, {"how": "verbal", "decided_on": timezone.localdate().isoformat()})
    assert response.status_code == 200
    assert "Choose a decision for at least one topic" in response.content.decode()
    assert not ConsentRecord.objects.filter(recipient=nurse).exists()


def test_another_persons_recipient_is_not_found(client, worker, person, other_person) -> None:
    theirs = _nurse(other_person)
    client.force_login(worker)
    assert client.get(reverse("consent:decide", args=[person.pk, theirs.pk])).status_code == 404
