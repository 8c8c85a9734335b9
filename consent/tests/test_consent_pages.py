import pytest
from django.urls import reverse

from commitments.models import Commitment
from consent.models import ConsentRecord, SharePack, Topic
from consent.selectors import consent_matrix, verdict_for
from rapport.testing.factories import (
    CommitmentFactory,
    ContactFactory,
    OrganisationFactory,
    RelationshipFactory,
)


@pytest.fixture
def son(person):
    return RelationshipFactory(
        person=person, role="Son", contact__given_name="Raj", contact__family_name="Hughes"
    )


def _topics(*codes: str) -> list[int]:
    return list(Topic.objects.filter(code__in=codes).values_list("pk", flat=True))


def _record(client, person, recipient, codes, decision="given", **extra):
    data = {
        "recipient": f"rel:{recipient.pk}",
        "topics": _topics(*codes),
        "decision": decision,
        "how": "verbal",
        "decided_on": "2026-11-20",
    }
    data.update(extra)
    return client.post(reverse("consent:create", args=[person.pk]), data)


def test_care_updates_yes_health_no(client, worker, person, son) -> None:
    client.force_login(worker)
    _record(client, person, son, ["care"])
    _record(client, person, son, ["health"], decision="refused")
    care, health = Topic.objects.get(code="care"), Topic.objects.get(code="health")
    assert verdict_for(person, son, care).allowed
    refused = verdict_for(person, son, health)
    assert not refused.allowed and "refused on 20 Nov 2026" in refused.reason
    page = client.get(reverse("consent:page", args=[person.pk])).content.decode()
    row = page[page.index(str(son.contact)) :].split("</tr>")[0]
    assert "Agreed" in row and "Refused" in row


def test_lacking_capacity_needs_an_assessment_and_a_best_interests_decision(
    client, worker, person, son
) -> None:
    client.force_login(worker)
    response = _record(client, person, son, ["finances"], lacks_capacity="on", how="best_interests")
    body = response.content.decode()
    assert "Record the capacity assessment" in body and "best-interests decision" in body
    assert not ConsentRecord.objects.exists()


def test_legal_authority_comes_from_the_circle(client, worker, person, son) -> None:
    attorney = RelationshipFactory(person=person, role="Daughter", lpa_property_finance=True)
    client.force_login(worker)
    form = client.get(reverse("consent:create", args=[person.pk])).content.decode()
    assert f'value="{attorney.pk}"' in form and f'<option value="{son.pk}"' not in form
    _record(
        client,
        person,
        son,
        ["finances"],
        lacks_capacity="on",
        how="authority",
        authority=attorney.pk,
        capacity_assessment="Assessed by Dr Shah on 18 Nov: cannot weigh up money decisions.",
    )
    record = ConsentRecord.objects.get()
    assert record.authority == attorney and record.lacks_capacity


def test_withdrawal_cancels_updates_still_owed(client, worker, person, son) -> None:
    health = Topic.objects.get(code="health")
    owed = CommitmentFactory(
        person=person, owner=worker, kind="update", owed_to_relationship=son, topic=health
    )
    other = CommitmentFactory(
        person=person, owner=worker, kind="update", owed_to_relationship=son, topic=None
    )
    client.force_login(worker)
    _record(client, person, son, ["health"])
    _record(client, person, son, ["health"], decision="withdrawn", decided_on="2026-11-21")
    owed.refresh_from_db()
    other.refresh_from_db()
    assert owed.status == "cancelled" and "withdrawn on 21 Nov 2026" in owed.outcome
    assert other.status == "open"
    assert not verdict_for(person, son, health).allowed


def test_a_practice_consent_covers_its_gps(client, worker, person) -> None:
    practice = OrganisationFactory(name="Brookside Surgery")
    surgery = RelationshipFactory(
        person=person, contact=None, organisation=practice, group="partner", role="GP practice"
    )
    gp = RelationshipFactory(
        person=person,
        group="practitioner",
        role="GP",
        contact=ContactFactory(kind="practitioner", profession="GP", organisation=practice),
    )
    client.force_login(worker)
    _record(client, person, surgery, ["health"])
    assert verdict_for(person, gp, Topic.objects.get(code="health")).allowed


def test_the_matrix_keeps_a_bounded_query_count(
    client, worker, person, son, django_assert_max_num_queries
) -> None:
    client.force_login(worker)
    _record(client, person, son, ["care", "health"])
    # 19: the page's reads (the share packs sent among them) plus the four statements of
    # one chained audit event (audit/chain.py)
    with django_assert_max_num_queries(19) as small:
        client.get(reverse("consent:page", args=[person.pk]))
    baseline = len(small)
    for n in range(10):
        rel = RelationshipFactory(person=person, role=f"Cousin {n}")
        _record(client, person, rel, ["care"])
        SharePack.objects.create(person=person, recipient=rel, purpose="x", content={}, bundle={}, by=worker)
    with django_assert_max_num_queries(baseline):
        client.get(reverse("consent:page", args=[person.pk]))
    topics, rows = consent_matrix(person)
    assert len(rows) == 11 and len(topics) == 5


