"""Supervision rhythm: when each worker's next supervision is due."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Max, Q, QuerySet
from django.utils import timezone

from accounts.models import User
from meetings.models import Meeting
from rapport.lib.statements import Slot, Statement


def next_supervision(last_held: date | None, every_days: int, today: date) -> date:
    """With none held yet, supervision is due now."""
    return today if last_held is None else last_held + timedelta(days=every_days)


@dataclass(frozen=True)
class SupervisionDue:
    supervisee: User
    last_held: date | None
    due: date

    @property
    def overdue(self) -> bool:
        return self.due < timezone.localdate()


def _with_last_held(users: QuerySet[User]) -> QuerySet[User]:
    return users.annotate(
        last_held=Max("supervisions__held_at", filter=Q(supervisions__kind=Meeting.Kind.SUPERVISION))
    )


SUPERVISEES = Statement(
    lambda: _with_last_held(
        User.objects.filter(
            supervisor_id=Slot("supervisor"), is_active=True, supervision_every_days__isnull=False
        )
    )
)
ONES_OWN = Statement(lambda: _with_last_held(User.objects.filter(pk=Slot("user"))))


def supervisions_due(supervisor: User, today: date, within_days: int = 7) -> list[SupervisionDue]:
    """The supervisor's supervisees whose supervision is due within the week, or overdue."""
    return due_among(SUPERVISEES.rows(supervisor=supervisor.pk), today, within_days)


def due_among(supervisees: Iterable[User], today: date, within_days: int = 7) -> list[SupervisionDue]:
    """Of these supervisees (as SUPERVISEES reads them), those due within the days, soonest first."""
    rows = []
    for user in supervisees:
        held = getattr(user, "last_held", None)
        last = timezone.localdate(held) if held else None
        assert user.supervision_every_days is not None
        due = next_supervision(last, user.supervision_every_days, today)
        if due <= today + timedelta(days=within_days):
            rows.append(SupervisionDue(user, last, due))
    return sorted(rows, key=lambda row: row.due)


def has_a_rhythm(user: User) -> bool:
    """Whether this member of staff is supervised on a rhythm (else there is no next one)."""
    return user.supervisor_id is not None and bool(user.supervision_every_days)


def my_next_supervision(user: User, today: date) -> SupervisionDue | None:
    return next_of(user, ONES_OWN.rows(user=user.pk), today) if has_a_rhythm(user) else None


def next_of(user: User, own: list[User], today: date) -> SupervisionDue | None:
    """The user's next supervision, from their own row as ONES_OWN reads it."""
    if not has_a_rhythm(user):
        return None
    held = getattr(own[0], "last_held", None) if own else None
    last = timezone.localdate(held) if held else None
    assert user.supervision_every_days is not None
    return SupervisionDue(user, last, next_supervision(last, user.supervision_every_days, today))
