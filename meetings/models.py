"""Meetings: who came, who was discussed, what was decided and what must be done."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from accounts.models import Team
from circles.models import Contact, Organisation
from people.models import Person

# Kept by name so meetings.versions can write one history row per version of a record,
# not one per many-to-many change; each row holds a correction's reason in full (a sentence
# or two, longer than simple-history's default 100 characters).
MEETING_HISTORY = HistoricalRecords(
    m2m_fields=["people", "staff", "contacts", "organisations"],
    excluded_fields=["version"],
    history_change_reason_field=models.TextField(null=True),
)


class Meeting(models.Model):
    class Kind(models.TextChoices):
        MULTI_AGENCY = "multi_agency", "Multi-agency meeting"
        REVIEW = "review", "Care review"
        BEST_INTERESTS = "best_interests", "Best-interests meeting"
        TEAM = "team", "Team meeting"
        SUPERVISION = "supervision", "Supervision"
        HANDOVER = "handover", "Handover"

    kind = models.CharField("type", max_length=16, choices=Kind.choices)
    title = models.CharField(max_length=160)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="meetings")
    held_at = models.DateTimeField("when")
    location = models.CharField("where", max_length=160, blank=True)
    people = models.ManyToManyField(
        Person, blank=True, related_name="meetings", verbose_name="people discussed"
    )
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="meetings", verbose_name="staff attending"
    )
    contacts = models.ManyToManyField(
        Contact, blank=True, related_name="meetings", verbose_name="others attending"
    )
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="meetings", verbose_name="partner organisations attending"
    )
    supervisee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supervisions",
        help_text="For supervision: the colleague being supervised.",
    )
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = MEETING_HISTORY

    class Meta:
        ordering = ["-held_at", "-id"]
        indexes = [models.Index(fields=["team", "-held_at"], name="meeting_team_when")]

    def __str__(self) -> str:
        return self.title


class DecisionQuerySet(models.QuerySet["Decision"]):
    def standing(self) -> "DecisionQuerySet":
        """Decisions the record still shows: a correction strikes one out, never deletes it."""
        return self.filter(struck_out_at__isnull=True)


class Decision(models.Model):
    """One decision, a line of its own, in the order it was made."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions")
    text = models.TextField()
    position = models.PositiveSmallIntegerField(default=0)
    struck_out_at = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords()

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text[:60]