def test_a_future_decision_date_is_refused(client, worker, person, son) -> None:
    client.force_login(worker)
    response = _record(client, person, son, ["care"], decided_on="2999-01-01")
    assert "cannot be dated in the future" in response.content.decode()
    assert not Commitment.objects.exists() and not ConsentRecord.objects.exists()


def test_administrators_keep_the_topic_list(client, administrator, worker) -> None:
    client.force_login(worker)
    assert client.get(reverse("consent:topics")).status_code == 403
    client.force_login(administrator)
    client.post(
        reverse("consent:topic_create"),
        {
            "code": "housing",
            "name": "Housing",
            "description": "Tenancy and repairs",
            "position": 9,
            "is_active": "on",
        },
    )
    housing = Topic.objects.get(code="housing")
    client.post(
        reverse("consent:topic_edit", args=[housing.pk]),
        {"code": "changed", "name": "Housing", "position": 9},
    )
    housing.refresh_from_db()
    assert housing.code == "housing" and not housing.is_active  # the code is fixed; unticked retires it


def test_the_newest_share_packs_are_listed_with_open_print_and_fhir(client, worker, person, son) -> None:
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    packs = [
        SharePack.objects.create(
            person=person,
            recipient=son,
            purpose=f"Purpose {n}",
            content={},
            bundle={"resourceType": "Bundle"},
            by=worker,
            created_at=now - timedelta(days=n),
        )
        for n in range(7)
    ]
    client.force_login(worker)
    body = client.get(reverse("consent:page", args=[person.pk])).content.decode()
    shown = [p for p in packs if f"Purpose {packs.index(p)}<" in body]
    assert shown == packs[:5], "the five newest, no more"
    assert body.index("Purpose 0<") < body.index("Purpose 4<")
    newest = packs[0]
    for url in (
        reverse("share_packs:detail", args=[person.pk, newest.pk]),
        reverse("share_packs:detail", args=[person.pk, newest.pk]) + "?print=1",
        reverse("share_packs:fhir", args=[person.pk, newest.pk]),
    ):
        assert f'href="{url}"' in body
    assert f"{reverse('chronology:timeline', args=[person.pk])}?kind=share_pack" in body
    assert "See all share packs" in body


def test_without_more_packs_there_is_no_see_all(client, worker, person, son) -> None:
    SharePack.objects.create(
        person=person, recipient=son, purpose="Only one", content={}, bundle={}, by=worker
    )
    client.force_login(worker)
    body = client.get(reverse("consent:page", args=[person.pk])).content.decode()
    assert "Only one" in body and "See all share packs" not in body


def test_reopening_and_downloading_a_pack_stay_audited(client, worker, person, son) -> None:
    from audit.models import AuditEvent

    pack = SharePack.objects.create(
        person=person, recipient=son, purpose="x", content={}, bundle={"resourceType": "Bundle"}, by=worker
    )
    client.force_login(worker)
    page = reverse("share_packs:detail", args=[person.pk, pack.pk])
    assert client.get(page, {"print": "1"}).status_code == 200
    fhir = client.get(reverse("share_packs:fhir", args=[person.pk, pack.pk]))
    assert fhir["Content-Type"] == "application/fhir+json" and b'"Bundle"' in fhir.content
    summaries = set(
        AuditEvent.objects.filter(person_id=person.pk, actor=worker).values_list("summary", flat=True)
    )
    assert {"Viewed share pack", "Viewed share pack FHIR bundle"} <= summaries


def test_the_newest_decisions_and_disclosures_are_shown_and_the_timeline_has_every_one(
    client, worker, person, son
) -> None:
    from datetime import date, timedelta

    from consent.selectors import LOG_SHOWN
    from consent.sharing import share

    care = Topic.objects.get(code="care")
    first = date(2026, 1, 1)
    for n in range(LOG_SHOWN + 2):
        ConsentRecord.objects.create(
            person=person,
            recipient=son,
            topic=care,
            decision="given",
            how="verbal",
            decided_on=first + timedelta(days=n),
            recorded_by=worker,
            notes=f"Decision {n}",
        )
    for _ in range(LOG_SHOWN + 1):
        share(actor=worker, person=person, recipient=son, topics=[care])
    client.force_login(worker)
    page = client.get(reverse("consent:page", args=[person.pk]))
    assert len(page.context["history"]) == LOG_SHOWN == len(page.context["shared"])
    body = page.content.decode()
    timeline = reverse("chronology:timeline", args=[person.pk])
    assert f'href="{timeline}?kind=consent"' in body and "See every decision" in body
    assert f'href="{timeline}?kind=shared"' in body and "See everything shared" in body
    every = client.get(timeline, {"kind": ["shared", "consent"]})
    assert every.context["page"].paginator.count == (LOG_SHOWN + 2) + (LOG_SHOWN + 1)
    assert "Care updates shared with Raj Hughes (Son)" in every.content.decode()


def test_a_short_history_has_no_see_all(client, worker, person, son) -> None:
    from consent.sharing import share

    client.force_login(worker)
    _record(client, person, son, ["care"])
    share(actor=worker, person=person, recipient=son, topics=[Topic.objects.get(code="care")])
    body = client.get(reverse("consent:page", args=[person.pk])).content.decode()
    assert "Raj Hughes" in body
    assert "See every decision" not in body and "See everything shared" not in body
