"""What a team leader needs to see across the teams they lead, each number with the list
behind it, and how the last twelve weeks went (overview.trends). A fixed number of queries,
each narrowed to the teams' people, read once by id, and, for history, to the twelve weeks."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db import connection
from django.db.models import Count, DateField, Exists, OuterRef, Q, QuerySet, Window
from django.utils import timezone

from accounts.models import Team, User
from commitments.models import Commitment, still_owed
from commitments.work import Workload, workload
from consent.models import ConsentRecord, SafetyOverride
from feedback.models import Feedback
from meetings.supervision import SupervisionDue, supervisions_due
from overview.charts import Chart
from overview.trends import (
    COMPLAINTS,
    complaint_read,
    in_time_trend,
    overdue_trend,
    rhythm_trend,
    week_ends,
    work_counts,
    work_reads,
)
from people.access import supported_by
from people.models import Person
from rapport.lib.lookups import IdList
from rapport.lib.statements import Slot, Statement, counts_in, counts_of, one_row
from rapport.lib.together import read_together

COLLEAGUES_SHOWN = 25
REVIEWS_SHOWN = 5
LEARNING_SHOWN = 8


@dataclass
class TeamOverdue:
    team: Team
    overdue: int


@dataclass
class Overview:
    today: date
    teams: list[Team]
    workload: list[Workload]
    colleague_count: int
    overdue_by_team: list[TeamOverdue]
    complaints_open: int
    complaints_late: int
    reviews_overdue: Sequence[Person]
    reviews_overdue_count: int
    consents_past_review: int
    supervisions: list[SupervisionDue]
    overrides: list[SafetyOverride]
    referrals_waiting: int
    overdue_trend: Chart
    in_time_trend: Chart
    rhythm_trend: Chart
    learned: list[Feedback] = field(default_factory=list)

    @property
    def overdue_total(self) -> int:
        return sum(row.overdue for row in self.overdue_by_team)

    def people_named(self) -> list[int]:
        named = [p.pk for p in self.reviews_overdue] + [o.person_id for o in self.overrides]
        return named + [f.person_id for f in self.learned]


# Each list and count is a statement (rapport.lib.statements): compiled once, then run with
# the teams' people (by id: as a subquery, PostgreSQL read every person of the service).
OVERDUE_BY_TEAM = Statement(
    lambda: (
        Commitment.objects.open()
        .filter(
            person_id__one_of=Slot("people", IdList()),
            due_on__lt=Slot("today", DateField()),
            person__teams__id__one_of=Slot("teams", IdList()),
        )
        .values_list("person__teams")
        .annotate(n=Count("pk", distinct=True))
    )
)
REVIEWS_OVERDUE = Statement(
    lambda: (
        Person.objects.filter(
            pk__one_of=Slot("people", IdList()),
            status=Person.Status.ACTIVE,
            review_date__lt=Slot("today", DateField()),
        )
        .annotate(total=Window(Count("pk")))
        .order_by("review_date", "pk")[:REVIEWS_SHOWN]
    )
)


def _consents_past_review() -> QuerySet[ConsentRecord]:
    """Decisions to share that were due for review and are still the latest about their
    person, recipient and topic. Newer decisions are looked for among the same people
    only: as written for any person, PostgreSQL hashed every decision of the service."""
    people = Slot("people", IdList())
    at = OuterRef("recorded_at")
    newer = ConsentRecord.objects.filter(  # later, or at the same moment and written after
        Q(recorded_at__gt=at) | Q(recorded_at=at, pk__gt=OuterRef("pk")),
        person_id__one_of=people,
        person=OuterRef("person"),
        recipient=OuterRef("recipient"),
        topic=OuterRef("topic"),
    )
    given = ConsentRecord.objects.filter(
        person_id__one_of=people,
        decision=ConsentRecord.Decision.GIVEN,
        review_on__lt=Slot("today", DateField()),
    )
    return one_row(given.exclude(Exists(newer))).annotate(n=Count("pk"))


CONSENTS_PAST_REVIEW = Statement(_consents_past_review)
# On PostgreSQL, the latest decision about each person, recipient and topic read straight
# off the consent_latest index (which carries the decision and its review date): one pass
# in the index's order, where looking for a newer decision beside each one (above) joined
# the teams' 10,000 decisions with themselves, 20 ms at 20,000 people, now 8.
LATEST_DECISIONS = Statement(
    lambda: (
        ConsentRecord.objects.filter(person_id__one_of=Slot("people", IdList()))
        .order_by("person_id", "recipient_id", "topic_id", "-recorded_at", "-id")  # as the model's
        .distinct("person_id", "recipient_id", "topic_id")
        .values_list("decision", "review_on")
    )
)


def consents_past_review(people: list[int], today: date) -> int:
    """How many of these people's current decisions to share are past their review date."""
    if connection.vendor != "postgresql":
        return counts_of(CONSENTS_PAST_REVIEW, people=people, today=today).get("n", 0)
    compiled = LATEST_DECISIONS.bound(people=people).compiled()
    if compiled is None:
        return 0
    _, sql, params = compiled
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) FROM ({sql}) AS latest WHERE decision = %s AND review_on < %s",
            [*params, ConsentRecord.Decision.GIVEN.value, today],
        )
        return int(cursor.fetchone()[0])


OVERRIDES = Statement(
    lambda: (
        SafetyOverride.objects.filter(still_owed("review__"), person_id__one_of=Slot("people", IdList()))
        .select_related("person", "by", "review", "recipient__contact", "recipient__organisation")
        .order_by("at")[:10]
    )
)
LEARNED = Statement(
    lambda: (
        Feedback.objects.filter(
            person_id__one_of=Slot("people", IdList()), kind__in=COMPLAINTS, status=Feedback.Status.CLOSED
        )
        .exclude(learning="")
        .select_related("person")
        .order_by("-responded_on", "-pk")[:LEARNING_SHOWN]
    )
)


def overview(user: User, teams: list[Team], today: date | None = None) -> Overview:
    today = today or timezone.localdate()
    ids = [team.pk for team in teams]
    people = supported_by(ids)
    load, colleague_count = workload(teams, today, COLLEAGUES_SHOWN)
    ends = week_ends(today)
    # What needs only the teams' people, in one round trip (rapport.lib.together).
    still_open, closed, complaint_rows, overdue_rows, reviews, overrides, learned = read_together(
        *work_reads(people, ends),
        complaint_read(people, ends, today),
        OVERDUE_BY_TEAM.pending(people=people, today=today, teams=ids),
        REVIEWS_OVERDUE.pending(people=people, today=today),
        OVERRIDES.pending(people=people),
        LEARNED.pending(people=people),
    )
    work, complaints = work_counts(still_open, closed), counts_in(complaint_rows)
    overdue = dict(overdue_rows)
    return Overview(
        today=today,
        teams=teams,
        workload=load,
        colleague_count=colleague_count,
        overdue_by_team=[TeamOverdue(team, overdue.get(team.pk, 0)) for team in teams],
        complaints_open=complaints.get("open", 0),
        complaints_late=complaints.get("late", 0),
        reviews_overdue=reviews,
        reviews_overdue_count=reviews[0].total if reviews else 0,
        consents_past_review=consents_past_review(people, today),
        supervisions=supervisions_due(user, today),
        overrides=overrides,
        referrals_waiting=work.get("referrals", 0),
        overdue_trend=overdue_trend(work, ends),
        in_time_trend=in_time_trend(complaints, ends),
        rhythm_trend=rhythm_trend(people, ends),
        learned=learned,
    )
