"""Staff, the teams they work in, and which teams they lead."""

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from simple_history.models import HistoricalRecords


class TeamQuerySet(models.QuerySet["Team"]):
    """ "Teams of a user" and "teams a user leads", written once for every page and rule."""

    def of(self, user: Any) -> "TeamQuerySet":
        return self.filter(memberships__user=user)

    def led_by(self, user: Any) -> "TeamQuerySet":
        return self.filter(memberships__user=user, memberships__leads=True)


class Team(models.Model):
    """The unit of work: a care home, a home-care branch, a supported-living service."""

    class Kind(models.TextChoices):
        CARE_HOME = "care_home", "Care home"
        HOME_CARE = "home_care", "Home care branch"
        SUPPORTED_LIVING = "supported_living", "Supported living"
        CHILDREN_FAMILY = "children_family", "Children's and family services"
        OTHER = "other", "Other"

    name = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CARE_HOME)
    description = models.TextField(blank=True)
    is_active = models.BooleanField("active", default=True)
    history = HistoricalRecords()

    objects = TeamQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A member of staff. What they may see follows from their role and team memberships."""

    class Role(models.TextChoices):
        WORKER = "worker", "Care or support worker"
        LEADER = "leader", "Team leader"
        ADMIN = "admin", "Administrator"

    role = models.CharField(max_length=10, choices=Role.choices, default=Role.WORKER)
    job_title = models.CharField(max_length=120, blank=True)
    teams = models.ManyToManyField(Team, through="Membership", related_name="members", blank=True)
    supervisor = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="supervisees"
    )
    supervision_every_days = models.PositiveSmallIntegerField(
        "supervision every",
        choices=[(28, "Four weeks"), (42, "Six weeks"), (56, "Eight weeks"), (91, "Three months")],
        null=True,
        blank=True,
    )
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        ordering = ["first_name", "last_name", "username"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_administrator(self) -> bool:
        return self.role == self.Role.ADMIN or self.is_superuser


class Membership(models.Model):
    """A member of staff in a team; `leads` marks the teams a team leader manages."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    leads = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "team"], name="one_membership_per_team"),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.team}{' (leads)' if self.leads else ''}"


class SitePolicy(models.Model):
    """Security choices administrators make for the whole service (one row)."""

    mfa_for_everyone = models.BooleanField(
        "require two-step verification of everyone",
        default=False,
        help_text="Team leaders and administrators always need it; this asks it of every member of staff.",
    )
    history = HistoricalRecords()

    def __str__(self) -> str:
        return "Security policy"

    @classmethod
    def current(cls) -> "SitePolicy":
        policy, _ = cls.objects.get_or_create(pk=1)
        return policy
