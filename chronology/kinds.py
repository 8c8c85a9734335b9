"""The kinds of record on a person's timeline, each read through its own app's rules.

Each kind names its model, its records about a person (`records`, through the app's own
visibility rule) and what an entry shows. `rows` is narrow, (kind, id, when, relationship)
of each record, so the database can put every kind in one order (a UNION) and cut one page
there; only the records shown are then read (`selectors.entries_for`), and `entry` turns
each into an `Entry`, the same shape whatever it came from.

A kind with no `relationship` field has no link to anyone in the circle: filtering by a
circle member leaves it out.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any

from django.db.models import CharField, DateTimeField, F, IntegerField, Model, QuerySet, Value
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from changes.models import Change
from commitments.models import Commitment
from consent.models import ConsentRecord, Disclosure, SharePack
from consent.selectors import pack_links
from feedback.models import Feedback
from interactions.models import Interaction
from meetings.access import meetings_visible_to
from meetings.models import Meeting
from people.models import Person
from rapport.lib.date_filter import date_filter
from rapport.lib.dates import day
from recognition.models import Recognition
from signposting.models import Signposting

PARTIES = ("contact", "organisation")


@dataclass(frozen=True)
class Entry:
    """One line of the timeline. `when` is a date where the record keeps only a day."""

    kind: str
    label: str
    when: datetime | date
    title: str
    by: str
    text: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)  # (text, address)
    note: str = ""  # a short fact beside who recorded it: who owes it and by when

    @property
    def has_time(self) -> bool:
        return isinstance(self.when, datetime)

    @cached_property
    def _local(self) -> datetime | date:
        if isinstance(self.when, datetime) and timezone.is_aware(self.when):
            return timezone.localtime(self.when)
        return self.when

    @cached_property
    def when_shown(self) -> str:
        """The day (and time) as a line shows it, written once: a line shows it twice, and
        a page of 25 lines formatting each through the template's date filter cost a tenth
        of the timeline's work. Written by the house `|date`, as every template's dates are."""
        return date_filter(self._local, "j M Y, H:i" if self.has_time else "j M Y")

    @property
    def when_iso(self) -> str:
        return self._local.isoformat()


@dataclass(frozen=True)
class Kind:
    code: str
    name: str  # as offered in the filter: what the checkbox shows
    model: type[Model]
    records: Callable[[Person, User], QuerySet[Any]]
    when: str
    relationship: str | None
    related: tuple[str, ...]
    entry: Callable[[Any], Entry]

    def rows(self, person: Person, user: User, member: int | None = None) -> QuerySet[Any] | None:
        """(kind, id, when, relationship) of this kind's records about the person, or None
        when a member is chosen and this kind never names one."""
        found = self.records(person, user)
        if member is not None:
            if self.relationship is None:
                return None
            found = found.filter(**{self.relationship: member})
        when: F | Cast = F(self.when)
        if not isinstance(self.model._meta.get_field(self.when), DateTimeField):
            when = Cast(self.when, DateTimeField())  # a day sorts as its first moment
        return (
            found.order_by()
            .annotate(
                entry_kind=Value(self.code, output_field=CharField()),
                entry_id=F("pk"),
                entry_at=when,
                entry_rel=F(self.relationship) if self.relationship else Value(None, IntegerField()),
            )
            .values_list("entry_kind", "entry_id", "entry_at", "entry_rel")
        )


def _party(relationship: Any) -> str:
    return f"{relationship.party} ({relationship.role})"


def _with_parties(path: str) -> tuple[str, ...]:
    return tuple(f"{path}__{p}" for p in PARTIES)


def _of_person(model: type[Model], **conditions: Any) -> Callable[[Person, User], QuerySet[Any]]:
    """Records about a person the reader may already see (the person rule was applied when
    the page loaded the person): their own app shows them to everyone who sees the person."""
    return lambda person, user: model._default_manager.filter(person=person, **conditions)


def _conversation(i: Interaction) -> Entry:
    return Entry(
        "conversation",
        "Conversation",
        i.occurred_at,
        f"{i.get_channel_display()} with {i.counterpart}",
        str(i.staff),
        i.summary,
    )


def _change(c: Change) -> Entry:
    return Entry(
        "change",
        "Change noticed",
        c.observed_at,
        f"{c.get_area_display()}: {c.get_significance_display()}",
        str(c.recorded_by),
        c.description,
        [("Open", reverse("changes:detail", args=[c.person_id, c.pk]))],
    )


def _owed_title(c: Commitment) -> str:
    to = f" to {c.owed_to}" if c.owed_to else ""
    return f"{c.get_kind_display()}{to}: {c.title}"


def _owed(c: Commitment) -> Entry:
    status = "still open" if c.is_open else c.get_status_display().lower()
    return Entry(
        "owed",
        "Owed",
        c.created_at,
        _owed_title(c),
        str(c.created_by),
        c.details,
        note=f"{c.owner} to do by {day(c.due_on)}, {status}",
    )


def _done(c: Commitment) -> Entry:
    assert c.closed_at is not None
    return Entry("done", "Done", c.closed_at, _owed_title(c), str(c.closed_by or c.owner), c.outcome)


def _feedback(f: Feedback) -> Entry:
    return Entry(
        "feedback",
        f.get_kind_display(),
        f.received_on,
        f"{f.get_kind_display()} from {f.from_whom}" + ("" if f.is_open else " (closed)"),
        str(f.recorded_by),
        f.about,
        [("Open", reverse("feedback:detail", args=[f.person_id, f.pk]))],
    )


def _meeting(m: Meeting) -> Entry:
    return Entry(
        "meeting",
        "Meeting",
        m.held_at,
        f"{m.get_kind_display()}: {m.title}",
        str(m.recorded_by),
        links=[("Open", reverse("meetings:detail", args=[m.pk]))],
    )


def _thanks(r: Recognition) -> Entry:
    return Entry("thanks", "Thanks", r.given_on, f"Thanks to {r.recipient}", str(r.given_by), r.what_for)


def _signposting(s: Signposting) -> Entry:
    return Entry(
        "signposting",
        "Signposting",
        s.signposted_on,
        f"{s.to_whom} told about {s.service}",
        str(s.by),
        s.notes,
        [("Open", reverse("signposting:service", args=[s.service_id]))],
    )


def _share_pack(p: SharePack) -> Entry:
    return Entry(
        "share_pack",
        "Share pack",
        p.created_at,
        f"Shared with {_party(p.recipient)}",
        str(p.by),
        p.purpose,
        pack_links(p),
    )


def _shared(d: Disclosure) -> Entry:
    basis = f"Safety override: {d.override.reason}" if d.override else "With their consent"
    title = f"{d.topic} shared with {_party(d.recipient)}"
    return Entry("shared", "Shared", d.shared_at, title, str(d.by), basis)


def _consent(r: ConsentRecord) -> Entry:
    text = r.notes
    if r.lacks_capacity:
        text = "Best-interests decision" + (f", authority: {_party(r.authority)}" if r.authority else "")
    return Entry(
        "consent",
        "Consent",
        r.decided_on,
        f"{r.get_decision_display()}: {r.topic} to {_party(r.recipient)}",
        str(r.recorded_by),
        text,
        [("Open", reverse("consent:page", args=[r.person_id]))],
    )


# Things owed and things done are the same records, read once for both.
COMMITMENT_PARTIES = (
    "created_by",
    "closed_by",
    "owner",
    "owed_to_staff",
    *_with_parties("owed_to_relationship"),
)
KINDS = [
    Kind(
        "conversation",
        "Conversations",
        Interaction,
        _of_person(Interaction),
        "occurred_at",
        "relationship",
        ("staff", "colleague", *_with_parties("relationship")),
        _conversation,
    ),
    Kind(
        "change",
        "Changes noticed",
        Change,
        _of_person(Change),
        "observed_at",
        None,
        ("recorded_by",),
        _change,
    ),
    Kind(
        "owed",
        "Owed (updates, promises, requests)",
        Commitment,
        _of_person(Commitment),
        "created_at",
        "owed_to_relationship",
        COMMITMENT_PARTIES,
        _owed,
    ),
    Kind(
        "done",
        "Done (updates given, promises kept)",
        Commitment,
        _of_person(Commitment, status=Commitment.Status.DONE, closed_at__isnull=False),
        "closed_at",
        "owed_to_relationship",
        COMMITMENT_PARTIES,
        _done,
    ),
    Kind(
        "feedback",
        "Complaints, concerns and compliments",
        Feedback,
        _of_person(Feedback),
        "received_on",
        "from_relationship",
        ("recorded_by", *_with_parties("from_relationship")),
        _feedback,
    ),
    Kind(
        # Only meetings the reader may open: one that also discussed someone outside their
        # teams is left out altogether (its date and kind would say where else they were discussed).
        "meeting",
        "Meetings",
        Meeting,
        lambda person, user: meetings_visible_to(user).filter(people=person),
        "held_at",
        None,
        ("recorded_by",),
        _meeting,
    ),
    Kind(
        "thanks",
        "Thanks",
        Recognition,
        _of_person(Recognition, kind=Recognition.Kind.THANKS),
        "given_on",
        "relationship",
        ("given_by", *_with_parties("relationship")),
        _thanks,
    ),
    Kind(
        "signposting",
        "Signposting",
        Signposting,
        _of_person(Signposting),
        "signposted_on",
        "relationship",
        ("by", "service", *_with_parties("relationship")),
        _signposting,
    ),
    Kind(
        "share_pack",
        "Share packs",
        SharePack,
        _of_person(SharePack),
        "created_at",
        "recipient",
        ("by", *_with_parties("recipient")),
        _share_pack,
    ),
    Kind(
        "shared",
        "Information shared",
        Disclosure,
        _of_person(Disclosure),
        "shared_at",
        "recipient",
        ("by", "topic", "override", *_with_parties("recipient")),
        _shared,
    ),
    Kind(
        "consent",
        "Consent decisions",
        ConsentRecord,
        _of_person(ConsentRecord),
        "decided_on",
        "recipient",
        ("recorded_by", "topic", *_with_parties("recipient"), *_with_parties("authority")),
        _consent,
    ),
]
KIND_OF = {kind.code: kind for kind in KINDS}
