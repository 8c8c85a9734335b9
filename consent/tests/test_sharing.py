import contextlib
from datetime import timedelta

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commitments.models import Commitment
from consent.models import ConsentRecord, Disclosure, SafetyOverride, Topic
from consent.rules import may_share
from consent.selectors import as_recipient, facts_for
from consent.sharing import Override, ShareRefused, share
from interactions.models import Interaction
from myday.selectors import my_day
from rapport.testing.factories import CommitmentFactory, RelationshipFactory


@pytest.fixture
def son(person):
    return RelationshipFactory(
        person=person, role="Son", contact__given_name="Raj", contact__family_name="Hughes"
    )


def _consent(person, son, worker, code, decision="given"):
    return ConsentRecord.objects.create(
        person=person,
        recipient=son,
        topic=Topic.objects.get(code=code),
        decision=decision,
        how="verbal",
        recorded_by=worker,
    )


def _call(client, person, son, codes, **extra):
    data = {
        "with_whom": f"rel:{son.pk}",
        "channel": "phone",
        "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "summary": "Raj rang for news of his mum.",
        "promise_due": (timezone.localdate() + timedelta(days=1)).isoformat(),
        "shared_topics": list(Topic.objects.filter(code__in=codes).values_list("pk", flat=True)),
    }
    data.update(extra)
    return client.post(reverse("interactions:create", args=[person.pk]), data)


def test_a_care_update_with_consent_is_logged(client, worker, person, son) -> None:
    consent = _consent(person, son, worker, "care")
    client.force_login(worker)
    assert _call(client, person, son, ["care"]).status_code == 302
    shared = Disclosure.objects.get()
    assert (shared.basis, shared.consent, shared.interaction) == (
        "consent",
        consent,
        Interaction.objects.get(),
    )


def test_health_news_without_consent_is_refused_and_nothing_saved(client, worker, person, son) -> None:
    _consent(person, son, worker, "care")
    _consent(person, son, worker, "health", decision="refused")
    client.force_login(worker)
    response = _call(client, person, son, ["care", "health"], promise="Ring Raj tomorrow")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Health: Sharing health with them was refused on" in body and "safety override" in body
    assert "Raj rang for news of his mum." in body  # nothing typed is lost
    assert (
        not Interaction.objects.exists()
        and not Disclosure.objects.exists()
        and not Commitment.objects.exists()
    )


def test_the_safety_override_is_recorded_and_reviewed_by_a_team_leader(
    client, worker, leader, person, son
) -> None:
    client.force_login(worker)
    response = _call(
        client,
        person,
        son,
        ["health"],
        override="on",
        override_reason="Raj must know about the new blood thinner: he gives her tablets at weekends.",
        override_basis="vital_interests",
    )
    assert response.status_code == 302
    override = SafetyOverride.objects.get()
    assert Disclosure.objects.get().override == override
    assert override.review.owner == leader and override.review.is_open
    assert "Review the safety override" in next(
        c.title for c in my_day(leader).due_today + my_day(leader).coming_up
    )
    page = client.get(reverse("person:page", args=[person.pk])).content.decode()
    assert "Shared without consent on" in page and "Team leader review pending" in page


def test_an_override_needs_its_reason_and_basis(client, worker, person, son) -> None:
    client.force_login(worker)
    body = _call(client, person, son, ["health"], override="on").content.decode()
    assert "Say why someone" in body and "Choose the lawful basis" in body
    assert not Disclosure.objects.exists()


def test_closing_an_update_owed_checks_consent(client, worker, person, son) -> None:
    health = Topic.objects.get(code="health")
    update = CommitmentFactory(
        person=person, owner=worker, kind="update", owed_to_relationship=son, topic=health
    )
    client.force_login(worker)
    url = reverse("commitments:close", args=[update.pk])
    response = client.post(url, {"status": "done", "outcome": "Rang Raj", "version": 1})
    assert "No consent is recorded for sharing health" in response.content.decode()
    update.refresh_from_db()
    assert update.is_open and not Disclosure.objects.exists()
    _consent(person, son, worker, "health")
    client.post(url, {"status": "done", "outcome": "Rang Raj", "version": 1})
    update.refresh_from_db()
    assert update.status == "done" and Disclosure.objects.get().commitment == update


CHOICES = st.lists(
    st.tuples(st.sampled_from(["care", "health"]), st.sampled_from(["given", "refused", "withdrawn"])),
    max_size=5,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    decisions=CHOICES,
    attempts=st.lists(st.tuples(st.sampled_from(["care", "health"]), st.booleans()), max_size=5),
)
def test_no_sharing_is_stored_without_consent_in_force_or_an_override_with_a_reason(
    worker, person, son, decisions, attempts
) -> None:
    with transaction.atomic():
        sid = transaction.savepoint()
        for code, decision in decisions:
            _consent(person, son, worker, code, decision)
        for code, with_override in attempts:
            override = Override("Immediate risk to her safety.", "vital_interests") if with_override else None
            with contextlib.suppress(ShareRefused):
                share(
                    actor=worker,
                    person=person,
                    recipient=son,
                    topics=[Topic.objects.get(code=code)],
                    override=override,
                )
        facts = facts_for(person)
        for shared in Disclosure.objects.filter(person=person):
            if shared.basis == Disclosure.Basis.CONSENT:
                verdict = may_share(
                    facts=facts, recipient=as_recipient(son), topic=shared.topic.code, at=shared.shared_at
                )
                assert verdict.allowed and verdict.record_id == shared.consent_id
            else:
                assert shared.override is not None and shared.override.reason.strip()
        transaction.savepoint_rollback(sid)
