"""Synthetic meetings for the demo: reviews and multi-agency meetings with actions (a
partner organisation from the person's circle attending the multi-agency ones), team
meetings, one record corrected after the meeting, and supervision (one worker's is overdue)."""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from accounts.models import Team, User
from circles.models import Organisation
from commitments.models import Commitment
from meetings.corrections import DecisionRow, meeting_correct
from meetings.models import Decision, Meeting
from people.models import Person


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def load_meetings(
    rng: random.Random,
    people_by_team: dict[str, list[Person]],
    teams: dict[str, Team],
    staff: list[User],
    today: date,
) -> dict[str, int]:
    by_name = {u.username: u for u in staff}
    leader = {
        "Willow House": by_name["chloe"],
        "Maple Court": by_name["chloe"],
        "Northside Home Care": by_name["noah"],
    }
    workers = {"Willow House": ["amara", "dan"], "Maple Court": ["priya"], "Northside Home Care": ["ben"]}
    for username, supervisor, every in [
        ("amara", "chloe", 42),
        ("dan", "chloe", 42),
        ("priya", "chloe", 56),
        ("ben", "noah", 42),
    ]:
        User.objects.filter(username=username).update(
            supervisor=by_name[supervisor], supervision_every_days=every
        )
    meetings = actions = 0
    corrected: Meeting | None = None
    for team_name, team in teams.items():
        for n, person in enumerate(people_by_team.get(team_name, [])[:3]):
            kind = [Meeting.Kind.MULTI_AGENCY, Meeting.Kind.REVIEW, Meeting.Kind.BEST_INTERESTS][n]
            meeting = Meeting.objects.create(
                kind=kind,
                title=f"{Meeting.Kind(kind).label}: {person.preferred_name}",
                team=team,
                held_at=_at(today - timedelta(days=rng.randrange(2, 20)), 14),
                location=f"{team_name} office",
                notes=f"{person.preferred_name} joined for the first half and said what matters most.",
                recorded_by=leader[team_name],
            )
            meeting.people.set([person])
            meeting.staff.set([leader[team_name], *(by_name[w] for w in workers[team_name])])
            if kind == Meeting.Kind.MULTI_AGENCY:
                meeting.organisations.set(Organisation.objects.filter(relationships__person=person)[:1])
                corrected = corrected or meeting
            Decision.objects.bulk_create(
                [
                    Decision(
                        meeting=meeting, text="Keep the current visit times; review in six weeks.", position=1
                    ),
                    Decision(
                        meeting=meeting, text="Ask the GP to review the evening medication.", position=2
                    ),
                ]
            )
            owner = by_name[rng.choice(workers[team_name])]
            Commitment.objects.create(
                person=person,
                kind=Commitment.Kind.ACTION,
                title="Write to the GP about the evening medication",
                owner=owner,
                created_by=leader[team_name],
                meeting=meeting,
                due_on=today + timedelta(days=rng.randrange(-2, 6)),
            )
            meetings += 1
            actions += 1
        team_meeting = Meeting.objects.create(
            kind=Meeting.Kind.TEAM,
            title=f"{team_name} team meeting",
            team=team,
            held_at=_at(today - timedelta(days=7), 10),
            notes="Rotas for the holidays; learning from last month's complaint.",
            recorded_by=leader[team_name],
        )
        team_meeting.staff.set([leader[team_name], *(by_name[w] for w in workers[team_name])])
        meetings += 1
    for username, days_ago in [("amara", 50), ("dan", 20), ("ben", 30)]:
        supervisee = by_name[username]
        team = teams["Northside Home Care" if username == "ben" else "Willow House"]
        supervision = Meeting.objects.create(
            kind=Meeting.Kind.SUPERVISION,
            title="Supervision",
            team=team,
            supervisee=supervisee,
            held_at=_at(today - timedelta(days=days_ago), 11),
            recorded_by=leader[team.name],
            notes="Talked about workload and training goals.",
        )
        supervision.staff.set([leader[team.name], supervisee])
        meetings += 1
    if corrected is not None:
        _correct(corrected)
    return {"meetings": meetings, "meeting actions": actions}


def _correct(meeting: Meeting) -> None:
    """The review was agreed for four weeks, and the notes said six."""
    meeting.location = f"{meeting.location} (the small lounge)"
    first, second = meeting.decisions.standing()
    meeting_correct(
        actor=meeting.recorded_by,
        meeting=meeting,
        changed=["location"],
        staff=list(meeting.staff.all()),
        contacts=list(meeting.contacts.all()),
        organisations=list(meeting.organisations.all()),
        decisions=[
            DecisionRow(first.pk, "Keep the current visit times; review in four weeks."),
            DecisionRow(second.pk, second.text),
        ],
        reason="The review was agreed for four weeks; the notes said six by mistake.",
        expected_version=meeting.version,
    )
