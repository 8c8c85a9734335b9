"""The team leader's overview: numbers with the lists behind them, twelve weeks of trends,
bounded queries, and nobody from another team named."""

from datetime import timedelta

from django.db import connection
from django.urls import reverse
from django.utils import timezone

from overview.selectors import overview
from rapport.testing.factories import CommitmentFactory, FeedbackFactory, PersonFactory
from rapport.testing.together import pipelines


def _days(n: int):
    return timezone.localdate() + timedelta(days=n)


def test_a_leader_sees_what_needs_attention(client, leader, worker, team, other_team) -> None:
    mine = PersonFactory(teams=[team], preferred_name="Ada", review_date=_days(-3))
    elsewhere = PersonFactory(teams=[other_team], preferred_name="Zebulon", review_date=_days(-30))
    CommitmentFactory(person=mine, owner=worker, due_on=_days(-2), title="Ring Ada's son")
    CommitmentFactory(person=elsewhere, due_on=_days(-2), title="Not ours")
    FeedbackFactory(
        person=mine, handler=leader, status="closed", responded_on=_days(-1), learning="Ring ahead."
    )
    client.force_login(leader)
    page = client.get(reverse("overview:page")).content.decode()
    assert "Overview of my teams" in page
    assert '<span class="figure">1</span> overdue' in page
    assert "Ada" in page and "Ring ahead." in page
    assert "Zebulon" not in page
    assert f"{reverse('commitments:work')}?owner={worker.pk}" in page
    assert page.count('role="img"') == 3 and "Week ending" in page


def test_workers_are_refused(client, worker) -> None:
    client.force_login(worker)
    assert client.get(reverse("overview:page")).status_code == 403


def test_the_overdue_trend_counts_what_was_late_each_week(leader, worker, team) -> None:
    person = PersonFactory(teams=[team])
    now = timezone.now()
    late = CommitmentFactory(person=person, owner=worker, due_on=_days(-30))
    type(late).objects.filter(pk=late.pk).update(
        created_at=now - timedelta(days=40), status="done", closed_at=now - timedelta(days=10)
    )
    view = overview(leader, [team])
    counts = [int(bar.value) for bar in view.overdue_trend.bars]
    # Overdue at the end of the weeks ending 28, 21 and 14 days ago; done 10 days ago.
    assert counts[-5:] == [1, 1, 1, 0, 0], counts


def test_open_work_and_work_closed_lately_add_up_in_the_trend(leader, worker, team) -> None:
    person = PersonFactory(teams=[team])
    now = timezone.now()
    still_open = CommitmentFactory(person=person, owner=worker, due_on=_days(-20))
    closed_lately = CommitmentFactory(person=person, owner=worker, due_on=_days(-30))
    closed_long_ago = CommitmentFactory(person=person, owner=worker, due_on=_days(-400))
    model = type(still_open)
    model.objects.filter(pk=still_open.pk).update(created_at=now - timedelta(days=25))
    model.objects.filter(pk=closed_lately.pk).update(
        created_at=now - timedelta(days=40), status="done", closed_at=now - timedelta(days=10)
    )
    model.objects.filter(pk=closed_long_ago.pk).update(
        created_at=now - timedelta(days=500), status="done", closed_at=now - timedelta(days=300)
    )
    counts = [int(bar.value) for bar in overview(leader, [team]).overdue_trend.bars]
    # Weeks ending 28, 21, 14, 7 and 0 days ago: the one closed lately was late in the first
    # three, the open one from 20 days ago on; the one closed long ago in none.
    assert counts[-5:] == [1, 1, 2, 1, 1], counts


def test_queries_stay_flat_as_years_of_records_pile_up(
    client, leader, worker, team, django_assert_max_num_queries
) -> None:
    client.force_login(leader)

    def years(n: int) -> None:
        for _ in range(n):
            person = PersonFactory(teams=[team], review_date=_days(-1))
            for k in range(5):
                CommitmentFactory(person=person, owner=worker, due_on=_days(-k - 1), status="done")
            CommitmentFactory(person=person, owner=worker, due_on=_days(-1))
            FeedbackFactory(
                person=person, handler=leader, status="closed", responded_on=_days(-2), learning="x"
            )

    years(2)
    with django_assert_max_num_queries(30) as small:
        assert client.get(reverse("overview:page")).status_code == 200
    years(20)
    with django_assert_max_num_queries(len(small)):
        client.get(reverse("overview:page"))


def test_the_counts_and_lists_of_the_teams_people_go_in_one_round_trip(leader, team) -> None:
    PersonFactory(teams=[team], review_date=_days(-1))
    with pipelines() as opened:
        view = overview(leader, [team])
    assert opened.call_count == (1 if connection.vendor == "postgresql" else 0)
    assert view.reviews_overdue_count == 1


