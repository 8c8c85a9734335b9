"""Who may be told what about a person, on what basis, and what was actually shared.

Consent records are never edited: a new decision (given, refused, withdrawn) is a new
record, and the latest one in force for a recipient and topic is what counts.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from circles.models import Relationship
from people.models import Person


class Topic(models.Model):
    """A kind of information (care updates, health…). Administrators keep the list."""

    code = models.SlugField(max_length=30, unique=True)
    name = models.CharField(max_length=80)
    description = models.CharField(max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class ConsentRecord(models.Model):
    class Decision(models.TextChoices):
        GIVEN = "given", "Agreed"
        REFUSED = "refused", "Refused"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class How(models.TextChoices):
        VERBAL = "verbal", "Said so in person or by phone"
        WRITTEN = "written", "In writing"
        ADVOCATE = "advocate", "Through an advocate"
        AUTHORITY = "authority", "By someone with legal authority"
        BEST_INTERESTS = "best_interests", "Best-interests decision"

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="consents")
    recipient = models.ForeignKey(Relationship, on_delete=models.PROTECT, related_name="consents")
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="consents")
    decision = models.CharField(max_length=10, choices=Decision.choices)
    how = models.CharField("how it was obtained", max_length=16, choices=How.choices)
    decided_on = models.DateField("date", default=timezone.localdate)
    review_on = models.DateField("review by", null=True, blank=True)
    lacks_capacity = models.BooleanField("the person lacks capacity for this decision", default=False)
    capacity_assessment = models.TextField(blank=True)
    best_interests = models.TextField("best-interests decision", blank=True)
    authority = models.ForeignKey(
        Relationship,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consents_decided",
        help_text="Who holds legal authority for this decision, from the circle.",
    )
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        indexes = [
            models.Index(fields=["person", "recipient", "topic", "-recorded_at"], name="consent_latest")
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display()}: {self.topic} to {self.recipient_id}"
