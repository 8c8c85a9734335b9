"""Background work: the daily digest, which reschedules itself for the next morning."""

from datetime import datetime, time, timedelta

from django.utils import timezone
from django_tasks import task

from reminders.digest import digest_for, send_digest, staff_to_remind

DIGEST_TIME = time(7, 0)


def next_digest_time(now: datetime) -> datetime:
    local = timezone.localtime(now)
    today_at = timezone.make_aware(datetime.combine(local.date(), DIGEST_TIME))
    return today_at if local < today_at else today_at + timedelta(days=1)


@task()
def send_daily_digests() -> int:
    today = timezone.localdate()
    sent = sum(send_digest(digest_for(user, today)) for user in staff_to_remind())
    backend = send_daily_digests.get_backend()
    if backend.supports_defer:
        send_daily_digests.using(run_after=next_digest_time(timezone.now() + timedelta(minutes=1))).enqueue()
    return sent
