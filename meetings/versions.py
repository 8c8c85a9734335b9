"""Versions of a meeting record, kept so a correction never loses what was first written.

Each recording or correction writes ONE history row of the meeting, after its attendees and
decisions are in place, carrying who, when and why (django-simple-history would otherwise
write a row for every many-to-many change, and a version would be half a correction).
Decisions keep their own history; a version shows those standing at its moment.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from accounts.models import User
from circles.models import Contact
from meetings.models import MEETING_HISTORY, Decision, Meeting

VERSIONS_SHOWN = 20  # the newest; older ones stay in the history tables and the audit trail
_ROWS_READ = 200  # history rows read to build them (a legacy recording wrote up to five)


def keep_version(meeting: Meeting, *, actor: User, reason: str = "", first: bool = False) -> None:
    """Write the one history row of this version, with the correction's reason (if any).

    Writers set `meeting.skip_history_when_saving` while they change the meeting, its
    attendees and decisions, then call this once at the end."""
    if hasattr(meeting, "skip_history_when_saving"):
        del meeting.skip_history_when_saving
    meeting._change_reason = reason or None  # type: ignore[attr-defined]
    meeting._history_user = actor  # type: ignore[attr-defined]
    MEETING_HISTORY.create_historical_record(meeting, "+" if first else "~")


@dataclass(frozen=True)
class Version:
    number: int
    at: datetime
    by: User | None
    reason: str
    title: str
    held_at: datetime
    location: str
    notes: str
    staff: list[User] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    organisations: list[Any] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)

    @property
    def is_correction(self) -> bool:
        return bool(self.reason)


def _history_rows(meeting: Meeting) -> list[Any]:
    H = Meeting.history.model
    rows = list(
        H.objects.filter(id=meeting.pk)
        .select_related("history_user")
        .prefetch_related(
            "historicalmeeting_staff_set__user",
            "historicalmeeting_contacts_set__contact__organisation",
            "historicalmeeting_organisations_set__organisation",
        )
        .order_by("-history_date", "-history_id")[:_ROWS_READ]
    )
    rows.reverse()
    return rows


def _groups(rows: list[Any]) -> list[list[Any]]:
    """A version starts at the recording or at a correction (a row with a reason); rows in
    between come from older writes that saved each many-to-many change on its own."""
    groups: list[list[Any]] = []
    for row in rows:
        if not groups or row.history_type == "+" or row.history_change_reason:
            groups.append([row])
        else:
            groups[-1].append(row)
    return groups


def _decisions_at(meeting: Meeting, moments: list[datetime]) -> list[list[str]]:
    """The decisions standing at each moment, in order, from the decisions' own history."""
    H = Decision.history.model
    history = list(H.objects.filter(meeting_id=meeting.pk).order_by("history_date", "history_id"))
    with_history = {row.id for row in history}
    unversioned = [d for d in Decision.objects.filter(meeting=meeting) if d.pk not in with_history]
    shown = []
    for moment in moments:
        latest: dict[int, Any] = {}
        for row in history:
            if row.history_date <= moment:
                latest[row.id] = row
        standing = [r for r in latest.values() if r.history_type != "-" and r.struck_out_at is None]
        standing += [d for d in unversioned if d.struck_out_at is None]
        shown.append([d.text for d in sorted(standing, key=lambda d: (d.position, d.id))])
    return shown


def versions_of(meeting: Meeting) -> list[Version]:
    """Every kept version (the newest VERSIONS_SHOWN), oldest first."""
    every = _groups(_history_rows(meeting))
    groups = every[-VERSIONS_SHOWN:]
    first_number = len(every) - len(groups) + 1
    lasts = [group[-1] for group in groups]
    decisions = _decisions_at(meeting, [row.history_date for row in lasts])
    return [
        Version(
            number=first_number + n,
            at=group[0].history_date,
            by=group[0].history_user,
            reason=group[0].history_change_reason or "",
            title=last.title,
            held_at=last.held_at,
            location=last.location,
            notes=last.notes,
            staff=[r.user for r in last.historicalmeeting_staff_set.all()],
            contacts=[r.contact for r in last.historicalmeeting_contacts_set.all()],
            organisations=[r.organisation for r in last.historicalmeeting_organisations_set.all()],
            decisions=decided,
        )
        for n, (group, last, decided) in enumerate(zip(groups, lasts, decisions, strict=True))
    ]
