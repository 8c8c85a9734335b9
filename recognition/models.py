"""Thanks given to carers and partners, and recognition of colleagues' work."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from circles.models import Relationship
from people.models import Person
from rapport.lib.dates import day


class Recognition(models.Model):
    class Kind(models.TextChoices):
        THANKS = "thanks", "Thanks to a carer or partner"
        COLLEAGUE = "colleague", "Recognition of a colleague"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="recognitions"
    )
    relationship = models.ForeignKey(
        Relationship, on_delete=models.PROTECT, null=True, blank=True, related_name="recognitions"
    )
    colleague = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recognitions_received",
    )
    given_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    given_on = models.DateField(default=timezone.localdate)
    what_for = models.TextField("what for")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-given_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        kind="thanks",
                        relationship__isnull=False,
                        person__isnull=False,
                        colleague__isnull=True,
                    )
                    | models.Q(kind="colleague", colleague__isnull=False, relationship__isnull=True)
                ),
                name="recognition_has_its_recipient",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {day(self.given_on)}"

    @property
    def recipient(self) -> str:
        if self.relationship is not None:
            return f"{self.relationship.party} ({self.relationship.role})"
        return str(self.colleague)
