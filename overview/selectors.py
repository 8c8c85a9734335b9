"""What a team leader needs to see across the teams they lead, each number with the list
behind it, and how the last twelve weeks went. A fixed number of queries, each narrowed to
the teams' people (EXISTS on the person's teams) and, for history, to the twelve weeks."""

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone

from accounts.models import Team, User
from circles.models import Relationship
from commitments.models import Commitment
from commitments.work import Workload, workload
from consent.models import ConsentRecord, SafetyOverride
from feedback.models import Feedback
from interactions.models import Interaction
from meetings.supervision import SupervisionDue, supervisions_due
from overview.charts import Chart, bar_chart
from people.access import supported_by
from people.models import Person
from rapport.lib.lookups import Ids

COLLEAGUES_SHOWN = 25
REVIEWS_SHOWN = 5
WEEKS = 12
LEARNING_SHOWN = 8
COMPLAINTS = [Feedback.Kind.COMPLAINT, Feedback.Kind.CONCERN]


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


def _end_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max)).astimezone(UTC)


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


def _overdue_trend(people: Ids, ends: list[date]) -> Chart:
    """How many things were overdue at the end of each week: open then, and past due then.
    Only work still open or closed within the twelve weeks can count."""
    since = _end_of(ends[0] - timedelta(days=7))
    candidates = Commitment.objects.filter(person_id__one_of=people, due_on__lt=ends[-1]).filter(
        Q(status=Commitment.Status.OPEN) | Q(closed_at__gte=since)
    )
    counts = candidates.aggregate(
        **{
            f"w{i}": Count(
                "pk",
                filter=Q(created_at__lte=_end_of(end), due_on__lt=end)
                & (Q(closed_at__isnull=True) | Q(closed_at__gt=_end_of(end))),
            )
            for i, end in enumerate(ends)
        }
    )
    points: list[tuple[str, float | None]] = [
        (f"{end.day} {end:%b}", float(counts[f"w{i}"] or 0)) for i, end in enumerate(ends)
    ]
    return bar_chart("Things overdue at the end of each week", "overdue", points)


def _in_time_trend(people: Ids, ends: list[date]) -> Chart:
    """The share of complaints and concerns answered within their deadline, week by week."""
    weeks = {
        f"w{i}": Q(responded_on__gt=end - timedelta(days=7), responded_on__lte=end)
        for i, end in enumerate(ends)
    }
    in_time = Q(respond_by__isnull=False, responded_on__lte=F("respond_by"))
    counts = (
        Feedback.objects.filter(
            person_id__one_of=people, kind__in=COMPLAINTS, responded_on__gt=ends[0] - timedelta(days=7)
        )
        .filter(responded_on__lte=ends[-1])
        .aggregate(
            **{f"all_{k}": Count("pk", filter=q) for k, q in weeks.items()},
            **{f"met_{k}": Count("pk", filter=q & in_time) for k, q in weeks.items()},
        )
    )
    points: list[tuple[str, float | None]] = []
    for i, end in enumerate(ends):
        total = counts[f"all_w{i}"] or 0
        share = float(round(100 * (counts[f"met_w{i}"] or 0) / total)) if total else None
        points.append((f"{end.day} {end:%b}", share))
    return bar_chart("Complaints and concerns answered in time (%)", "% in time", points, top=100)


def _rhythm_trend(people: Ids, ends: list[date]) -> Chart:
    """The share of agreed rhythms of contact that were kept, as they stood at the end of each
    week: the last conversation before then no older than the rhythm. Reads the teams'
    relationships with a rhythm and their conversations of the twelve weeks (and one rhythm
    before), nothing older. Each rhythm finds, for each week it was due, its last conversation by
    bisection over its conversations in time order."""
    rhythms: dict[int, tuple[int, date, date | None]] = {
        pk: (every or 0, started, ended)
        for pk, every, started, ended in Relationship.objects.filter(
            person_id__one_of=Ids(_still_supported(people)), contact_every_days__isnull=False
        )
        .order_by()
        .values_list("pk", "contact_every_days", "started_on", "ended_on")
    }
    longest = max([every for every, _, _ in rhythms.values()] + [0])
    since = _end_of(ends[0] - timedelta(days=longest + 7))
    talks: dict[int, list[datetime]] = {}
    for rel, when in (
        Interaction.objects.filter(relationship_id__one_of=Ids(rhythms), occurred_at__gte=since)
        .order_by("occurred_at")
        .values_list("relationship_id", "occurred_at")
    ):
        talks.setdefault(rel, []).append(when)
    cutoffs = [_end_of(end) for end in ends]
    due, kept = [0] * len(ends), [0] * len(ends)
    for pk, (every, started, ended) in rhythms.items():
        # Due at the end of the weeks from a full rhythm after it started to its end, if any.
        first = bisect_left(ends, started + timedelta(days=every))
        last = bisect_right(ends, ended) if ended is not None else len(ends)
        times, window = talks.get(pk, []), timedelta(days=every)
        for week in range(first, last):
            cutoff = cutoffs[week]
            seen = bisect_right(times, cutoff)  # talks up to this week's end
            due[week] += 1
            kept[week] += seen > 0 and times[seen - 1] > cutoff - window
    points: list[tuple[str, float | None]] = [
        (f"{end.day} {end:%b}", float(round(100 * kept[week] / due[week])) if due[week] else None)
        for week, end in enumerate(ends)
    ]
    return bar_chart("Agreed contact kept to its rhythm (%)", "% kept", points, top=100)


def _still_supported(people: Ids) -> list[int]:
    """Those of these people still supported. As a join on every relationship instead,
    PostgreSQL read all 20,000 people of the service to find a leader's few hundred."""
    return list(
        Person.objects.filter(pk__one_of=people, status=Person.Status.ACTIVE)
        .order_by()
        .values_list("pk", flat=True)
    )


def overview(user: User, teams: list[Team], today: date | None = None) -> Overview:
    today = today or timezone.localdate()
    ids = [team.pk for team in teams]
    people = Ids(supported_by(ids))
    load, colleague_count = workload(teams, today, COLLEAGUES_SHOWN)
    complaints = Feedback.objects.filter(
        person_id__one_of=people, kind__in=COMPLAINTS, status=Feedback.Status.OPEN
    ).aggregate(
        open=Count("pk"),
        late=Count(
            "pk",
            filter=Q(respond_by__lt=today) | Q(acknowledge_by__lt=today, acknowledged_on__isnull=True),
        ),
    )
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
    ends = [today - timedelta(weeks=n) for n in range(WEEKS - 1, -1, -1)]
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
            SafetyOverride.objects.filter(person_id__one_of=people, review__status=Commitment.Status.OPEN)
            .select_related("person", "by", "review", "recipient__contact", "recipient__organisation")
            .order_by("at")[:10]
        ),
        referrals_waiting=Commitment.objects.open()
        .filter(person_id__one_of=people, kind=Commitment.Kind.REFERRAL)
        .count(),
        overdue_trend=_overdue_trend(people, ends),
        in_time_trend=_in_time_trend(people, ends),
        rhythm_trend=_rhythm_trend(people, ends),
        learned=list(
            Feedback.objects.filter(
                person_id__one_of=people, kind__in=COMPLAINTS, status=Feedback.Status.CLOSED
            )
            .exclude(learning="")
            .select_related("person")
            .order_by("-responded_on", "-pk")[:LEARNING_SHOWN]
        ),
    )
