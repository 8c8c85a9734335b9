"""The timeline reads a fixed number of queries however long a person's history grows."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from changes.models import Change
from chronology.views import PER_PAGE
from commitments.models import Commitment
from consent.models import ConsentRecord, SharePack, Topic
from feedback.models import Feedback
from interactions.models import Interaction
from meetings.models import Meeting
from rapport.testing.factories import RelationshipFactory, ServiceFactory
from recognition.models import Recognition
from signposting.models import Signposting

DAY = datetime(2026, 1, 1, tzinfo=UTC)


def _history(person, worker, daughter, n: int, *, newest: datetime) -> None:
    """One record of every kind about the person on each of `n` days before `newest`
    (bulk: this is about reading them). Each day's records share one moment, midnight UTC,
    where a date-only record sorts too: every page holds every kind, however deep."""
    team = person.teams.get()
    service = ServiceFactory()
    topic = Topic.objects.get(code="health")
    days = [newest - timedelta(days=i) for i in range(n)]
    Interaction.objects.bulk_create(
        Interaction(
            person=person, staff=worker, with_kind="circle", relationship=daughter, occurred_at=d, summary="s"
        )
        for d in days
    )
    Change.objects.bulk_create(
        Change(
            person=person,
            area="mood",
            significance="minor",
            observed_at=d,
            description="d",
            recorded_by=worker,
        )
        for d in days
    )
    Commitment.objects.bulk_create(
        Commitment(
            person=person,
            kind="update",
            title="t",
            owner=worker,
            created_by=worker,
            due_on=d.date(),
            owed_to_relationship=daughter,
            created_at=d,
            status="done",
            closed_at=d,
            closed_by=worker,
        )
        for d in days
    )
    Feedback.objects.bulk_create(
        Feedback(
            person=person,
            kind="compliment",
            from_relationship=daughter,
            about="a",
            handler=worker,
            recorded_by=worker,
            received_on=d.date(),
        )
        for d in days
    )
    meetings = Meeting.objects.bulk_create(
        Meeting(kind="review", title="m", team=team, held_at=d, recorded_by=worker) for d in days
    )
    Meeting.people.through.objects.bulk_create(
        Meeting.people.through(meeting=m, person=person) for m in meetings
    )
    Recognition.objects.bulk_create(
        Recognition(
            kind="thanks",
            person=person,
            relationship=daughter,
            given_by=worker,
            given_on=d.date(),
            what_for="w",
        )
        for d in days
    )
    Signposting.objects.bulk_create(
        Signposting(person=person, relationship=daughter, service=service, by=worker, signposted_on=d.date())
        for d in days
    )
    SharePack.objects.bulk_create(
        SharePack(
            person=person, recipient=daughter, purpose="p", content={}, bundle={}, by=worker, created_at=d
        )
        for d in days
    )
    ConsentRecord.objects.bulk_create(
        ConsentRecord(
            person=person,
            recipient=daughter,
            topic=topic,
            decision="given",
            how="verbal",
            decided_on=d.date(),
            recorded_by=worker,
        )
        for d in days
    )


def _count(client, path: str, query: dict) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, query)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "query",
    [{}, {"page": "2"}, {"kind": ["conversation", "meeting", "share_pack"]}, {"member": "daughter"}],
)
def test_the_query_count_stays_flat_when_the_history_grows_tenfold(
    client, worker, person, query, django_assert_max_num_queries
) -> None:
    daughter = RelationshipFactory(person=person, role="Daughter")
    if query.get("member"):
        query = {"member": str(daughter.pk)}
    path = reverse("chronology:timeline", args=[person.pk])
    client.force_login(worker)
    _history(person, worker, daughter, 12, newest=DAY)
    client.get(path, query)  # the session is warm, as on every page after the first
    deep = _count(client, path, query)
    _history(person, worker, daughter, 108, newest=DAY + timedelta(days=108))  # newer, on top
    with django_assert_max_num_queries(deep) as captured:
        response = client.get(path, query)
    assert len(captured) == deep, "the timeline's queries grew with the history"
    assert len(response.context["entries"]) == PER_PAGE
    # The session and user (2), the person and the audited look at them (7), the circle,
    # the count and the page (3), and one read per model on the page (9): never per record.
    # On PostgreSQL, two commands around those reads keep one plan for them.
    assert deep <= 21 + (2 if connection.vendor == "postgresql" else 0)
