"""A directory of local services, and who was pointed to which."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from circles.models import Relationship
from people.models import Person
from rapport.lib.dates import day
from rapport.lib.search_text import FoldedSearch


class Service(FoldedSearch):
    class Topic(models.TextChoices):
        CARERS = "carers", "Support for carers"
        MONEY = "money", "Money and benefits"
        HOUSING = "housing", "Housing"
        MENTAL_HEALTH = "mental_health", "Mental health"
        DEMENTIA = "dementia", "Dementia"
        SOCIAL = "social", "Company and activities"
        TRANSPORT = "transport", "Transport"
        BEREAVEMENT = "bereavement", "Bereavement"
        ADVOCACY = "advocacy", "Advocacy and legal"
        OTHER = "other", "Other"

    SEARCH_FIELDS = ("name", "helps_with", "area")

    name = models.CharField(max_length=160)
    topic = models.CharField(max_length=16, choices=Topic.choices)
    helps_with = models.TextField("what it helps with")
    how_to_contact = models.TextField("how to contact them")
    area = models.CharField("area covered", max_length=120, blank=True)
    website = models.URLField(blank=True)
    is_active = models.BooleanField("still running", default=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(excluded_fields=["version", "search_text"])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Signposting(models.Model):
    """A person, or someone in their circle, was told about a service."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="signpostings")
    relationship = models.ForeignKey(
        Relationship,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signpostings",
        help_text="Empty when the person themself was signposted.",
    )
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="signpostings")
    signposted_on = models.DateField(default=timezone.localdate)
    notes = models.TextField(blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-signposted_on", "-id"]

    def __str__(self) -> str:
        return f"{self.service} on {day(self.signposted_on)}"

    @property
    def to_whom(self) -> str:
        if self.relationship is not None:
            return f"{self.relationship.party} ({self.relationship.role})"
        return str(self.person)
