"""The staff a meeting's lists offer stay bounded for an administrator: their own teams and the
meeting's team, not every member of staff of the provider; nothing chosen ever vanishes, and
nothing beyond what the user may name is offered or accepted."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Team
from meetings.forms import MeetingForm, staff_offered
from meetings.models import Meeting
from meetings.services import meeting_record
from meetings.tests.forms import meeting_form_data
from rapport.testing.factories import TeamFactory, UserFactory


@pytest.fixture
def third_team(db: None) -> Team:
    return TeamFactory(name="Maple Court")


@pytest.fixture
def staff_elsewhere(third_team):
    """Members of a third team: hundreds, at a real provider."""
    return [UserFactory(first_name=f"Far{n}", last_name="Away", teams=[third_team]) for n in range(3)]


def _offered(body: str, name: str) -> set[str]:
    """The values a field's options (or ticks) carry in the page."""
    ticks = re.findall(rf'<input type="checkbox" name="{name}" value="(\d+)"', body)
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', body, re.S)
    options = re.findall(r'<option value="(\d+)"', select.group(1)) if select else []
    return set(ticks) | set(options)


_form = meeting_form_data


def test_an_administrator_is_offered_the_chosen_teams_staff_not_the_providers(
    client, administrator, worker, teammate, outsider, team, staff_elsewhere
) -> None:
    client.force_login(administrator)
    body = client.get(reverse("meetings:create")).content.decode()
    assert "show_again" in body
    for name in ("staff", "supervisee", "actions-0-owner"):
        assert _offered(body, name) == set(), name  # a member of no team: no one yet

    shown = client.post(reverse("meetings:create"), _form(team, show_again="1", title="Kept"))
    body = shown.content.decode()
    assert shown.status_code == 200 and not Meeting.objects.exists()
    assert 'value="Kept"' in body and "There is a problem" not in body
    willow = {str(worker.pk), str(teammate.pk)}
    for name in ("staff", "supervisee", "actions-0-owner", "actions-__prefix__-owner"):
        assert _offered(body, name) == willow, name


def test_whoever_is_chosen_stays_offered_and_is_saved(
    client, administrator, worker, outsider, team, staff_elsewhere
) -> None:
    """Chosen while another team was shown: still offered, and accepted."""
    client.force_login(administrator)
    far = staff_elsewhere[0]
    data = _form(
        team,
        staff=[worker.pk, far.pk],
        **{"actions-0-title": "Send the rota", "actions-0-owner": outsider.pk},
        **{"actions-0-due_on": timezone.localdate().isoformat()},
    )
    body = client.post(reverse("meetings:create"), {**data, "show_again": "1"}).content.decode()
    assert {str(worker.pk), str(far.pk)} <= _offered(body, "staff")
    assert str(outsider.pk) in _offered(body, "actions-0-owner")
    assert str(far.pk) not in _offered(body, "supervisee")  # chosen there only

    response = client.post(reverse("meetings:create"), data)
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert set(meeting.staff.all()) == {worker, far}
    assert meeting.actions.get().owner == outsider


def test_a_worker_cannot_name_staff_of_another_team(client, worker, teammate, outsider, team) -> None:
    client.force_login(worker)
    body = client.get(reverse("meetings:create")).content.decode()
    assert "show_again" not in body  # their own teams are all they may name
    assert _offered(body, "staff") == {str(worker.pk), str(teammate.pk)}

    forged = _form(team, staff=[worker.pk, outsider.pk], show_again="1")
    body = client.post(reverse("meetings:create"), forged).content.decode()
    assert str(outsider.pk) not in _offered(body, "staff") and "Olly" not in body
    response = client.post(reverse("meetings:create"), {**forged, "show_again": ""} | {"team": team.pk})
    assert response.status_code == 200 and not Meeting.objects.exists()


def test_a_worker_of_two_teams_keeps_both_teams_staff(worker, teammate, outsider, team, other_team) -> None:
    worker.memberships.create(team=other_team)
    assert set(staff_offered(worker, team=team.pk)) == {worker, teammate, outsider}
    assert set(staff_offered(worker, team="nonsense", chosen=["9" * 40])) == {worker, teammate, outsider}


def test_the_lists_read_a_bounded_number_of_rows(administrator, team, third_team, staff_elsewhere) -> None:
    """However many staff the provider has, the administrator's lists hold one team's."""
    form = MeetingForm(_form(team, show_again="1"), user=administrator)
    assert list(form.fields["staff"].queryset) == []
    assert set(staff_offered(administrator, team=third_team.pk)) == set(staff_elsewhere)


def test_a_late_action_offers_the_meetings_team(client, leader, worker, outsider, person, team) -> None:
    meeting = meeting_record(
        actor=worker,
        meeting=Meeting(kind="team", title="Rota", team=team, held_at=timezone.now()),
        people=[person],
        staff=[worker],
        contacts=[],
        organisations=[],
        decisions=[],
        actions=[],
    )
    client.force_login(leader)
    body = client.get(reverse("meetings:late_action", args=[meeting.pk])).content.decode()
    assert _offered(body, "owner") == {str(worker.pk), str(leader.pk)}
