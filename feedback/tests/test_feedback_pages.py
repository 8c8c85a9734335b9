from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from feedback.models import Feedback
from myday.selectors import my_day
from rapport.testing.factories import FeedbackFactory, RelationshipFactory


def _log(client, person, **data):
    form = {
        "kind": "complaint",
        "from_whom": "other",
        "from_name": "Mr Patel, neighbour",
        "received_on": timezone.localdate().isoformat(),
        "channel": "phone",
        "about": "Visits keep arriving late.",
    }
    form.update(data)
    return client.post(reverse("feedback:create", args=[person.pk]), form)


def test_a_complaint_from_a_daughter_starts_both_clocks(client, worker, leader, person) -> None:
    daughter = RelationshipFactory(person=person, role="Daughter")
    client.force_login(worker)
    response = _log(client, person, from_whom=f"rel:{daughter.pk}", from_name="", handler=leader.pk)
    complaint = Feedback.objects.get()
    assert response.url == reverse("feedback:detail", args=[person.pk, complaint.pk])
    assert complaint.from_relationship == daughter and complaint.handler == leader
    assert (
        complaint.acknowledge_by > complaint.received_on and complaint.respond_by > complaint.acknowledge_by
    )
    page = client.get(response.url).content.decode()
    assert "Acknowledge: by" in page and "Respond: by" in page


def test_someone_else_needs_a_name(client, worker, person) -> None:
    client.force_login(worker)
    response = _log(client, person, from_name="")
    assert "Say who it came from" in response.content.decode()
    assert not Feedback.objects.exists()


def test_acknowledge_then_answer_with_learning(client, worker, person) -> None:
    complaint = FeedbackFactory(
        person=person, handler=worker, received_on=timezone.localdate() - timedelta(days=1)
    )
    client.force_login(worker)
    client.post(
        reverse("feedback:acknowledge", args=[person.pk, complaint.pk]),
        {"acknowledged_on": timezone.localdate().isoformat(), "version": complaint.version},
    )
    complaint.refresh_from_db()
    assert complaint.acknowledged_on == timezone.localdate()
    response = client.post(
        reverse("feedback:close", args=[person.pk, complaint.pk]),
        {
            "responded_on": timezone.localdate().isoformat(),
            "outcome": "Apologised",
            "learning": "",
            "version": 2,
        },
    )
    assert response.status_code == 400 and "This field is required" in response.content.decode()
    client.post(
        reverse("feedback:close", args=[person.pk, complaint.pk]),
        {
            "responded_on": timezone.localdate().isoformat(),
            "outcome": "Apologised and moved the visit to 8am.",
            "learning": "Rotas now allow travel time between visits.",
            "version": 2,
        },
    )
    complaint.refresh_from_db()
    assert complaint.status == "closed" and "travel time" in complaint.learning


def test_an_acknowledgement_before_receipt_is_refused(client, worker, person) -> None:
    complaint = FeedbackFactory(person=person, handler=worker)
    client.force_login(worker)
    response = client.post(
        reverse("feedback:acknowledge", args=[person.pk, complaint.pk]),
        {"acknowledged_on": "2020-01-01", "version": complaint.version},
    )
    assert "before it was received" in response.content.decode()
    complaint.refresh_from_db()
    assert complaint.acknowledged_on is None


def test_my_day_and_the_team_view_show_the_clocks(client, worker, person, other_person) -> None:
    client.force_login(worker)
    _log(client, person, handler=worker.pk)
    FeedbackFactory(person=other_person, about="Someone else's complaint")
    day = my_day(worker)
    assert len(day.complaints) == 1
    _, clocks = day.complaints[0]
    assert [c.label for c in clocks] == ["Acknowledge", "Respond"]
    team = client.get(reverse("feedback:team")).content.decode()
    assert "Visits keep arriving late" in team and "Someone else" not in team


def test_the_team_view_keeps_a_bounded_query_count(
    client, worker, person, django_assert_max_num_queries
) -> None:
    client.force_login(worker)
    FeedbackFactory(person=person, handler=worker)
    with django_assert_max_num_queries(12) as small:
        client.get(reverse("feedback:team"))
    baseline = len(small)
    for _ in range(12):
        FeedbackFactory(person=person, handler=worker, from_relationship=RelationshipFactory(person=person))
    with django_assert_max_num_queries(baseline):
        client.get(reverse("feedback:team"))
