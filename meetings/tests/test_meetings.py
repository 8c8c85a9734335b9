from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from audit.models import AuditEvent
from commitments.models import Commitment
from meetings.access import meetings_visible_to
from meetings.models import Meeting
from myday.selectors import my_day
from rapport.testing.factories import ContactFactory, MeetingFactory, RelationshipFactory, UserFactory


def _form(team, **extra):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    data = {
        "kind": "multi_agency",
        "title": "Planning Peggy's return home",
        "team": team.pk,
        "held_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "location": "Willow House lounge",
        "notes": "Everyone agreed Peggy's wish to go home comes first.",
        "decisions-TOTAL_FORMS": "3",
        "decisions-INITIAL_FORMS": "0",
        "decisions-0-text": "Peggy goes home on Friday",
        "decisions-1-text": "  ",
        "decisions-2-text": "A key safe is fitted first",
        "actions-TOTAL_FORMS": "3",
        "actions-INITIAL_FORMS": "0",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "20",
        "actions-0-due_on": tomorrow,
        "actions-1-due_on": tomorrow,
        "actions-2-due_on": tomorrow,
    }
    data.update(extra)
    return data


def test_a_multi_agency_meeting_with_decisions_and_actions(client, worker, teammate, person, team) -> None:
    nurse = RelationshipFactory(
        person=person, contact=ContactFactory(kind="practitioner", profession="District nurse")
    )
    client.force_login(worker)
    response = client.post(
        reverse("meetings:create"),
        _form(
            team,
            people=[person.pk],
            staff=[worker.pk, teammate.pk],
            contacts=[nurse.contact_id],
            **{
                "actions-0-title": "Order the key safe",
                "actions-0-owner": teammate.pk,
                "actions-0-about": person.pk,
                "actions-1-title": "Update the team rota",
                "actions-1-owner": worker.pk,
            },
        ),
    )
    meeting = Meeting.objects.get()
    assert response.url == reverse("meetings:detail", args=[meeting.pk])
    assert [d.text for d in meeting.decisions.all()] == [
        "Peggy goes home on Friday",
        "A key safe is fitted first",
    ]
    assert list(meeting.contacts.all()) == [nurse.contact]
    key_safe, rota = Commitment.objects.order_by("id")
    assert (key_safe.kind, key_safe.owner, key_safe.person, key_safe.meeting) == (
        "action",
        teammate,
        person,
        meeting,
    )
    assert rota.person is None and rota.meeting == meeting
    assert [c.title for c in my_day(teammate).coming_up + my_day(teammate).due_today] == [
        "Order the key safe"
    ]
    assert AuditEvent.objects.filter(person=person, object_type="meeting").exists()
    page = client.get(response.url).content.decode()
    assert "Order the key safe" in page and "Update the team rota" in page and "Print or save as PDF" in page


def test_an_action_without_an_owner_is_explained(client, worker, person, team) -> None:
    client.force_login(worker)
    response = client.post(
        reverse("meetings:create"), _form(team, people=[person.pk], **{"actions-0-title": "Ring"})
    )
    assert "Say who will do it" in response.content.decode()
    assert "Planning Peggy" in response.content.decode()
    assert not Meeting.objects.exists() and not Commitment.objects.exists()


def test_people_of_another_team_cannot_be_discussed(client, worker, team, other_person) -> None:
    client.force_login(worker)
    response = client.post(reverse("meetings:create"), _form(team, people=[other_person.pk]))
    assert "Select a valid choice" in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_team_action_about_no_one_can_be_closed_by_its_owner(client, worker, team) -> None:
    meeting = MeetingFactory(team=team, kind="team")
    action = Commitment.objects.create(
        kind="action",
        title="Tidy the office",
        owner=worker,
        created_by=worker,
        meeting=meeting,
        due_on=timezone.localdate(),
    )
    client.force_login(worker)
    client.post(
        reverse("commitments:close", args=[action.pk]), {"status": "done", "outcome": "Done", "version": 1}
    )
    action.refresh_from_db()
    assert action.status == "done"


def test_supervision_records_are_private(worker, teammate, leader, team) -> None:
    supervision = MeetingFactory(team=team, kind="supervision", supervisee=worker, recorded_by=leader)
    team_meeting = MeetingFactory(team=team, kind="team", recorded_by=leader)
    assert set(meetings_visible_to(worker)) == {supervision, team_meeting}
    assert set(meetings_visible_to(leader)) == {supervision, team_meeting}
    assert set(meetings_visible_to(teammate)) == {team_meeting}
    assert not meetings_visible_to(UserFactory(username="elsewhere", role=User.Role.WORKER)).exists()


def test_the_people_picker_finds_only_my_people(client, worker, person, other_person) -> None:
    client.force_login(worker)
    found = client.get(reverse("meetings:pick"), {"q": person.preferred_name[:3]}).content.decode()
    assert person.preferred_name in found
    assert (
        other_person.preferred_name
        not in client.get(reverse("meetings:pick"), {"q": "Stan"}).content.decode()
    )


def test_the_list_keeps_a_bounded_query_count(
    client, worker, person, team, django_assert_max_num_queries
) -> None:
    client.force_login(worker)
    MeetingFactory(team=team, people=[person])
    with django_assert_max_num_queries(10) as small:
        client.get(reverse("meetings:list"))
    baseline = len(small)
    for _ in range(10):
        MeetingFactory(team=team, people=[person])
    with django_assert_max_num_queries(baseline):
        client.get(reverse("meetings:list"))
