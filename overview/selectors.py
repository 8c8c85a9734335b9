"""What a team leader needs to see across the teams they lead, each number with the list
behind it, and how the last twelve weeks went (overview.trends). A fixed number of queries,
each narrowed to the teams' people, read once by id, and, for history, to the twelve weeks."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Exists, OuterRef
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
    complaint_counts,
    in_time_trend,
    overdue_trend,
    rhythm_trend,
    week_ends,
    work_counts,
)
from people.access import supported_by
from people.models import Person
from rapport.lib.lookups import Ids

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
    reviews_overdue: list[Person]
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


def _overdue_by_team(people: Ids, ids: list[int], teams: list[Team], today: date) -> list[TeamOverdue]:
    """Overdue work per team. Each person's open work is read through its index first (as
    a join through the people alone, PostgreSQL read all 20,000 people of the service)."""
    counts = dict(
        Commitment.objects.open()
        .filter(person_id__one_of=people, due_on__lt=today, person__teams__in=ids)
        .values_list("person__teams")
        .annotate(n=Count("pk", distinct=True))
    )
    return [TeamOverdue(team, counts.get(team.pk, 0)) for team in teams]


def overview(user: User, teams: list[Team], today: date | None = None) -> Overview:
    today = today or timezone.localdate()
    ids = [team.pk for team in teams]
    people = Ids(supported_by(ids))
    load, colleague_count = workload(teams, today, COLLEAGUES_SHOWN)
    ends = week_ends(today)
    work, complaints = work_counts(people, ends), complaint_counts(people, ends, today)
    # The teams' people by id: as a subquery, PostgreSQL read every person of the service.
    reviews = Person.objects.filter(pk__one_of=people, status=Person.Status.ACTIVE, review_date__lt=today)
    # Newer decisions about the same people only: as written for any person, PostgreSQL
    # hashed every decision of the service to find those of the teams' people.
    newer = ConsentRecord.objects.filter(
        person_id__one_of=people,
        person=OuterRef("person"),
        recipient=OuterRef("recipient"),
        topic=OuterRef("topic"),
        recorded_at__gt=OuterRef("recorded_at"),
    )
    consents_past_review = (
        ConsentRecord.objects.filter(
            person_id__one_of=people, decision=ConsentRecord.Decision.GIVEN, review_on__lt=today
        )
        .exclude(Exists(newer))
        .count()
    )
    return Overview(
        today=today,
        teams=teams,
        workload=load,
        colleague_count=colleague_count,
        overdue_by_team=_overdue_by_team(people, ids, teams, today),
        complaints_open=complaints["open"],
        complaints_late=complaints["late"],
        reviews_overdue=list(reviews.order_by("review_date", "pk")[:REVIEWS_SHOWN]),
        reviews_overdue_count=reviews.count(),
        consents_past_review=consents_past_review,
        supervisions=supervisions_due(user, today),
        overrides=list(
            SafetyOverride.objects.filter(still_owed("review__"), person_id__one_of=people)
            .select_related("person", "by", "review", "recipient__contact", "recipient__organisation")
            .order_by("at")[:10]
        ),
        referrals_waiting=work["referrals"],
        overdue_trend=overdue_trend(work, ends),
        in_time_trend=in_time_trend(complaints, ends),
        rhythm_trend=rhythm_trend(people, ends),
        learned=list(
            Feedback.objects.filter(
                person_id__one_of=people, kind__in=COMPLAINTS, status=Feedback.Status.CLOSED
            )
            .exclude(learning="")
            .select_related("person")
            .order_by("-responded_on", "-pk")[:LEARNING_SHOWN]
        ),
    )
