"""What a member of staff owes today, and what has slipped, in a fixed number of queries."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, DateField, Window
from django.utils import timezone

from accounts.models import Team, User
from circles.cadence import CUTOFF_SLOTS, Lapsed, cutoffs, lapsed_relationships, lapsed_rows
from commitments.models import Commitment
from commitments.selectors import lines_by_id
from commitments.work import (
    COMING_UP_DAYS,
    MY_DAY_SECTIONS,
    Section,
    Workload,
    first_of_each,
    in_sections,
    open_work,
    open_work_in_teams,
    section_filter,
    workload,
)
from feedback.clocks import Clock
from feedback.models import Feedback
from feedback.selectors import open_with_clocks, with_clocks
from meetings.supervision import ONES_OWN, SUPERVISEES, SupervisionDue, due_among, next_of
from people.access import supported_by
from rapport.lib.lookups import IdList
from rapport.lib.statements import ForViewer, Slot
from rapport.lib.together import read_together

ON_MY_DAY = 5  # the first few of each list; a count and "See all" lead to the rest
COLLEAGUES_ON_MY_DAY = 10
# A statement's slots (rapport.lib.statements): the day My day is about, and a week on.
TODAY, COMING_UNTIL = Slot("today", DateField()), Slot("coming_until", DateField())


@dataclass
class Pile:
    """One section of open work: its first few items and how many there are in all."""

    section: Section
    first: list[Commitment]
    count: int

    @property
    def more(self) -> int:
        return self.count - len(self.first)


@dataclass
class TeamDay:
    teams: list[Team]
    workload: list[Workload]
    colleague_count: int
    overdue: list[Commitment]
    overdue_count: int


@dataclass
class Day:
    today: date
    piles: dict[str, Pile] = field(default_factory=dict)
    lapsed: list[Lapsed] = field(default_factory=list)
    lapsed_count: int = 0
    complaints: list[tuple[Feedback, list[Clock]]] = field(default_factory=list)
    supervisions: list[SupervisionDue] = field(default_factory=list)
    my_supervision: SupervisionDue | None = None
    team: TeamDay | None = None

    def _first(self, section: Section) -> list[Commitment]:
        pile = self.piles.get(section)
        return pile.first if pile else []

    @property
    def overdue(self) -> list[Commitment]:
        return self._first(Section.OVERDUE)

    @property
    def due_today(self) -> list[Commitment]:
        return self._first(Section.TODAY)

    @property
    def requests(self) -> list[Commitment]:
        return self._first(Section.REQUESTS)

    @property
    def updates(self) -> list[Commitment]:
        return self._first(Section.UPDATES)

    @property
    def coming_up(self) -> list[Commitment]:
        return self._first(Section.COMING)


MY_OPEN_WORK = ForViewer(
    lambda me: in_sections(open_work(me, owner=me), MY_DAY_SECTIONS, TODAY, COMING_UNTIL)
)


def _mine(rows: list[tuple[int, str]], day: Day) -> None:
    """A count of every section (read in one query), then the first few of each non-empty one."""
    piles = first_of_each(rows, ON_MY_DAY)
    for section in MY_DAY_SECTIONS:
        if section in piles:
            first, count = piles[section]
            day.piles[section] = Pile(section, first, count)


LAPSED = ForViewer(
    lambda me: (
        lapsed_relationships(me, TODAY, CUTOFF_SLOTS)
        .annotate(total=Window(Count("pk")))
        .values_list("pk", "total")[:ON_MY_DAY]
    )
)


MY_COMPLAINTS = ForViewer(lambda me: open_with_clocks(me, handled_by=me)[:ON_MY_DAY])


def lapsed_from(first: list[tuple[int, int]], today: date) -> tuple[list[Lapsed], int]:
    """The longest lapsed in full, and how many there are, from LAPSED's few ids and count."""
    rows = lapsed_rows([pk for pk, _ in first], today)
    return sorted(rows, key=lambda lapse: -lapse.days_overdue), first[0][1] if first else 0


LED = ForViewer(lambda me: Team.objects.led_by(me))
TEAM_OVERDUE = ForViewer(
    lambda me: (
        open_work_in_teams(me, people=Slot("people", IdList()), teams=Slot("teams", IdList()))
        .filter(section_filter(Section.OVERDUE, TODAY))
        .annotate(total=Window(Count("pk")))
        .order_by("due_on", "owner__first_name", "id")
        .values_list("pk", "total")[:ON_MY_DAY]
    )
)


def _team_day(user: User, today: date) -> TeamDay | None:
    teams = LED.rows(user)
    if not teams:
        return None
    load, colleague_count = workload(teams, today, COLLEAGUES_ON_MY_DAY)
    # The first few ids and how many there are, narrow; then only those few in full (joined
    # to the parties of every overdue item of the teams first, the count took 15 ms at
    # 20,000 people).
    ids = [team.pk for team in teams]
    first = TEAM_OVERDUE.rows(user, today=today, people=supported_by(ids), teams=ids)
    lines = lines_by_id([pk for pk, _ in first])
    return TeamDay(
        teams=teams,
        workload=load,
        colleague_count=colleague_count,
        overdue=[lines[pk] for pk, _ in first if pk in lines],
        overdue_count=first[0][1] if first else 0,
    )


def my_day(user: User, today: date | None = None) -> Day:
    """The page's first reads, which need nothing but the user and the day, go to the
    database together (rapport.lib.together); what they choose is then read in full."""
    day = Day(today=today or timezone.localdate())
    mine, lapsed, complaints, supervisees, own = read_together(
        MY_OPEN_WORK.pending(user, today=day.today, coming_until=day.today + timedelta(days=COMING_UP_DAYS)),
        LAPSED.pending(user, today=day.today, **cutoffs(day.today)),
        MY_COMPLAINTS.pending(user),
        SUPERVISEES.pending(supervisor=user.pk),
        ONES_OWN.pending(user=user.pk),
    )
    _mine(mine, day)
    day.lapsed, day.lapsed_count = lapsed_from(lapsed, day.today)
    day.complaints = with_clocks(complaints, day.today)
    day.supervisions = due_among(supervisees, day.today)
    day.my_supervision = next_of(user, own, day.today)
    day.team = _team_day(user, day.today)
    return day
