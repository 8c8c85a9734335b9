"""The people a team supports, and what matters to them."""

from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from accounts.models import Team
from people.nhs import format_nhs_number
from rapport.lib.search_text import folded


class Person(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", "Receiving support"
        DISCHARGED = "discharged", "Discharged"

    legal_given_names = models.CharField("legal first and middle names", max_length=120)
    legal_family_name = models.CharField("legal surname", max_length=120)
    preferred_name = models.CharField(
        "preferred name",
        max_length=120,
        help_text="What they like to be called. Every page uses this name.",
    )
    pronouns = models.CharField(max_length=40, blank=True, help_text="For example she/her, they/them.")
    date_of_birth = models.DateField(null=True, blank=True)
    nhs_number = models.CharField("NHS number", max_length=10, blank=True)
    first_language = models.CharField(max_length=60, default="English")
    interpreter_needed = models.BooleanField("needs an interpreter", default=False)
    communication_needs = models.TextField(
        blank=True,
        help_text="Hearing, sight, speech, reading; aids used; the best way to explain things.",
    )
    what_matters = models.TextField(
        "what matters to me",
        blank=True,
        help_text="In their words where possible: people, places, hopes, worries.",
    )
    beliefs_and_culture = models.TextField(
        "beliefs and culture",
        blank=True,
        help_text="Faith, customs, food, dress, celebrations to respect.",
    )
    routines_and_choices = models.TextField(
        "routines and choices",
        blank=True,
        help_text="How they like their day: waking, meals, personal care, going out.",
    )
    teams = models.ManyToManyField(Team, related_name="people")
    key_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="key_people",
    )
    review_date = models.DateField(
        "record review date", null=True, blank=True, help_text="When the record is next checked."
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    admitted_on = models.DateField(default=timezone.localdate)
    discharged_on = models.DateField(null=True, blank=True)
    discharge_reason = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    # Every name, folded (rapport/lib/search_text.py), for accent- and case-blind search.
    search_text = models.CharField(max_length=400, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["version", "updated_at", "search_text"], m2m_fields=[teams])

    NAME_FIELDS = ("preferred_name", "legal_given_names", "legal_family_name")

    class Meta:
        ordering = ["preferred_name", "legal_family_name", "id"]
        # Not unique: refusing a number held in another team would tell a worker that
        # record exists. Duplicates are listed for administrators to resolve instead.
        indexes = [
            models.Index(fields=["nhs_number"], condition=~models.Q(nhs_number=""), name="person_nhs_number"),
            models.Index(fields=["status", "preferred_name"], name="person_status_name"),
            models.Index(fields=["legal_family_name"], name="person_family_name"),
        ]

    def __str__(self) -> str:
        return self.preferred_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Keeps the derived search column in step with the names, however they are saved."""
        self.search_text = self.fold_names()
        fields = kwargs.get("update_fields")
        if fields is not None and set(fields) & set(self.NAME_FIELDS):
            kwargs["update_fields"] = {*fields, "search_text"}
        super().save(*args, **kwargs)

    def fold_names(self) -> str:
        return folded(" ".join(getattr(self, f) for f in self.NAME_FIELDS))

    @property
    def legal_name(self) -> str:
        return f"{self.legal_given_names} {self.legal_family_name}"

    @property
    def nhs_number_display(self) -> str:
        return format_nhs_number(self.nhs_number)

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    def age_on(self, day: date) -> int | None:
        if self.date_of_birth is None:
            return None
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    @property
    def age(self) -> int | None:
        return self.age_on(timezone.localdate())

    @property
    def review_overdue(self) -> bool:
        return self.review_date is not None and self.review_date < timezone.localdate()
