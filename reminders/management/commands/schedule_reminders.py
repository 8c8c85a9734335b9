"""Make sure tomorrow morning's digest is queued (run at start-up; safe to repeat)."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from reminders.tasks import next_digest_time, send_daily_digests

TASK_PATH = f"{send_daily_digests.func.__module__}.{send_daily_digests.func.__qualname__}"


class Command(BaseCommand):
    help = "Queue the daily digest if it is not already queued."

    def handle(self, *args: Any, **options: Any) -> None:
        if DBTaskResult.objects.filter(task_path=TASK_PATH, status="READY").exists():
            self.stdout.write("The daily digest is already queued.")
            return
        when = next_digest_time(timezone.now())
        send_daily_digests.using(run_after=when).enqueue()
        self.stdout.write(f"Daily digest queued for {timezone.localtime(when):%Y-%m-%d %H:%M}.")
