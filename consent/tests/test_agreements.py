from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from consent.models import ConsentRecord, Disclosure, Topic
from rapport.testing.factories import OrganisationFactory, RelationshipFactory


def _practice(person, **agreement):
    practice = OrganisationFactory(
        name="Brookside Surgery",
        secure_channel="secure_email",
        secure_address="brookside@nhs.example",
        **agreement,
    )
    return RelationshipFactory(
        person=person, contact=None, organisation=practice, group="partner", role="GP practice"
    )


def _log(client, person, rel, codes=("health",)):
    return client.post(
        reverse("interactions:create", args=[person.pk]),
        {
            "with_whom": f"rel:{rel.pk}",
            "channel": "secure_email",
            "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "summary": "Sent the weekly weight chart.",
            "promise_due": (timezone.localdate() + timedelta(days=1)).isoformat(),
            "shared_topics": list(Topic.objects.filter(code__in=codes).values_list("pk", flat=True)),
        },
        follow=True,
    )


def _consent(person, rel, worker):
    ConsentRecord.objects.create(
        person=person,
        recipient=rel,
        topic=Topic.objects.get(code="health"),
        decision="given",
        how="written",
        recorded_by=worker,
    )


def test_sharing_under_a_lapsed_agreement_is_warned_and_recorded(client, worker, person) -> None:
    rel = _practice(person, dsa_signed_on=date(2023, 1, 1), dsa_expires_on=date(2024, 1, 1))
    _consent(person, rel, worker)
    client.force_login(worker)
    body = _log(client, person, rel).content.decode()
    assert "agreement with this partner lapsed on 1 Jan 2024" in body
    assert Disclosure.objects.get().agreement_lapsed_on == date(2024, 1, 1)


def test_a_current_agreement_gives_no_warning(client, worker, person) -> None:
    rel = _practice(person, dsa_signed_on=date(2025, 1, 1), dsa_expires_on=date(2099, 1, 1))
    _consent(person, rel, worker)
    client.force_login(worker)
    assert "lapsed" not in _log(client, person, rel).content.decode()
    assert Disclosure.objects.get().agreement_lapsed_on is None


def test_the_agreed_channel_is_suggested(client, worker, person) -> None:
    rel = _practice(person)
    client.force_login(worker)
    page = client.get(
        reverse("interactions:create", args=[person.pk]), {"with": f"rel:{rel.pk}"}
    ).content.decode()
    assert "Agreed secure channels — Brookside Surgery: Secure email (brookside@nhs.example)" in page
    assert '<option value="secure_email" selected>' in page


def test_agreement_dates_are_checked(client, worker) -> None:
    client.force_login(worker)
    response = client.post(
        reverse("circles:organisation_create"),
        {"name": "Council", "kind": "council", "dsa_signed_on": "2026-01-01", "dsa_expires_on": "2025-01-01"},
    )
    assert "must expire after it was signed" in response.content.decode()
