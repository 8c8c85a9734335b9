"""What the project keeps for itself rather than for any one domain app."""

from django.conf import settings
from django.db import models


class RecentSubmission(models.Model):
    """A form a member of staff sent and what came of it, kept for a few minutes so that
    the same form sent again (a double tap, Back then Save, two tabs) is not saved twice.
    See rapport/submissions.py."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    fingerprint = models.CharField(max_length=64)
    result_url = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "fingerprint"], name="one_submission_per_fingerprint")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.fingerprint[:8]}"
