"""A tamper-evident audit trail: each event carries a hash over its content and the previous
event's hash, and a seal of every link is kept in an add-only table.

Editing a row changes its hash; deleting or inserting one breaks the sequence or the next
link; deleting the newest rows leaves seals with no event. `verify()` walks the chain in
order, streaming, and names the first broken link (`manage.py verify_audit`, and the
administrators' "Audit trail check" page).
"""

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import transaction

from audit.models import AuditChainHead, AuditEvent, AuditSeal

GENESIS = "0" * 64
_BATCH = 5000


def content_of(event: AuditEvent) -> bytes:
    """What the hash covers: every field a reader relies on, in a fixed form."""
    fields = {
        "seq": event.seq,
        "at": event.at.isoformat(),
        "actor": event.actor_id,
        "action": event.action,
        "person": event.person_id,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "summary": event.summary,
        "path": event.path,
        "ip_address": event.ip_address or "",
        "user_agent": event.user_agent,
        "reason": event.reason,
    }
    return json.dumps(fields, sort_keys=True, ensure_ascii=False, default=str).encode()


def link(previous_hash: str, event: AuditEvent) -> str:
    return hashlib.sha256(previous_hash.encode() + b"\n" + content_of(event)).hexdigest()


def append(event: AuditEvent) -> AuditEvent:
    """Save a new event as the next link."""
    return append_many([event])[0]


def append_many(events: list[AuditEvent]) -> list[AuditEvent]:
    """Save new events as consecutive links in a fixed number of statements (a list or
    search shows many people; each look is written against each person). The head row is
    locked for the rest of the transaction, so events saved at once are chained one after
    the other."""
    if not events:
        return events
    with transaction.atomic():
        head = AuditChainHead.objects.select_for_update().filter(pk=1).first()
        if head is None:
            head = AuditChainHead.objects.create(pk=1, seq=0, chain_hash=GENESIS)
        first = seq = head.seq
        previous = head.chain_hash
        for event in events:
            seq += 1
            event.seq = seq
            event.chain_hash = previous = link(previous, event)
        AuditEvent.objects.bulk_create(events)
        AuditSeal.objects.bulk_create(
            [AuditSeal(seq=first + n, chain_hash=e.chain_hash) for n, e in enumerate(events, start=1)]
        )
        head.seq, head.chain_hash = seq, previous
        head.save(update_fields=["seq", "chain_hash"])
    return events


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_at: int | None = None  # the seq of the first broken link
    problem: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def _in_order(queryset: object) -> Iterator[object]:
    """Stream rows in seq order in batches (keyset paging: flat memory, no OFFSET)."""
    last = 0
    while True:
        batch = list(queryset.filter(seq__gt=last).order_by("seq")[:_BATCH])  # type: ignore[attr-defined]
        if not batch:
            return
        yield from batch
        last = batch[-1].seq


def verify() -> ChainReport:
    previous, expected, checked = GENESIS, 1, 0
    seals = _in_order(AuditSeal.objects.all())
    unchained = AuditEvent.objects.filter(seq__isnull=True).order_by("id").first()
    if unchained is not None:
        return ChainReport(0, 0, f"Event {unchained.pk} ({unchained.summary!r}) is outside the chain.")
    for event in _in_order(AuditEvent.objects.all()):
        assert isinstance(event, AuditEvent) and event.seq is not None
        if event.seq != expected:
            return ChainReport(checked, expected, f"Events {expected} to {event.seq - 1} are missing.")
        if link(previous, event) != event.chain_hash:
            return ChainReport(checked, event.seq, f"Event {event.seq} was changed or inserted.")
        seal = next(seals, None)
        if not isinstance(seal, AuditSeal) or seal.seq != event.seq or seal.chain_hash != event.chain_hash:
            return ChainReport(checked, event.seq, f"Event {event.seq} does not match its seal.")
        previous, expected, checked = event.chain_hash, expected + 1, checked + 1
    extra = next(seals, None)
    if isinstance(extra, AuditSeal):
        return ChainReport(
            checked, extra.seq, f"Events from {extra.seq} on were deleted; their seals remain."
        )
    return ChainReport(checked)
