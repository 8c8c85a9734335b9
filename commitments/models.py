"""Anything owed: a promise, a request to answer, an agreed action, a referral, an update."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from circles.models import Relationship
from people.models import Person


def still_owed(through: str = "") -> models.Q:
    """The one condition for open work, the database twin of `is_open`: for a count among
    others (`Count(filter=...)`), or from another model (`still_owed("review__")`)."""
    return models.Q(**{f"{through}status": Commitment.Status.OPEN})


class CommitmentQuerySet(models.QuerySet["Commitment"]):
    def open(self) -> "CommitmentQuerySet":
        """Still owed (see still_owed)."""
        return self.filter(still_owed())


class Commitment(models.Model):
    class Kind(models.TextChoices):
        PROMISE = "promise", "Promise"
        REQUEST = "request", "Request to answer"
        ACTION = "action", "Agreed action"
        REFERRAL = "referral", "Referral to follow up"
        UPDATE = "update", "Update owed"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"
        CANCELLED = "cancelled", "Cancelled"

    # No index of its own: commitment_person_due and commitment_person_closed both start with
    # the person. Left in, PostgreSQL's plan made without values chose it for "closed since",
    # reading all of a team's commitments ever to find the last twelve weeks'.
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="commitments", db_index=False
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PROMISE)
    title = models.CharField("what is owed", max_length=200)
    details = models.TextField(blank=True)
    owed_to_person = models.BooleanField(default=False)
    owed_to_relationship = models.ForeignKey(
        Relationship, on_delete=models.PROTECT, null=True, blank=True, related_name="commitments"
    )
    owed_to_staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="commitments_owed_to_me",
    )
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="commitments")
    due_on = models.DateField("due")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    outcome = models.TextField(blank=True)
    needs_consent_check = models.BooleanField(default=False)
    topic = models.ForeignKey(
        "consent.Topic",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="For an update owed: what kind of information it shares.",
    )
    interaction = models.ForeignKey(
        "interactions.Interaction",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="commitments",
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
    )
    change = models.ForeignKey(
        "changes.Change",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="updates_owed",
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(excluded_fields=["version"])

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        # Open work is a small, steady share of everything ever owed: the partial indexes
        # hold only open commitments, so My day and the open-work lists read the same few
        # rows however many years of closed ones lie behind them.
        indexes = [
            models.Index(
                fields=["owner", "due_on"], condition=models.Q(status="open"), name="commitment_open_owner"
            ),
            models.Index(fields=["due_on"], condition=models.Q(status="open"), name="commitment_open_due"),
            models.Index(fields=["person", "status", "due_on"], name="commitment_person_due"),
            # A leader's overview counts the work its people closed in the last twelve weeks.
            models.Index(fields=["person", "closed_at"], name="commitment_person_closed"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_owed_outward(self) -> bool:
        """Owed to someone in the person's circle: doing it tells them something about the
        person (an answer to a practitioner's request, a referral followed up, a promised
        call), so closing it as done goes through the consent gate."""
        return self.owed_to_relationship_id is not None and self.person_id is not None

    @property
    def is_open(self) -> bool:
        """The Python twin of `Commitment.objects.open()`."""
        return self.status == self.Status.OPEN

    @property
    def owed_to(self) -> str:
        if self.owed_to_relationship_id:
            assert self.owed_to_relationship is not None
            rel = self.owed_to_relationship
            return f"{rel.party} ({rel.role})"
        if self.owed_to_staff_id:
            return str(self.owed_to_staff)
        if self.owed_to_person and self.person is not None:
            return str(self.person)
        return ""

    def days_overdue(self, today: date | None = None) -> int:
        today = today or timezone.localdate()
        return (today - self.due_on).days if self.is_open and self.due_on < today else 0
