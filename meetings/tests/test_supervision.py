from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from meetings.supervision import my_next_supervision, next_supervision, supervisions_due
from rapport.testing.factories import MeetingFactory


def test_next_supervision() -> None:
    assert next_supervision(date(2026, 10, 1), 42, date(2026, 11, 24)) == date(2026, 11, 12)
    assert next_supervision(None, 42, date(2026, 11, 24)) == date(2026, 11, 24)


def _supervise(worker: User, leader: User, every: int = 28) -> None:
    worker.supervisor = leader
    worker.supervision_every_days = every
    worker.save()


def test_supervisions_due_for_a_supervisor(worker, teammate, leader, team) -> None:
    today = timezone.localdate()
    _supervise(worker, leader)
    _supervise(teammate, leader)
    MeetingFactory(
        team=team, kind="supervision", supervisee=worker, held_at=timezone.now() - timedelta(days=30)
    )
    MeetingFactory(
        team=team, kind="supervision", supervisee=teammate, held_at=timezone.now() - timedelta(days=3)
    )
    MeetingFactory(team=team, kind="team", held_at=timezone.now())  # not a supervision
    due = supervisions_due(leader, today)
    assert [(d.supervisee, d.overdue) for d in due] == [(worker, True)]
    mine = my_next_supervision(teammate, today)
    assert mine is not None and mine.due == today + timedelta(days=25)


def test_my_day_links_to_recording_the_supervision(client, worker, leader, team) -> None:
    _supervise(worker, leader)
    client.force_login(leader)
    page = client.get(reverse("home")).content.decode()
    assert f"?kind=supervision&amp;supervisee={worker.pk}" in page
    form = client.get(
        reverse("meetings:create"), {"kind": "supervision", "supervisee": worker.pk}
    ).content.decode()
    assert 'value="supervision" selected' in form and f'value="{worker.pk}" selected' in form


def test_admins_set_the_supervisor_and_rhythm(client, administrator, worker, leader, team) -> None:
    client.force_login(administrator)
    response = client.post(
        reverse("accounts:staff_edit", args=[worker.pk]),
        {
            "username": "worker",
            "first_name": "Wendy",
            "last_name": "Worker",
            "role": "worker",
            "member_of": [team.pk],
            "supervisor": leader.pk,
            "supervision_every_days": "",
            "is_active": "on",
        },
    )
    assert "Say how often supervision happens" in response.content.decode()
    worker.refresh_from_db()
    assert worker.supervisor is None
