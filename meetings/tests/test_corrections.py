"""Correcting a meeting record and adding a late action: a reason every time, the earlier
version kept and readable, nothing deleted, and nothing chosen beyond what the corrector may."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from commitments.models import Commitment
from meetings.models import Decision, Meeting
from meetings.services import meeting_record
from meetings.versions import versions_of
from rapport.testing.factories import ContactFactory, OrganisationFactory, PersonFactory, UserFactory


@pytest.fixture
def meeting(worker, teammate, person, team) -> Meeting:
    gp = OrganisationFactory(name="Brookside Surgery")
    nurse = ContactFactory(kind="practitioner", given_name="Sue", family_name="Ward", organisation=gp)
    return meeting_record(
        actor=worker,
        meeting=Meeting(
            kind="multi_agency", title="Planning Peggy's return", team=team, held_at=timezone.now()
        ),
        people=[person],
        staff=[worker],
        contacts=[nurse],
        organisations=[gp],
        decisions=["Peggy goes home on Friday", "A key safe is fitted first"],
        actions=[
            {"title": "Ring the GP", "owner": teammate, "due_on": timezone.localdate(), "about": person}
        ],
    )


def _correction(meeting: Meeting, **extra) -> dict:
    decisions = list(meeting.decisions.standing())
    data = {
        "version": meeting.version,
        "reason": "The meeting was on Tuesday, not Monday.",
        "title": meeting.title,
        "held_at": timezone.localtime(meeting.held_at).strftime("%Y-%m-%dT%H:%M"),
        "location": meeting.location,
        "notes": meeting.notes,
        "staff": [u.pk for u in meeting.staff.all()],
        "contacts": [c.pk for c in meeting.contacts.all()],
        "organisations": [o.pk for o in meeting.organisations.all()],
        "decisions-TOTAL_FORMS": str(len(decisions) + 1),
        "decisions-INITIAL_FORMS": str(len(decisions)),
        **{f"decisions-{n}-text": d.text for n, d in enumerate(decisions)},
        **{f"decisions-{n}-decision": d.pk for n, d in enumerate(decisions)},
    }
    data.update(extra)
    return data


def test_a_correction_keeps_the_earlier_version_and_shows_why(client, worker, meeting) -> None:
    client.force_login(worker)
    second = list(meeting.decisions.standing())[1]
    response = client.post(
        reverse("meetings:correct", args=[meeting.pk]),
        _correction(
            meeting,
            title="Planning Peggy's return home",
            **{
                "decisions-0-text": "Peggy goes home on Saturday",
                "decisions-1-text": "",
                "decisions-2-text": "Ring",
            },
        ),
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.title == "Planning Peggy's return home" and meeting.version == 2
    assert [d.text for d in meeting.decisions.standing()] == ["Peggy goes home on Saturday", "Ring"]
    assert Decision.objects.get(pk=second.pk).struck_out_at is not None  # kept, struck out
    old, new = versions_of(meeting)
    assert (old.title, old.decisions, old.reason) == (
        "Planning Peggy's return",
        ["Peggy goes home on Friday", "A key safe is fitted first"],
        "",
    )
    assert (new.reason, new.by, new.decisions) == (
        "The meeting was on Tuesday, not Monday.",
        worker,
        ["Peggy goes home on Saturday", "Ring"],
    )
    assert [o.name for o in old.organisations] == ["Brookside Surgery"]
    assert AuditEvent.objects.filter(object_type="meeting", reason__contains="Tuesday").exists()
    page = client.get(response.url).content.decode()
    assert "This record was corrected on" in page and "The meeting was on Tuesday" in page
    assert "Version 1" in page and "Peggy goes home on Friday" in page  # the earlier text, readable
    assert "Brookside Surgery" in page


def test_a_correction_without_a_reason_changes_nothing(client, worker, meeting) -> None:
    client.force_login(worker)
    response = client.post(
        reverse("meetings:correct", args=[meeting.pk]), _correction(meeting, reason=" ", title="Changed")
    )
    assert response.status_code == 200
    assert "Say why the record is being corrected." in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.title == "Planning Peggy's return" and meeting.version == 1
    assert len(versions_of(meeting)) == 1


def test_a_correction_that_changes_nothing_says_so(client, worker, meeting) -> None:
    client.force_login(worker)
    response = client.post(reverse("meetings:correct", args=[meeting.pk]), _correction(meeting))
    assert "nothing to correct" in response.content.decode()
    assert Meeting.objects.get().version == 1


def test_two_correcting_at_once_do_not_overwrite_each_other(client, worker, leader, meeting) -> None:
    opened = _correction(meeting)
    client.force_login(leader)
    client.post(reverse("meetings:correct", args=[meeting.pk]), {**opened, "title": "The leader's title"})
    client.force_login(worker)
    response = client.post(
        reverse("meetings:correct", args=[meeting.pk]), {**opened, "title": "The recorder's title"}
    )
    body = response.content.decode()
    assert response.status_code == 200 and "Someone else saved this record" in body
    assert "The leader&#x27;s title" in body
    assert Meeting.objects.get().title == "The leader's title"


@pytest.mark.parametrize("field", ["staff", "organisations", "contacts"])
def test_a_forged_attendee_is_a_form_error_not_a_change(client, worker, meeting, other_team, field) -> None:
    forged = {
        "staff": lambda: UserFactory(username="far", teams=[other_team]).pk,
        "organisations": lambda: 999_999,
        "contacts": lambda: ContactFactory(kind="family").pk,  # in no circle the worker can see
    }[field]()
    client.force_login(worker)
    response = client.post(
        reverse("meetings:correct", args=[meeting.pk]), _correction(meeting, **{field: [forged]})
    )
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert Meeting.objects.get().version == 1


def test_a_forged_decision_id_is_refused(client, worker, meeting, team) -> None:
    elsewhere = meeting_record(
        actor=worker,
        meeting=Meeting(kind="team", title="Other", team=team, held_at=timezone.now()),
        people=[],
        staff=[],
        contacts=[],
        decisions=["Not yours"],
        actions=[],
    )
    client.force_login(worker)
    theirs = elsewhere.decisions.get().pk
    response = client.post(
        reverse("meetings:correct", args=[meeting.pk]),
        _correction(meeting, **{"decisions-0-decision": theirs, "decisions-0-text": "Mine now"}),
    )
    assert "not on this record" in response.content.decode()
    assert Decision.objects.get(pk=theirs).text == "Not yours"


def test_only_the_recorder_or_a_leader_may_correct(client, teammate, leader, meeting) -> None:
    client.force_login(teammate)
    for name in ("meetings:correct", "meetings:late_action"):
        response = client.post(
            reverse(name, args=[meeting.pk]), _correction(meeting, title="Mine"), follow=True
        )
        assert "Only the person who recorded this meeting or a leader" in response.content.decode()
    assert Meeting.objects.get().version == 1
    assert (
        "Correct this record"
        not in client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    )
    client.force_login(leader)
    assert client.get(reverse("meetings:correct", args=[meeting.pk])).status_code == 200


def test_a_late_action_lands_on_its_owners_day_with_why(client, worker, teammate, person, meeting) -> None:
    client.force_login(worker)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        reverse("meetings:late_action", args=[meeting.pk]),
        {
            "title": "Order the key safe",
            "owner": teammate.pk,
            "due_on": tomorrow,
            "about": person.pk,
            "why": "",
        },
    )
    assert "Say why this action is added after the meeting." in response.content.decode()
    assert not Commitment.objects.filter(title="Order the key safe").exists()
    client.post(
        reverse("meetings:late_action", args=[meeting.pk]),
        {
            "title": "Order the key safe",
            "owner": teammate.pk,
            "due_on": tomorrow,
            "about": person.pk,
            "why": "Agreed at the end, left out of the notes",
        },
    )
    action = Commitment.objects.get(title="Order the key safe")
    assert (action.meeting, action.owner, action.kind) == (meeting, teammate, "action")
    assert "left out of the notes" in action.details
    assert AuditEvent.objects.filter(reason="Agreed at the end, left out of the notes").exists()
    assert (
        "left out of the notes" in client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    )


def test_a_late_action_is_about_someone_discussed(client, worker, teammate, meeting, team) -> None:
    ivy = PersonFactory(preferred_name="Ivy", teams=[team])
    client.force_login(worker)
    response = client.post(
        reverse("meetings:late_action", args=[meeting.pk]),
        {
            "title": "Ring Ivy",
            "owner": teammate.pk,
            "due_on": timezone.localdate() + timedelta(days=1),
            "about": ivy.pk,
            "why": "Forgot",
        },
    )
    assert "Choose someone among the people discussed" in response.content.decode()
    assert not Commitment.objects.filter(title="Ring Ivy").exists()


def test_the_page_keeps_a_bounded_query_count_with_many_versions(
    client, worker, meeting, django_assert_max_num_queries
) -> None:
    client.force_login(worker)
    url = reverse("meetings:detail", args=[meeting.pk])
    with django_assert_max_num_queries(40) as once:
        client.get(url)
    baseline = len(once)
    for n in range(10):
        current = Meeting.objects.get()
        client.post(
            reverse("meetings:correct", args=[current.pk]),
            _correction(
                current, reason=f"Correction {n}", notes=f"Notes {n}", **{"decisions-2-text": f"D{n}"}
            ),
        )
        Commitment.objects.create(
            kind="action",
            title=f"A{n}",
            owner=worker,
            created_by=worker,
            meeting=current,
            due_on=timezone.localdate(),
        )
    assert Meeting.objects.get().version == 11
    client.get(url)  # shows (and so clears) the "Record corrected" messages
    with django_assert_max_num_queries(baseline):
        assert "Correction 9" in client.get(url).content.decode()


def test_a_late_action_needs_who_and_when_said_once(client, worker, meeting) -> None:
    client.force_login(worker)
    response = client.post(
        reverse("meetings:late_action", args=[meeting.pk]), {"title": "Ring", "why": "Forgot"}
    )
    body = response.content.decode()
    assert body.count("Say who will do it.") == 2  # the summary at the top and beside the field
    assert not Commitment.objects.filter(title="Ring").exists()
