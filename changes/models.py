"""An observed change in a person's mood, behaviour, health or needs."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from people.models import Person
from rapport.lib.dates import day


class Change(models.Model):
    class Area(models.TextChoices):
        MOOD = "mood", "Mood"
        BEHAVIOUR = "behaviour", "Behaviour"
        HEALTH = "health", "Physical health"
        FALL = "fall", "A fall or mobility"
        EATING = "eating", "Eating and drinking"
        MEMORY = "memory", "Memory and thinking"
        NEEDS = "needs", "Care and support needs"

    class Significance(models.TextChoices):
        MINOR = "minor", "Minor: worth noting"
        MODERATE = "moderate", "Moderate: others involved should know"
        SIGNIFICANT = "significant", "Significant: tell people today"
        URGENT = "urgent", "Urgent: needs action now"

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="changes")
    area = models.CharField("what has changed", max_length=12, choices=Area.choices)
    significance = models.CharField("how significant", max_length=12, choices=Significance.choices)
    observed_at = models.DateTimeField("noticed", default=timezone.now)
    description = models.TextField("what you noticed")
    action_taken = models.TextField("what you have done so far", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-observed_at", "-id"]
        indexes = [models.Index(fields=["person", "-observed_at"], name="change_person_when")]

    def __str__(self) -> str:
        return f"{self.get_area_display()} ({self.significance}) on {day(self.observed_at)}"
