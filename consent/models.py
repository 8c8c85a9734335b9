"""Who may be told what about a person, on what basis, and what was actually shared.

Consent records are never edited: a new decision (given, refused, withdrawn) is a new
record, and the latest one in force for a recipient and topic is what counts.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils import timezone

from circles.models import Relationship
from people.models import Person
from rapport.lib.dates import day


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
            # The latest decision about each recipient and topic, its decision and review date
            # read from the index alone (a leader's overview). The two are trailing keys, not
            # INCLUDE columns: SQLite has no INCLUDE and dropped them, so it read each of a
            # leader's 10,000 decisions from the table (5 to 6 ms of the overview at 20,000
            # people, 3.4 with them in the index); PostgreSQL reads either alike.
            models.Index(
                fields=["person", "recipient", "topic", "-recorded_at", "-id", "decision", "review_on"],
                name="consent_latest",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display()}: {self.topic} to {self.recipient_id}"


class SafetyOverride(models.Model):
    """Information shared without consent because someone's safety was at risk."""

    class Basis(models.TextChoices):
        VITAL_INTERESTS = "vital_interests", "Vital interests: to protect someone's life or health"
        SAFEGUARDING = "safeguarding", "Safeguarding duty to protect an adult or child at risk"
        CRIME = "crime", "Preventing or detecting a serious crime"
        LEGAL = "legal", "Required by law or a court order"

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="safety_overrides")
    recipient = models.ForeignKey(Relationship, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField("why someone's safety is at risk")
    lawful_basis = models.CharField(max_length=16, choices=Basis.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    review = models.ForeignKey(
        "commitments.Commitment", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"Safety override on {day(self.at)}"


# Set only while `consent.sharing.share` is recording: a Disclosure saved any other way is
# a disclosure that skipped the consent check, and is refused.
_inside_the_gate: ContextVar[bool] = ContextVar("inside_the_disclosure_gate", default=False)


class DisclosureOutsideTheGate(Exception):
    """Sharing was about to be recorded without passing `consent.sharing.share`."""


@contextmanager
def through_the_gate() -> Iterator[None]:
    """For `consent.sharing.share` alone: the consent check has been made."""
    token = _inside_the_gate.set(True)
    try:
        yield
    finally:
        _inside_the_gate.reset(token)


class DisclosureQuerySet(models.QuerySet["Disclosure"]):
    def bulk_create(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise DisclosureOutsideTheGate("Record each disclosure through consent.sharing.share.")


class Disclosure(models.Model):
    """The sharing log: each topic shared with a recipient, and on what basis."""

    class Basis(models.TextChoices):
        CONSENT = "consent", "Consent"
        OVERRIDE = "override", "Safety override"

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="disclosures")
    recipient = models.ForeignKey(Relationship, on_delete=models.PROTECT, related_name="disclosures")
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="+")
    shared_at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(max_length=16, blank=True)
    basis = models.CharField(max_length=10, choices=Basis.choices)
    consent = models.ForeignKey(
        ConsentRecord, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    override = models.ForeignKey(
        SafetyOverride, on_delete=models.PROTECT, null=True, blank=True, related_name="disclosures"
    )
    interaction = models.ForeignKey(
        "interactions.Interaction",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="disclosures",
    )
    commitment = models.ForeignKey(
        "commitments.Commitment", on_delete=models.PROTECT, null=True, blank=True, related_name="disclosures"
    )
    agreement_lapsed_on = models.DateField(
        null=True, blank=True, help_text="Set when the partner's data-sharing agreement had lapsed."
    )
    share_pack = models.ForeignKey(
        "consent.SharePack", on_delete=models.PROTECT, null=True, blank=True, related_name="disclosures"
    )
    feedback = models.ForeignKey(
        "feedback.Feedback", on_delete=models.PROTECT, null=True, blank=True, related_name="disclosures"
    )

    objects = DisclosureQuerySet.as_manager()

    class Meta:
        ordering = ["-shared_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(basis="consent", consent__isnull=False, override__isnull=True)
                    | models.Q(basis="override", override__isnull=False)
                ),
                name="disclosure_has_its_basis",
            )
        ]

    def __str__(self) -> str:
        return f"{self.topic} shared on {day(self.shared_at)}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not _inside_the_gate.get():
            raise DisclosureOutsideTheGate("Record each disclosure through consent.sharing.share.")
        super().save(*args, **kwargs)


class SharePack(models.Model):
    """A data-minimised pack sent to a practitioner or partner: exactly what left, and why."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="share_packs")
    recipient = models.ForeignKey(Relationship, on_delete=models.PROTECT, related_name="+")
    purpose = models.CharField("why it is being shared", max_length=200)
    channel = models.CharField(max_length=16, blank=True)
    content = models.JSONField(help_text="The sections and items as sent.")
    removed = models.JSONField(default=list, help_text="What consent kept back, and why.")
    bundle = models.JSONField(help_text="The same content as a FHIR R4 Bundle.")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Share pack for {self.recipient_id} on {day(self.created_at)}"
