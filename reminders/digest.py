"""The daily digest: what each member of staff owes, overdue and due today."""

import logging
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from accounts.models import User
from commitments.access import commitments_visible_to
from commitments.models import Commitment
from commitments.selectors import with_parties
from reminders.models import DigestSent

logger = logging.getLogger(__name__)


@dataclass
class Digest:
    user: User
    day: date
    overdue: list[Commitment]
    due_today: list[Commitment]

    @property
    def is_empty(self) -> bool:
        return not self.overdue and not self.due_today


def digest_for(user: User, day: date) -> Digest:
    owed = with_parties(commitments_visible_to(user).open().filter(owner=user, due_on__lte=day)).order_by(
        "due_on", "id"
    )
    overdue: list[Commitment] = []
    due_today: list[Commitment] = []
    for commitment in owed:
        (overdue if commitment.due_on < day else due_today).append(commitment)
    return Digest(user, day, overdue, due_today)


def _deliver(message: EmailMultiAlternatives, claim_id: int) -> None:
    """Runs after the claim is committed. If the mail server refuses, the claim is withdrawn
    so that a later run sends the digest instead of it being lost for the day."""
    try:
        message.send()
    except Exception:
        logger.exception("The daily digest could not be sent; it will be tried again")
        DigestSent.objects.filter(pk=claim_id).delete()


def send_digest(digest: Digest) -> bool:
    """Send once per person per day; False if there was nothing to send or it was sent already.
    The mail goes out after the claim commits, never while the transaction holds the lock."""
    if digest.is_empty or not digest.user.email:
        return False
    context = {"digest": digest, "site": settings.RAPPORT_SITE_URL}
    message = EmailMultiAlternatives(
        subject=f"Rapport: {len(digest.overdue)} overdue, {len(digest.due_today)} due today",
        body=render_to_string("reminders/digest.txt", context),
        to=[digest.user.email],
    )
    message.attach_alternative(render_to_string("reminders/digest.html", context), "text/html")
    try:
        with transaction.atomic():
            claim = DigestSent.objects.create(user=digest.user, day=digest.day)
            transaction.on_commit(lambda: _deliver(message, claim.pk))
    except IntegrityError:
        return False
    return True


def staff_to_remind() -> list[User]:
    return list(User.objects.filter(is_active=True).exclude(email=""))
