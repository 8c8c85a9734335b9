"""A meeting names the people it discussed: only those who may read about each of them
may read it (issue 7, defect 1)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.models import Membership, User
from audit.models import AuditEvent
from meetings.models import Meeting
from meetings.services import check_everyone_belongs
from rapport.testing.factories import MeetingFactory, PersonFactory, UserFactory


@pytest.fixture
def leader_of_both(team, other_team) -> User:
    chloe = UserFactory(username="chloe", role=User.Role.LEADER, teams=[team, other_team])
    assert Membership.objects.filter(user=chloe, leads=True).count() == 2
    return chloe


@pytest.fixture
def only_in_other_team(other_team):
    return PersonFactory(preferred_name="Zebulon", legal_family_name="Quill", teams=[other_team])


def _form(team, people, **extra):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    return {
        "kind": "multi_agency",
        "title": "Joint review",
        "team": team.pk,
        "held_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "people": [p.pk for p in people],
        "notes": "Zebulon's move was discussed at length.",
        "decisions-TOTAL_FORMS": "0",
        "decisions-INITIAL_FORMS": "0",
        "actions-TOTAL_FORMS": "1",
        "actions-INITIAL_FORMS": "0",
        "actions-0-due_on": tomorrow,
        **extra,
    }


def test_a_meeting_cannot_discuss_someone_its_team_does_not_support(
    client, leader_of_both, team, person, only_in_other_team
) -> None:
    client.force_login(leader_of_both)
    response = client.post(reverse("meetings:create"), _form(team, [person, only_in_other_team]))
    assert "Zebulon is not supported by Willow House" in response.content.decode()
    assert not Meeting.objects.exists()


def test_an_action_must_be_about_someone_discussed(client, leader_of_both, team, person, worker) -> None:
    client.force_login(leader_of_both)
    other = PersonFactory(preferred_name="Ivy", teams=[team])
    response = client.post(
        reverse("meetings:create"),
        _form(
            team,
            [person],
            **{
                "actions-0-title": "Ring Ivy's son",
                "actions-0-owner": worker.pk,
                "actions-0-about": other.pk,
            },
        ),
    )
    page = response.content.decode()
    assert "Choose someone among the people discussed" in page
    assert not Meeting.objects.exists()
    # "About" offers only the people discussed, not everyone this leader may see.
    start = page.index('name="actions-0-about"')
    about = page[start : page.index("</select>", start)]
    assert f'value="{person.pk}"' in about and f'value="{other.pk}"' not in about
    # The rule holds behind the form too, for any other way in.
    meeting = MeetingFactory.build(team=team)
    action = {"title": "Ring Ivy's son", "about": other}
    with pytest.raises(ValidationError, match="is about Ivy, who is not among the people discussed"):
        check_everyone_belongs(meeting, [person], [action])


def test_a_meeting_naming_a_hidden_person_is_hidden(client, worker, team, person, only_in_other_team) -> None:
    """Recorded before this rule (or by a route that skipped it): the team's worker sees
    neither it nor the hidden person's name, and no look is written against that person."""
    meeting = MeetingFactory(team=team, people=[person, only_in_other_team], notes="About Zebulon")
    client.force_login(worker)
    listing = client.get(reverse("meetings:list")).content.decode()
    assert "Zebulon" not in listing and meeting.title not in listing
    assert client.get(reverse("meetings:detail", args=[meeting.pk])).status_code == 404
    person_page = client.get(reverse("person:page", args=[person.pk])).content.decode()
    assert "Zebulon" not in person_page
    assert not AuditEvent.objects.filter(person=only_in_other_team).exists()


def test_the_leader_of_both_teams_still_reads_it(client, leader_of_both, team, person, only_in_other_team):
    meeting = MeetingFactory(team=team, people=[person, only_in_other_team])
    client.force_login(leader_of_both)
    page = client.get(reverse("meetings:detail", args=[meeting.pk]))
    assert page.status_code == 200 and "Zebulon" in page.content.decode()
