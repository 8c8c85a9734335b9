"""Compliments, concerns and complaints about the support a person receives."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from circles.models import Channel, Relationship
from people.models import Person
from rapport.lib.dates import day


class Feedback(models.Model):
    class Kind(models.TextChoices):
        COMPLIMENT = "compliment", "Compliment"
        CONCERN = "concern", "Concern"
        COMPLAINT = "complaint", "Complaint"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="feedback")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    from_person = models.BooleanField(default=False)
    from_relationship = models.ForeignKey(
        Relationship, on_delete=models.PROTECT, null=True, blank=True, related_name="feedback"
    )
    from_name = models.CharField("from someone else", max_length=120, blank=True)
    received_on = models.DateField(default=timezone.localdate)
    channel = models.CharField(max_length=16, choices=Channel.choices, default=Channel.PHONE)
    about = models.TextField("what it is about")
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="feedback_handled"
    )
    acknowledge_by = models.DateField(null=True, blank=True)
    respond_by = models.DateField(null=True, blank=True)
    acknowledged_on = models.DateField(null=True, blank=True)
    responded_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    outcome = models.TextField(blank=True)
    learning = models.TextField("what we learned", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name_plural = "feedback"
        indexes = [
            models.Index(fields=["status", "kind", "respond_by"], name="feedback_open_clock"),
            models.Index(fields=["handler", "status"], name="feedback_handler"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} received {day(self.received_on)}"

    @property
    def from_whom(self) -> str:
        if self.from_relationship_id:
            assert self.from_relationship is not None
            return f"{self.from_relationship.party} ({self.from_relationship.role})"
        if self.from_person:
            return str(self.person)
        return self.from_name or "Not recorded"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN
