"""What a member of staff owes today, and what has slipped, in a fixed number of queries."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from accounts.models import Team, User
from circles.cadence import days_overdue, lapsed_condition
from circles.models import Relationship
from commitments.access import commitments_visible_to
from commitments.models import Commitment
from commitments.selectors import with_parties
from feedback.clocks import Clock
from feedback.models import Feedback
from feedback.selectors import open_with_clocks, with_clocks
from meetings.supervision import SupervisionDue, my_next_supervision, supervisions_due
from people.access import people_visible_to
from people.models import Person

LIST_LIMIT = 50
LAPSED_ON_MY_DAY = 10
TEAM_OVERDUE_ON_MY_DAY = 20
COMING_UP_DAYS = 7


@dataclass
class Lapsed:
    relationship: Relationship
    last_contact: date | None
    days_overdue: int


@dataclass
class Workload:
    colleague: User
    open: int
    overdue: int


@dataclass
class TeamDay:
    teams: list[Team]
    workload: list[Workload]
    overdue: list[Commitment]
    overdue_count: int


@dataclass
class Day:
    today: date
    overdue: list[Commitment] = field(default_factory=list)
    due_today: list[Commitment] = field(default_factory=list)
    requests: list[Commitment] = field(default_factory=list)
    updates: list[Commitment] = field(default_factory=list)
    coming_up: list[Commitment] = field(default_factory=list)
    lapsed: list[Lapsed] = field(default_factory=list)
    lapsed_count: int = 0
    complaints: list[tuple[Feedback, list[Clock]]] = field(default_factory=list)
    supervisions: list[SupervisionDue] = field(default_factory=list)
    my_supervision: SupervisionDue | None = None
    team: TeamDay | None = None


def _mine(user: User, day: Day) -> None:
    horizon = day.today + timedelta(days=COMING_UP_DAYS)
    mine = with_parties(
        commitments_visible_to(user)
        .open()
        .filter(owner=user)
        .filter(Q(due_on__lte=horizon) | Q(kind__in=[Commitment.Kind.REQUEST, Commitment.Kind.UPDATE]))
    ).order_by("due_on", "id")[: LIST_LIMIT * 4]
    for commitment in mine:
        if commitment.due_on < day.today:
            day.overdue.append(commitment)
        elif commitment.due_on == day.today:
            day.due_today.append(commitment)
        elif commitment.kind == Commitment.Kind.REQUEST:
            day.requests.append(commitment)
        elif commitment.kind == Commitment.Kind.UPDATE:
            day.updates.append(commitment)
        else:
            day.coming_up.append(commitment)


def lapsed_contacts(
    people: QuerySet[Person], today: date, limit: int = LIST_LIMIT
) -> tuple[list[Lapsed], int]:
    lapsed = (
        Relationship.objects.current(today)
        .filter(person__in=people.filter(status=Person.Status.ACTIVE), contact_every_days__isnull=False)
        .annotate(last_contact=F("last_contact_at"))  # kept by interactions.services
        .filter(lapsed_condition(today))
    )
    total = lapsed.count()
    rows = []
    for rel in lapsed.select_related("person", "contact", "organisation").order_by(
        "last_contact", "started_on"
    )[:limit]:
        last_day = timezone.localdate(rel.last_contact) if rel.last_contact else None
        assert rel.contact_every_days is not None
        rows.append(
            Lapsed(rel, last_day, days_overdue(rel.contact_every_days, last_day, rel.started_on, today))
        )
    rows.sort(key=lambda lapse: -lapse.days_overdue)
    return rows, total


def _team_day(user: User, today: date) -> TeamDay | None:
    teams = list(Team.objects.led_by(user))
    if not teams:
        return None
    open_here = Q(commitments__status=Commitment.Status.OPEN)
    colleagues = (
        User.objects.filter(is_active=True, memberships__team__in=teams)
        .annotate(
            open=Count("commitments", filter=open_here, distinct=True),
            overdue=Count("commitments", filter=open_here & Q(commitments__due_on__lt=today), distinct=True),
        )
        .order_by("-overdue", "-open", "first_name")
        .distinct()
    )
    in_teams = Q(person__teams__in=teams) | Q(person__isnull=True, meeting__team__in=teams)
    overdue = with_parties(Commitment.objects.open().filter(in_teams, due_on__lt=today)).distinct()
    return TeamDay(
        teams=teams,
        workload=[Workload(u, u.open, u.overdue) for u in colleagues],
        overdue=list(overdue.order_by("due_on", "owner__first_name")[:TEAM_OVERDUE_ON_MY_DAY]),
        overdue_count=overdue.count(),
    )


def my_day(user: User, today: date | None = None) -> Day:
    day = Day(today=today or timezone.localdate())
    _mine(user, day)
    day.lapsed, day.lapsed_count = lapsed_contacts(people_visible_to(user), day.today, LAPSED_ON_MY_DAY)
    day.complaints = with_clocks(list(open_with_clocks(user, handled_by=user)[:LIST_LIMIT]), day.today)
    day.supervisions = supervisions_due(user, day.today)
    day.my_supervision = my_next_supervision(user, day.today)
    day.team = _team_day(user, day.today)
    return day
