"""Who viewed or changed which record, when, from where and why. Append-only."""

from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditImmutable(Exception):
    """Raised on any attempt to change or delete an audit event."""


class AuditEventQuerySet(models.QuerySet[Any]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AuditImmutable("Audit events cannot be changed.")

    def delete(self) -> NoReturn:
        raise AuditImmutable("Audit events cannot be deleted.")


class AuditEvent(models.Model):
    class Action(models.TextChoices):
        VIEW = "view", "Viewed"
        CREATE = "create", "Created"
        UPDATE = "update", "Changed"
        DISCHARGE = "discharge", "Discharged"
        READMIT = "readmit", "Re-admitted"
        END = "end", "Ended"
        EXPORT = "export", "Exported"
        LIST = "list", "Shown in a list"

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    action = models.CharField(max_length=12, choices=Action.choices)
    # No index of its own: "audit_person_at" (person, -at) serves every read by person, and
    # each index is one more write on the busiest insert in the application.
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="audit_events", null=True, db_index=False
    )
    object_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=40)
    summary = models.CharField(max_length=255)
    path = models.CharField(max_length=255, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=255, blank=True)
    reason = models.TextField(blank=True)
    # Tamper evidence (audit/chain.py): the event's place in the chain, and a hash over its
    # content and the previous event's hash.
    seq = models.PositiveBigIntegerField(unique=True, null=True, editable=False)
    chain_hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["person", "-at"], name="audit_person_at")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_type}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AuditImmutable("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AuditImmutable("Audit events cannot be deleted.")


class AuditChainHead(models.Model):
    """The newest link of the chain (one row). Each new event locks it, so events are
    chained one after another even when written at the same moment."""

    seq = models.PositiveBigIntegerField(default=0)
    chain_hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"Audit chain at {self.seq}"


class AuditSeal(models.Model):
    """A copy of every link, written beside its event, in a table the application may only
    add to (a database trigger refuses changes and deletions, and in production the app's
    role is granted INSERT and SELECT alone). Deleting the newest events leaves their seals
    behind, so even a cut at the end of the chain is found."""

    seq = models.PositiveBigIntegerField(primary_key=True)
    chain_hash = models.CharField(max_length=64)
    at = models.DateTimeField(default=timezone.now)

    objects = AuditEventQuerySet.as_manager()  # no update, no delete

    def __str__(self) -> str:
        return f"Seal {self.seq}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AuditImmutable("Audit seals cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AuditImmutable("Audit seals cannot be deleted.")


class ChainCheck(models.Model):
    """One walk of the whole audit trail, asked for by an administrator on the "Audit
    check" page, and what it found (`manage.py verify_audit` walks in place and keeps none).

    A service of some years keeps millions of events, and the walk reads every one: minutes
    of work. A page that walked it while the administrator waited would outlive the
    server's request timeout and hold a worker the whole time, so the walk runs as a
    background task (audit.tasks) and this row is how the page follows it. `under_way` is
    true for the one check waiting or running and null otherwise: unique, so two
    administrators pressing at once start one walk.
    """

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting to start"
        RUNNING = "running", "Running"
        DONE = "done", "Finished"
        STOPPED = "stopped", "Stopped before the end"

    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    asked_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.WAITING)
    under_way = models.BooleanField(null=True, default=True, unique=True, editable=False)
    checked = models.PositiveBigIntegerField(default=0)  # events found sound so far
    heard_at = models.DateTimeField(default=timezone.now)  # when the walk last reported
    finished_at = models.DateTimeField(null=True, blank=True)
    broken_at = models.PositiveBigIntegerField(null=True, blank=True)  # seq of the first broken link
    problem = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-asked_at", "-id"]

    def __str__(self) -> str:
        return f"Audit check of {self.asked_at:%Y-%m-%d %H:%M}: {self.get_status_display()}"

    @property
    def intact(self) -> bool:
        return self.status == self.Status.DONE and self.broken_at is None
