from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from rapport.settings import TASKS as DB_TASKS  # production's: the database queue
from rapport.testing.factories import CommitmentFactory
from reminders.digest import digest_for, send_digest
from reminders.tasks import next_digest_time, send_daily_digests

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def owed(worker, person):
    worker.email = "wendy@example.org"
    worker.save()
    today = timezone.localdate()
    return [
        CommitmentFactory(person=person, owner=worker, due_on=today - timedelta(days=2), title="Ring Joan"),
        CommitmentFactory(person=person, owner=worker, due_on=today, title="Send the fluid chart"),
        CommitmentFactory(person=person, owner=worker, due_on=today + timedelta(days=3), title="Later"),
    ]


def test_the_digest_holds_overdue_and_due_today(worker, owed) -> None:
    digest = digest_for(worker, timezone.localdate())
    assert [c.title for c in digest.overdue] == ["Ring Joan"]
    assert [c.title for c in digest.due_today] == ["Send the fluid chart"]


def test_it_is_sent_once_a_day(worker, owed, django_capture_on_commit_callbacks) -> None:
    digest = digest_for(worker, timezone.localdate())
    with django_capture_on_commit_callbacks(execute=True) as after_commit:
        assert send_digest(digest) is True
        assert mail.outbox == []  # nothing leaves while the transaction is open
        assert send_digest(digest) is False
    assert len(after_commit) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["wendy@example.org"] and message.subject == "Rapport: 1 overdue, 1 due today"
    assert "Ring Joan" in message.body and "Later" not in message.body
    assert "Send the fluid chart" in message.alternatives[0][0]


def test_nothing_is_sent_without_work_or_an_address(worker, teammate, person) -> None:
    assert send_digest(digest_for(teammate, timezone.localdate())) is False  # nothing due
    CommitmentFactory(person=person, owner=teammate, due_on=timezone.localdate())
    assert send_digest(digest_for(teammate, timezone.localdate())) is False  # no email address
    assert mail.outbox == []


def test_a_refused_mail_is_tried_again_later(worker, owed, django_capture_on_commit_callbacks, settings):
    from reminders.models import DigestSent

    settings.EMAIL_BACKEND = "rapport.testing.mail.RefusingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        send_digest(digest_for(worker, timezone.localdate()))
    assert not DigestSent.objects.exists()  # the claim is withdrawn, so tomorrow's run is not blocked


def test_the_task_sends_to_everyone_due(worker, owed, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        result = send_daily_digests.enqueue()  # the immediate backend runs it now
    assert result.return_value == 1
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    "now, expected",
    [
        (datetime(2026, 11, 24, 6, 0, tzinfo=LONDON), datetime(2026, 11, 24, 7, 0, tzinfo=LONDON)),
        (datetime(2026, 11, 24, 9, 0, tzinfo=LONDON), datetime(2026, 11, 25, 7, 0, tzinfo=LONDON)),
        (
            datetime(2027, 3, 27, 9, 0, tzinfo=LONDON),
            datetime(2027, 3, 28, 7, 0, tzinfo=LONDON),
        ),  # clocks change
    ],
)
def test_the_next_morning(now, expected) -> None:
    assert next_digest_time(now) == expected


@override_settings(TASKS=DB_TASKS)
def test_on_the_database_queue_it_reschedules_itself(
    worker, owed, django_capture_on_commit_callbacks
) -> None:
    from django_tasks_db.models import DBTaskResult

    call_command("schedule_reminders")
    call_command("schedule_reminders")  # safe to repeat
    queued = DBTaskResult.objects.filter(status="READY")
    assert queued.count() == 1
    first_run = queued.get().run_after
    assert timezone.localtime(first_run).hour == 7
    with django_capture_on_commit_callbacks(execute=True):
        queued.get().task.call()  # what the worker does when the time comes
    assert len(mail.outbox) == 1
    assert DBTaskResult.objects.filter(status="READY").count() == 2  # tomorrow's is queued