def test_the_rhythm_trend_shows_when_calls_stopped(leader, worker, team) -> None:
    from rapport.testing.factories import InteractionFactory, RelationshipFactory

    person = PersonFactory(teams=[team])
    daughter = RelationshipFactory(person=person, contact_every_days=7, started_on=_days(-200))
    now = timezone.now()
    for weeks_ago in range(3, 12):  # weekly calls until three weeks ago
        InteractionFactory(
            person=person,
            staff=worker,
            with_kind="circle",
            relationship=daughter,
            occurred_at=now - timedelta(weeks=weeks_ago, days=1),
        )
    shares = [bar.value for bar in overview(leader, [team]).rhythm_trend.bars]
    assert shares[-1] == 0 and shares[-2] == 0  # no call in the last two weeks
    assert shares[-6] == 100  # kept five weeks ago


def test_complaints_and_referrals_are_counted_for_the_teams_people_only(
    leader, worker, team, other_team
) -> None:
    person, elsewhere = PersonFactory(teams=[team]), PersonFactory(teams=[other_team])
    open_ = {"status": "open", "acknowledged_on": _days(-5)}
    FeedbackFactory(person=person, respond_by=_days(-1), **open_)  # past its deadline
    FeedbackFactory(person=person, kind="concern", respond_by=_days(5), **open_)
    FeedbackFactory(person=elsewhere, respond_by=_days(-1), **open_)
    answered = {"status": "closed", "acknowledged_on": _days(-9)}
    FeedbackFactory(person=person, respond_by=_days(-1), responded_on=_days(-2), **answered)
    FeedbackFactory(person=person, respond_by=_days(-4), responded_on=_days(-1), **answered)
    FeedbackFactory(person=elsewhere, respond_by=_days(-4), responded_on=_days(-1), **answered)
    CommitmentFactory(person=person, owner=worker, kind="referral")
    CommitmentFactory(person=person, owner=worker, kind="referral", status="done", closed_at=timezone.now())
    CommitmentFactory(person=person, owner=worker, kind="promise")
    CommitmentFactory(person=elsewhere, kind="referral")
    view = overview(leader, [team])
    assert (view.complaints_open, view.complaints_late, view.referrals_waiting) == (2, 1, 1)
    assert view.in_time_trend.bars[-1].value == 50  # one of the two answered this week in time


def test_consent_decisions_past_review_count_only_the_latest_of_the_teams_people(
    leader, worker, team, other_team
) -> None:
    from datetime import timedelta

    from consent.models import ConsentRecord, Topic
    from rapport.testing.factories import RelationshipFactory

    topic = Topic.objects.get(code="health")
    person, elsewhere = PersonFactory(teams=[team]), PersonFactory(teams=[other_team])
    now = timezone.now()

    def decide(who, recipient, decision, review_on, days_ago):
        return ConsentRecord.objects.create(
            person=who,
            recipient=recipient,
            topic=topic,
            decision=decision,
            how="verbal",
            review_on=review_on,
            recorded_by=worker,
            recorded_at=now - timedelta(days=days_ago),
        )

    daughter, practice = RelationshipFactory(person=person), RelationshipFactory(person=person)
    decide(person, daughter, "given", _days(-1), 30)  # still in force, past its review
    decide(person, practice, "given", _days(-1), 30)
    decide(person, practice, "refused", None, 2)  # replaced: not counted
    decide(person, RelationshipFactory(person=person), "given", _days(30), 3)  # review ahead
    decide(elsewhere, RelationshipFactory(person=elsewhere), "given", _days(-1), 30)  # another team
    sister = RelationshipFactory(person=person)
    decide(person, sister, "given", _days(-1), 5)  # replaced at the same moment: not counted
    decide(person, sister, "refused", None, 5)
    assert overview(leader, [team]).consents_past_review == 1


def test_a_rhythm_is_kept_by_the_day_in_the_services_time_zone(leader, worker, team) -> None:
    from datetime import date, datetime, time
    from zoneinfo import ZoneInfo

    from overview.trends import week_ends
    from rapport.testing.factories import InteractionFactory, RelationshipFactory

    london, today = ZoneInfo("Europe/London"), date(2026, 11, 20)
    first_end = week_ends(today)[0]  # Friday 4 September 2026, in British Summer Time
    person = PersonFactory(teams=[team])
    early, late = (
        RelationshipFactory(person=person, contact_every_days=7, started_on=date(2026, 1, 1))
        for _ in range(2)
    )
    for relationship, days_before, at in ((early, 6, time(0, 30)), (late, 7, time(23, 30))):
        InteractionFactory(
            person=person,
            staff=worker,
            with_kind="circle",
            relationship=relationship,
            occurred_at=datetime.combine(first_end - timedelta(days=days_before), at, tzinfo=london),
        )
    shares = [bar.value for bar in overview(leader, [team], today=today).rhythm_trend.bars]
    # Half past midnight six days before (still the day before in UTC) is within the week's
    # seven days; half past eleven at night seven days before is not.
    assert shares[0] == 50, shares
