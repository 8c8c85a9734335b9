"""Reads of consent: the facts the rule needs, and the matrix a worker reads at a glance."""

from dataclasses import dataclass
from datetime import date, datetime

from django.urls import reverse
from django.utils import timezone

from circles.counterparts import current_circle
from circles.models import Relationship
from consent.models import ConsentRecord, Disclosure, SharePack, Topic
from consent.rules import Fact, Recipient, Verdict, may_share
from people.models import Person
from rapport.lib.columns import own, party, staff_name
from rapport.lib.statements import Slot, Statement, known_as

PERSON = Slot("person")
LOG_SHOWN = 10  # the newest decisions and disclosures on the consent page; the timeline has them all


FACTS = Statement(
    lambda: (
        ConsentRecord.objects.filter(person_id=PERSON)
        .order_by()
        .values_list(
            "pk",
            "recipient_id",
            "recipient__organisation_id",
            "topic__code",
            "decision",
            "recorded_at",
            "decided_on",
        )
    )
)


def facts_for(person: Person) -> list[Fact]:
    """Every decision the person has made, as the rule reads them: plain values, not rows (a
    person's years of decisions are read on every consent check)."""
    return [
        Fact(
            relationship_id=recipient_id,
            organisation_id=organisation_id,
            topic=topic,
            decision=decision,
            recorded_at=recorded_at,
            decided_on=decided_on,
            record_id=pk,
        )
        for pk, recipient_id, organisation_id, topic, decision, recorded_at, decided_on in FACTS.rows(
            person=person.pk
        )
    ]


def as_recipient(relationship: Relationship) -> Recipient:
    organisation = relationship.organisation_id
    if organisation is None and relationship.contact is not None:
        organisation = relationship.contact.organisation_id
    return Recipient(relationship.pk, organisation)


def verdict_for(
    person: Person,
    relationship: Relationship,
    topic: Topic,
    at: datetime | None = None,
    facts: list[Fact] | None = None,
) -> Verdict:
    """May this topic go to this relationship at `at` (now)? Pass `facts` when deciding
    many at once, to read the person's consent records only once."""
    return may_share(
        facts=facts_for(person) if facts is None else facts,
        recipient=as_recipient(relationship),
        topic=topic.code,
        at=at or timezone.now(),
        topic_name=topic.name,
    )


@dataclass
class Cell:
    """One recipient and topic on the consent grid. The state is said in words and marked
    with a symbol, never by colour alone."""

    topic: Topic
    verdict: Verdict
    review_due: bool

    STATES = {
        "given": ("agreed", "Agreed", "✓"),
        "refused": ("refused", "Refused", "✗"),
        "withdrawn": ("withdrawn", "Withdrawn", "✗"),
        "": ("not-asked", "Not asked yet", "?"),
    }

    @property
    def state(self) -> str:
        return self.STATES[self.verdict.decision][0]

    @property
    def label(self) -> str:
        return self.STATES[self.verdict.decision][1]

    @property
    def mark(self) -> str:
        return self.STATES[self.verdict.decision][2]


@dataclass
class Row:
    relationship: Relationship
    cells: list[Cell]


REVIEWS = Statement(
    lambda: (
        ConsentRecord.objects.filter(person_id=PERSON, review_on__isnull=False)
        .order_by()
        .values_list("pk", "review_on")
    )
)


def consent_matrix(person: Person, today: date | None = None) -> tuple[list[Topic], list[Row]]:
    """Recipients (the current circle) by topics, each cell the decision in force now."""
    today = today or timezone.localdate()
    topics = list(Topic.objects.filter(is_active=True))
    facts = facts_for(person)
    reviews = dict(REVIEWS.rows(person=person.pk))
    now = timezone.now()
    rows = []
    for rel in current_circle(person):
        cells = []
        for topic in topics:
            verdict = verdict_for(person, rel, topic, at=now, facts=facts)
            review_on = reviews.get(verdict.record_id or 0)
            cells.append(Cell(topic, verdict, bool(verdict.allowed and review_on and review_on < today)))
        rows.append(Row(rel, cells))
    return topics, rows


SHARED = Statement(
    lambda: (
        Disclosure.objects.filter(person_id=PERSON)
        .select_related("recipient__contact", "recipient__organisation", "topic", "by", "override")
        .only(
            "shared_at",
            "recipient_id",
            "topic_id",
            "by_id",
            "override_id",
            "topic__name",
            "override__reason",
            *party("recipient"),
            *staff_name("by"),
        )
        .order_by("-shared_at", "-id")[: LOG_SHOWN + 1]
    )
)


def sharing_log(person: Person) -> list[Disclosure]:
    """The newest disclosures about the person, one more than LOG_SHOWN to tell that there
    are more (the full log is the timeline's)."""
    return SHARED.rows(person=person.pk)


HISTORY = Statement(
    lambda: (
        ConsentRecord.objects.filter(person_id=PERSON)
        .select_related(
            "recipient__contact",
            "recipient__organisation",
            "topic",
            "recorded_by",
            "authority__contact",
            "authority__organisation",
        )
        .only(
            *own(ConsentRecord),
            "topic__name",
            *party("recipient"),
            *party("authority"),
            *staff_name("recorded_by"),
        )
        .order_by("-recorded_at", "-id")[: LOG_SHOWN + 1]
    )
)


def history_for(person: Person) -> list[ConsentRecord]:
    """The newest decisions recorded, one more than LOG_SHOWN to tell that there are more
    (every one is on the timeline)."""
    return HISTORY.rows(person=person.pk)


PACKS_SHOWN = 5
PACKS = Statement(
    lambda: (
        SharePack.objects.filter(person_id=PERSON)
        .select_related("by", "recipient__contact", "recipient__organisation")
        .order_by("-created_at", "-id")[: PACKS_SHOWN + 1]
    )
)


def packs_sent(person: Person) -> list[SharePack]:
    """The newest share packs sent about the person; one more than PACKS_SHOWN, to tell
    that there are more to see."""
    packs = PACKS.rows(person=person.pk)
    known_as(packs, person=person)
    return packs


def pack_links(pack: SharePack) -> list[tuple[str, str]]:
    """Reopen a pack, print it again (its page opens the print dialog when asked) and fetch
    its FHIR Bundle again: each is the pack's own audited page."""
    page = reverse("share_packs:detail", args=[pack.person_id, pack.pk])
    return [
        ("Open", page),
        ("Print", f"{page}?print=1"),
        ("Download FHIR", reverse("share_packs:fhir", args=[pack.person_id, pack.pk])),
    ]
