"""How the last twelve weeks went for a leader's teams: work overdue, complaints answered in
time, agreed rhythms of contact kept. Each week ends `WEEKS - n` weeks before today.

Each count is one read of the teams' people's records (a few hundred index look-ups), and
each is a statement (rapport.lib.statements): the twelve weeks make these the largest
queries of any page (two dozen filtered counts), and compiling them afresh cost more than
running them. The week ends are slots, so the SQL is the same whatever the day.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection
from django.db.models import CharField, Count, DateField, DateTimeField, F, Q, QuerySet
from django.db.models.functions import Cast, TruncDate
from django.utils import timezone

from circles.models import Relationship
from commitments.models import Commitment, still_owed
from feedback.models import Feedback
from interactions.models import Interaction
from overview.charts import Chart, bar_chart
from people.models import Person
from rapport.lib.lookups import IdList
from rapport.lib.statements import Pending, Slot, Statement, counts_in, one_row

WEEKS = 12
COMPLAINTS = [Feedback.Kind.COMPLAINT, Feedback.Kind.CONCERN]


def week_ends(today: date) -> list[date]:
    return [today - timedelta(weeks=n) for n in range(WEEKS - 1, -1, -1)]


def _end_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max)).astimezone(UTC)


def _by_week(slot: str, values: list[Any]) -> dict[str, Any]:
    """Each week's value for the week's slot (`day0` … `day11`)."""
    return {f"{slot}{i}": value for i, value in enumerate(values)}


def _label(end: date) -> str:
    return f"{end.day} {end:%b}"


def _work_counts(rows: QuerySet[Commitment]) -> QuerySet[Any]:
    is_open = still_owed()
    weeks = {
        f"w{i}": Count(
            "pk",
            filter=Q(
                created_at__lte=Slot(f"end{i}", DateTimeField()), due_on__lt=Slot(f"day{i}", DateField())
            )
            & (Q(closed_at__isnull=True) | Q(closed_at__gt=Slot(f"end{i}", DateTimeField()))),
        )
        for i in range(WEEKS)
    }
    return one_row(rows).annotate(
        referrals=Count("pk", filter=is_open & Q(kind=Commitment.Kind.REFERRAL)), **weeks
    )


def _open_work_counts_query() -> QuerySet[Any]:
    return _work_counts(Commitment.objects.filter(still_owed(), person_id__one_of=Slot("people", IdList())))


def _closed_work_counts_query() -> QuerySet[Any]:
    return _work_counts(
        Commitment.objects.filter(
            person_id__one_of=Slot("people", IdList()), closed_at__gte=Slot("since", DateTimeField())
        ).exclude(still_owed())
    )


# Work still open, and work closed within the twelve weeks, counted apart and added up: as
# one condition ("open, or closed lately") PostgreSQL read every commitment the teams' people
# ever had (20,000 rows for 400 people) to keep a tenth; apart, each part is read from its
# own index (commitment_person_due, commitment_person_closed).
OPEN_WORK_COUNTS = Statement(_open_work_counts_query)
CLOSED_WORK_COUNTS = Statement(_closed_work_counts_query)


def work_reads(people: list[int], ends: list[date]) -> tuple[Pending[Any], Pending[Any]]:
    """The referrals waiting now, and how many things were overdue at the end of each week
    (open then, and past due then), as two reads to send with others: only work still open,
    or closed within the twelve weeks, can count. `work_counts` adds up their answers."""
    since = _end_of(ends[0] - timedelta(days=7))
    weeks = _by_week("end", [_end_of(end) for end in ends]) | _by_week("day", ends)
    return (
        OPEN_WORK_COUNTS.pending(people=people, **weeks),
        CLOSED_WORK_COUNTS.pending(people=people, since=since, **weeks),
    )


def work_counts(still_open_rows: list[Any], closed_rows: list[Any]) -> dict[str, int]:
    still_open, closed = counts_in(still_open_rows), counts_in(closed_rows)
    return {name: (still_open.get(name) or 0) + (closed.get(name) or 0) for name in still_open | closed}


def overdue_trend(counts: dict[str, int], ends: list[date]) -> Chart:
    points: list[tuple[str, float | None]] = [
        (_label(end), float(counts.get(f"w{i}") or 0)) for i, end in enumerate(ends)
    ]
    return bar_chart("Things overdue at the end of each week", "overdue", points)


def _complaint_counts_query() -> QuerySet[Any]:
    today = Slot("today", DateField())
    weeks = {
        f"w{i}": Q(
            responded_on__gt=Slot(f"after{i}", DateField()), responded_on__lte=Slot(f"day{i}", DateField())
        )
        for i in range(WEEKS)
    }
    in_time = Q(respond_by__isnull=False, responded_on__lte=F("respond_by"))
    is_open = Q(status=Feedback.Status.OPEN)
    return one_row(
        Feedback.objects.filter(person_id__one_of=Slot("people", IdList()), kind__in=COMPLAINTS)
    ).annotate(
        open=Count("pk", filter=is_open),
        late=Count(
            "pk",
            filter=is_open
            & (Q(respond_by__lt=today) | Q(acknowledge_by__lt=today, acknowledged_on__isnull=True)),
        ),
        **{f"all_{k}": Count("pk", filter=q) for k, q in weeks.items()},
        **{f"met_{k}": Count("pk", filter=q & in_time) for k, q in weeks.items()},
    )


COMPLAINT_COUNTS = Statement(_complaint_counts_query)


def complaint_read(people: list[int], ends: list[date], today: date) -> Pending[Any]:
    """The people's complaints and concerns (a few each) open now and past a deadline now,
    and for each week those answered and those answered within their deadline: a read to
    send with others, its answer read by `counts_in`."""
    weeks = _by_week("after", [end - timedelta(days=7) for end in ends]) | _by_week("day", ends)
    return COMPLAINT_COUNTS.pending(people=people, today=today, **weeks)


def in_time_trend(counts: dict[str, int], ends: list[date]) -> Chart:
    """The share of complaints and concerns answered within their deadline, week by week."""
    points: list[tuple[str, float | None]] = []
    for i, end in enumerate(ends):
        total = counts.get(f"all_w{i}") or 0
        share = float(round(100 * (counts.get(f"met_w{i}") or 0) / total)) if total else None
        points.append((_label(end), share))
    return bar_chart("Complaints and concerns answered in time (%)", "% in time", points, top=100)


STILL_SUPPORTED = Statement(
    lambda: (
        Person.objects.filter(pk__one_of=Slot("people", IdList()), status=Person.Status.ACTIVE)
        .order_by()
        .values_list("pk", flat=True)
    )
)
RHYTHMS = Statement(
    lambda: (
        Relationship.objects.filter(
            person_id__one_of=Slot("people", IdList()), contact_every_days__isnull=False
        )
        .order_by()
        .values_list("pk", "contact_every_days", "started_on", "ended_on")
    )
)


def _talks() -> QuerySet[Interaction]:
    return Interaction.objects.filter(
        relationship_id__one_of=Slot("rhythms", IdList()), occurred_at__gte=Slot("since", DateTimeField())
    )


# The days (in the service's time zone) each rhythm had a conversation: a rhythm is kept in
# whole days. On PostgreSQL the database gives the days, which are read far faster than
# moments (psycopg's own loader for dates, where Django's time zone loader for moments took
# 10 microseconds a row: 1,000 rows for a leader of two teams at 20,000 people, 15 ms of the
# overview). SQLite would work each day out through a Python function per row, slower than
# reading the moments and taking their days here. It reads each moment as the text it keeps
# (UTC, ISO 8601), past Django's loader, which parsed and checked it afresh in Python: a
# leader of two teams at 20,000 people, 32,000 Python calls and 11 ms for the trend, most of
# them that.
TALK_DAYS = Statement(
    lambda: (
        _talks()
        .annotate(day=TruncDate("occurred_at", tzinfo=ZoneInfo(settings.TIME_ZONE)))
        .order_by("day")
        .values_list("relationship_id", "day")
        .distinct()
    )
)
TALK_TIMES = Statement(
    lambda: (
        _talks()
        .order_by("occurred_at")
        .values_list("relationship_id", Cast("occurred_at", output_field=CharField()))
    )
)


def _talk_days(rhythms: list[int], since: datetime) -> Iterable[tuple[int, date]]:
    """(relationship, day of a conversation), in the order of the days."""
    if connection.vendor == "postgresql":
        return TALK_DAYS.rows(rhythms=rhythms, since=since)
    stored_in, zone = connection.timezone, ZoneInfo(settings.TIME_ZONE)
    moments = TALK_TIMES.rows(rhythms=rhythms, since=since)
    return (
        (rel, datetime.fromisoformat(when).replace(tzinfo=stored_in).astimezone(zone).date())
        for rel, when in moments
    )


def rhythm_trend(people: list[int], ends: list[date]) -> Chart:
    """The share of agreed rhythms of contact that were kept, as they stood at the end of each
    week: the last conversation on or before that day no more than the rhythm's days before
    it. Reads the relationships with a rhythm of the people still supported (found first by
    id: as a join on every relationship, PostgreSQL read all 20,000 people of the service to
    find a leader's few hundred) and the days they had a conversation in the twelve weeks
    (and one rhythm before), nothing older. Each rhythm finds, for each week it was due, its
    last day of conversation by bisection over those days in order."""
    rhythms: dict[int, tuple[int, date, date | None]] = {
        pk: (every or 0, started, ended)
        for pk, every, started, ended in RHYTHMS.rows(people=STILL_SUPPORTED.rows(people=people))
    }
    longest = max([every for every, _, _ in rhythms.values()] + [0])
    talked: dict[int, list[date]] = {}
    since = _end_of(ends[0] - timedelta(days=longest + 7))
    for rel, day in _talk_days(list(rhythms), since) if rhythms else ():
        talked.setdefault(rel, []).append(day)
    due, kept = [0] * len(ends), [0] * len(ends)
    for pk, (every, started, ended) in rhythms.items():
        # Due at the end of the weeks from a full rhythm after it started to its end, if any.
        first = bisect_left(ends, started + timedelta(days=every))
        last = bisect_right(ends, ended) if ended is not None else len(ends)
        days, window = talked.get(pk, []), timedelta(days=every)
        for week in range(first, last):
            end = ends[week]
            seen = bisect_right(days, end)  # days of conversation up to this week's end
            due[week] += 1
            kept[week] += seen > 0 and days[seen - 1] > end - window
    points: list[tuple[str, float | None]] = [
        (_label(end), float(round(100 * kept[week] / due[week])) if due[week] else None)
        for week, end in enumerate(ends)
    ]
    return bar_chart("Agreed contact kept to its rhythm (%)", "% kept", points, top=100)
