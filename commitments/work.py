"""Open work: what is owed and by when, in the sections My day shows, and the full lists
behind them. My day shows the first few of each section and a count; "See all" opens the
whole section here, a page at a time. The cost is the same after years of records: only
open commitments are read, through the index on owner, status and due date."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import models
from django.db.models import Case, Count, DateField, Q, QuerySet, Value, When

from accounts.models import Team, User
from commitments.access import commitments_visible_to
from commitments.models import Commitment, CommitmentQuerySet
from commitments.selectors import lines_by_id
from people.access import in_teams
from rapport.lib.lookups import IdList
from rapport.lib.statements import Slot, Statement, by_id, counts_of, one_row

COMING_UP_DAYS = 7


class Section(models.TextChoices):
    OVERDUE = "overdue", "Overdue"
    TODAY = "today", "Due today"
    REQUESTS = "requests", "Requests waiting for an answer"
    UPDATES = "updates", "Updates owed"
    COMING = "coming", "Coming up this week"
    ALL = "all", "All open work"


def section_filter(section: str, today: Any, coming_until: Any = None) -> Q:
    """The condition for one section on `today`. Both dates may be a statement's slots;
    `coming_until` is then given too (a week ahead, when they are dates)."""
    if coming_until is None:
        coming_until = today + timedelta(days=COMING_UP_DAYS)
    waiting = [Commitment.Kind.REQUEST, Commitment.Kind.UPDATE]
    later = Q(due_on__gt=today)
    return {
        Section.OVERDUE: Q(due_on__lt=today),
        Section.TODAY: Q(due_on=today),
        Section.REQUESTS: later & Q(kind=Commitment.Kind.REQUEST),
        Section.UPDATES: later & Q(kind=Commitment.Kind.UPDATE),
        Section.COMING: later & Q(due_on__lte=coming_until) & ~Q(kind__in=waiting),
        Section.ALL: Q(),
    }[Section(section)]


MY_DAY_SECTIONS = [Section.OVERDUE, Section.TODAY, Section.REQUESTS, Section.UPDATES, Section.COMING]


def open_work(
    viewer: User, *, owner: User | None = None, teams: list[Team] | None = None
) -> CommitmentQuerySet:
    """Open commitments the viewer may see: one owner's, or everything in some teams."""
    work = commitments_visible_to(viewer).open()
    if owner is not None:
        work = work.filter(owner=owner)
    if teams is not None:
        ids = [team.pk for team in teams]
        work = work.filter(in_teams(ids) | Q(person__isnull=True, meeting__team__in=ids))
    return work


def open_work_in_teams(viewer: User, *, people: Any, teams: Any) -> CommitmentQuerySet:
    """Open commitments the viewer may see in some teams, given as the ids of the people
    they support (`supported_by`) and of the teams, each a list or a statement's slot:
    each person's open work is read from its index. Tested against the teams as a subquery
    instead, PostgreSQL walked every open commitment of the service (8 ms at 20,000 people
    for a leader's overdue work; 2 ms this way)."""
    return (
        commitments_visible_to(viewer)
        .open()
        .filter(Q(person_id__one_of=people) | Q(person__isnull=True, meeting__team_id__one_of=teams))
    )


def in_sections(work: QuerySet[Commitment], sections: list[Section], today: Any, coming_until: Any) -> Any:
    """(id, section) of the work in these sections, soonest due first: narrow rows, read
    through the partial index on open work (what one person or team has open, never their
    history)."""
    section = Case(
        *[When(section_filter(s, today, coming_until), then=Value(s.value)) for s in sections],
        default=Value(""),
        output_field=models.CharField(),
    )
    return (
        work.annotate(section=section)
        .exclude(section="")
        .order_by("due_on", "id")
        .values_list("pk", "section")
    )


def first_of_each(rows: Iterable[tuple[int, str]], first: int) -> dict[str, tuple[list[Commitment], int]]:
    """The first few of each section and how many each holds, from `in_sections` rows: only
    the few shown are then read in full, with the people and parties they name."""
    shown: dict[str, list[int]] = {}
    counts: dict[str, int] = {}
    for pk, name in rows:
        counts[name] = counts.get(name, 0) + 1
        if counts[name] <= first:
            shown.setdefault(name, []).append(pk)
    loaded = lines_by_id([pk for ids in shown.values() for pk in ids])
    return {name: ([loaded[pk] for pk in ids if pk in loaded], counts[name]) for name, ids in shown.items()}


@dataclass
class Workload:
    colleague: User
    open: int
    overdue: int


def _colleagues() -> QuerySet[User]:
    return User.objects.filter(is_active=True, memberships__team_id__one_of=Slot("teams", IdList()))


COLLEAGUE_LOAD = Statement(
    lambda: (
        Commitment.objects.open()
        .filter(owner__in=_colleagues().values("pk"))
        .values("owner")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=Slot("today", DateField()))))
    )
)
COLLEAGUE_COUNT = Statement(lambda: one_row(_colleagues()).annotate(n=Count("pk", distinct=True)))
STAFF = Statement(lambda: User.objects.filter(pk__one_of=Slot("ids", IdList())))


def workload(teams: list[Team], today: date, limit: int) -> tuple[list[Workload], int]:
    """Open and overdue work of each colleague in these teams, busiest (most overdue) first,
    counted over open work only (the partial index), never every commitment ever made.
    Returns the first `limit` and how many colleagues there are. (Statements: a leader's
    My day and overview ask this on every visit.)"""
    ids = [team.pk for team in teams]
    load = COLLEAGUE_LOAD.rows(teams=ids, today=today)
    busiest = sorted(load, key=lambda row: (-row["overdue"], -row["open"], row["owner"]))[:limit]
    staff = by_id(STAFF, [row["owner"] for row in busiest])
    rows = [Workload(staff[row["owner"]], row["open"], row["overdue"]) for row in busiest]
    return rows, counts_of(COLLEAGUE_COUNT, teams=ids).get("n", 0)


def in_order(work: QuerySet[Commitment]) -> QuerySet[Commitment]:
    return work.order_by("due_on", "id")
