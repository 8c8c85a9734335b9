"""Checks of the whole audit trail, asked for from the administrators' page and run in the
background (audit.tasks). (`manage.py verify_audit` walks the trail in place, for a terminal.)

The walk reads every event ever written: on a service of some years, millions, and minutes
of work. So the page never walks it: it asks for a check, and shows the newest one, its
progress while it runs and what it found when it ends.
"""

from datetime import timedelta
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from audit.chain import verify
from audit.models import AuditEvent, ChainCheck
from audit.services import audit_record

if TYPE_CHECKING:
    from django.contrib.auth.models import _User as User

# A walk reports every few thousand events, well under a second apart; one that has said
# nothing for this long (its worker stopped, or no worker is running) is no longer under way.
STALLED_AFTER = timedelta(minutes=10)
Status = ChainCheck.Status


def stalled(check: ChainCheck) -> bool:
    return bool(check.under_way) and timezone.now() - check.heard_at > STALLED_AFTER


def newest() -> tuple[ChainCheck | None, ChainCheck | None]:
    """The check under way, if any, and the newest one that ended: what the page shows."""
    under_way = ChainCheck.objects.filter(under_way=True).select_related("asked_by").first()
    ended = ChainCheck.objects.filter(under_way__isnull=True).select_related("asked_by").first()
    return under_way, ended


def _stop(check_id: int, problem: str) -> None:
    ChainCheck.objects.filter(pk=check_id, under_way=True).update(
        status=Status.STOPPED, under_way=None, finished_at=timezone.now(), problem=problem
    )


def ask_for_check(*, actor: "User", request: HttpRequest | None = None) -> tuple[ChainCheck, bool]:
    """Start a check unless one is under way: (that check, whether it is new). One left
    silent too long is marked stopped first, so a lost worker never blocks the next check.
    The task is queued once the request's transaction has committed."""
    from audit.tasks import check_the_trail

    current = ChainCheck.objects.filter(under_way=True).first()
    if current is not None and stalled(current):
        _stop(current.pk, "It stopped reporting before it reached the end, so it was interrupted.")
        current = None
    if current is not None:
        return current, False
    try:
        with transaction.atomic():
            check = ChainCheck.objects.create(asked_by=actor)
            audit_record(
                actor=actor,
                action=AuditEvent.Action.CREATE,
                obj=check,
                summary="Asked for a check of the whole audit trail",
                request=request,
            )
    except IntegrityError:  # another administrator's check began a moment ago
        return ChainCheck.objects.get(under_way=True), False
    transaction.on_commit(lambda: check_the_trail.enqueue(check.pk))
    return check, True


def run_check(check_id: int) -> ChainCheck | None:
    """Walk the trail for a check that is waiting, reporting as it goes. A check that is no
    longer waiting (already run, or stopped) is left alone."""
    if not ChainCheck.objects.filter(pk=check_id, status=Status.WAITING, under_way=True).update(
        status=Status.RUNNING, heard_at=timezone.now()
    ):
        return None

    def heard(checked: int) -> None:
        ChainCheck.objects.filter(pk=check_id).update(checked=checked, heard_at=timezone.now())

    try:
        report = verify(progress=heard)
    except Exception:
        _stop(check_id, "It stopped with an error before it reached the end.")
        raise
    ended = timezone.now()
    ChainCheck.objects.filter(pk=check_id).update(
        status=Status.DONE,
        under_way=None,
        checked=report.checked,
        heard_at=ended,
        finished_at=ended,
        broken_at=report.broken_at,
        problem=report.problem[:255],
    )
    return ChainCheck.objects.get(pk=check_id)
