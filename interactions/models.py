"""Conversations and messages: who spoke with whom, about whom, how, and what was said."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from circles.models import Channel, Relationship
from people.models import Person
from rapport.lib.dates import day


class Interaction(models.Model):
    class With(models.TextChoices):
        PERSON = "person", "The person themself"
        CIRCLE = "circle", "Someone in their circle"
        COLLEAGUE = "colleague", "A colleague"

    CHANNELS = [*Channel.choices, ("meeting", "Meeting")]

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="interactions")
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="interactions")
    with_kind = models.CharField(max_length=10, choices=With.choices)
    relationship = models.ForeignKey(
        Relationship, on_delete=models.PROTECT, null=True, blank=True, related_name="interactions"
    )
    colleague = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interactions_as_colleague",
    )
    occurred_at = models.DateTimeField("when", default=timezone.now)
    channel = models.CharField(max_length=16, choices=CHANNELS, default=Channel.PHONE)
    summary = models.TextField("what was said")
    understanding_checked = models.BooleanField("checked they understood", default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["person", "-occurred_at"], name="interaction_person_when"),
            models.Index(fields=["relationship", "-occurred_at"], name="interaction_rel_when"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(with_kind="person", relationship__isnull=True, colleague__isnull=True)
                    | models.Q(with_kind="circle", relationship__isnull=False, colleague__isnull=True)
                    | models.Q(with_kind="colleague", relationship__isnull=True, colleague__isnull=False)
                ),
                name="interaction_one_counterpart",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} with {self.counterpart} on {day(self.occurred_at)}"

    @property
    def counterpart(self) -> str:
        if self.relationship_id:
            assert self.relationship is not None
            return f"{self.relationship.party} ({self.relationship.role})"
        if self.colleague_id:
            return str(self.colleague)
        return str(self.person)
