from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from myday.selectors import my_day
from rapport.testing.factories import (
    CommitmentFactory,
    InteractionFactory,
    PersonFactory,
    RelationshipFactory,
)


def _days(n: int):
    return timezone.localdate() + timedelta(days=n)


def test_my_commitments_land_in_the_right_places(worker, teammate, person) -> None:
    overdue = CommitmentFactory(person=person, owner=worker, due_on=_days(-2))
    today = CommitmentFactory(person=person, owner=worker, due_on=_days(0))
    request = CommitmentFactory(person=person, owner=worker, due_on=_days(20), kind="request")
    update = CommitmentFactory(person=person, owner=worker, due_on=_days(3), kind="update")
    soon = CommitmentFactory(person=person, owner=worker, due_on=_days(3))
    CommitmentFactory(person=person, owner=worker, due_on=_days(30))  # too far off
    CommitmentFactory(person=person, owner=teammate, due_on=_days(-1))  # someone else's
    CommitmentFactory(person=person, owner=worker, due_on=_days(-1), status="done")
    day = my_day(worker)
    assert (day.overdue, day.due_today, day.requests, day.updates, day.coming_up) == (
        [overdue],
        [today],
        [request],
        [update],
        [soon],
    )


def test_the_daughter_who_asked_for_a_weekly_call(worker, person) -> None:
    daughter = RelationshipFactory(
        person=person, role="Daughter", contact_every_days=7, started_on=_days(-100)
    )
    InteractionFactory(
        person=person,
        with_kind="circle",
        relationship=daughter,
        occurred_at=timezone.now() - timedelta(days=9),
    )
    RelationshipFactory(person=person, role="Son", contact_every_days=7, started_on=_days(-100))
    recent = RelationshipFactory(person=person, role="Niece", contact_every_days=14, started_on=_days(-100))
    InteractionFactory(person=person, with_kind="circle", relationship=recent)
    RelationshipFactory(person=person, role="Friend", contact_every_days=None)
    day = my_day(worker)
    lapsed = {lapse.relationship.role: lapse.days_overdue for lapse in day.lapsed}
    assert lapsed == {"Daughter": 2, "Son": 93}
    assert day.lapsed_count == 2


def test_other_teams_and_discharged_people_are_left_out(worker, other_person, team) -> None:
    RelationshipFactory(person=other_person, contact_every_days=7, started_on=_days(-30))
    CommitmentFactory(person=other_person, owner=worker, due_on=_days(-1))
    gone = PersonFactory(teams=[team], status="discharged")
    RelationshipFactory(person=gone, contact_every_days=7, started_on=_days(-30))
    day = my_day(worker)
    assert day.lapsed == [] and day.overdue == []


def test_a_team_leader_sees_who_holds_what(leader, worker, teammate, person) -> None:
    CommitmentFactory(person=person, owner=worker, due_on=_days(-3))
    CommitmentFactory(person=person, owner=worker, due_on=_days(2))
    CommitmentFactory(person=person, owner=teammate, due_on=_days(2))
    day = my_day(leader)
    assert day.team is not None
    load = {w.colleague.username: (w.open, w.overdue) for w in day.team.workload}
    assert load["worker"] == (2, 1) and load["teammate"] == (1, 0)
    assert day.team.overdue_count == 1
    assert my_day(worker).team is None


def test_the_page_keeps_a_bounded_query_count(
    client, leader, worker, person, team, django_assert_max_num_queries
) -> None:
    client.force_login(leader)

    def grow() -> None:
        someone = PersonFactory(teams=[team])
        for days in (-2, 0, 3):
            CommitmentFactory(person=someone, owner=leader, due_on=_days(days))
            CommitmentFactory(person=someone, owner=worker, due_on=_days(days))
        RelationshipFactory(person=someone, contact_every_days=7, started_on=_days(-30))

    grow()
    # Sign-in, the audit event, then: one count of every section of my work and the first
    # few of each (up to 5), lapsed contacts (count, ids, rows), complaints, supervision, and
    # the team: workload, busiest colleagues, their count, overdue (first few, count).
    with django_assert_max_num_queries(24) as small:
        page = client.get(reverse("home"))
    baseline = len(small)
    assert "Overdue" in page.content.decode() and "Keeping in touch" in page.content.decode()
    for _ in range(10):
        grow()
    with django_assert_max_num_queries(baseline):
        client.get(reverse("home"))


def test_the_page_stays_bounded_with_years_of_history(
    client, worker, person, django_assert_max_num_queries
) -> None:
    """Deep, not only wide: a daughter with years of weekly calls and closed promises."""
    daughter = RelationshipFactory(
        person=person, role="Daughter", contact_every_days=7, started_on=_days(-800)
    )
    client.force_login(worker)

    def years(count: int) -> None:
        for n in range(count):
            when = timezone.now() - timedelta(days=8 + n * 7)
            InteractionFactory(person=person, with_kind="circle", relationship=daughter, occurred_at=when)
            CommitmentFactory(person=person, owner=worker, due_on=_days(-n - 10), status="done")

    years(2)
    # Sign-in, the audit event, then: one count of every section of my work and the first
    # few of each (up to 5), lapsed contacts (count, ids, rows), complaints, supervision, and
    # the team: workload, busiest colleagues, their count, overdue (first few, count).
    with django_assert_max_num_queries(24) as small:
        page = client.get(reverse("home"))
    assert "Keeping in touch" in page.content.decode()
    baseline = len(small)
    years(20)
    with django_assert_max_num_queries(baseline):
        client.get(reverse("home"))


def test_the_last_contact_kept_on_the_relationship_matches_the_conversations(worker, person) -> None:
    """The denormalised value and the conversations it summarises agree, late logs included."""
    from circles.models import Relationship
    from interactions.services import record_last_contacts

    daughter = RelationshipFactory(person=person, role="Daughter", contact_every_days=7)
    latest = timezone.now() - timedelta(days=1)
    InteractionFactory(person=person, with_kind="circle", relationship=daughter, occurred_at=latest)
    InteractionFactory(  # logged late, for last month: must not move the last contact back
        person=person, with_kind="circle", relationship=daughter, occurred_at=latest - timedelta(days=30)
    )
    daughter.refresh_from_db()
    assert daughter.last_contact_at == latest
    Relationship.objects.filter(pk=daughter.pk).update(last_contact_at=None)
    record_last_contacts()
    daughter.refresh_from_db()
    assert daughter.last_contact_at == latest
