"""Open work a page at a time: the list behind each "See all" on My day."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from rapport.testing.factories import CommitmentFactory, PersonFactory


def _days(n: int):
    return timezone.localdate() + timedelta(days=n)


def test_my_day_shows_the_first_few_and_links_to_the_rest(client, worker, person) -> None:
    for n in range(8):
        CommitmentFactory(person=person, owner=worker, due_on=_days(-1 - n), title=f"Late thing {n}")
    client.force_login(worker)
    page = client.get(reverse("home")).content.decode()
    assert page.count('<div class="title">Late thing') == 5
    assert "See all 8" in page and f"{reverse('commitments:work')}?section=overdue" in page

    listed = client.get(reverse("commitments:work"), {"section": "overdue"}).content.decode()
    assert listed.count('<div class="title">Late thing') == 8 and "8 open" in listed


def test_the_list_pages_and_names_only_visible_people(client, worker, outsider, person, other_person) -> None:
    for n in range(30):
        CommitmentFactory(person=person, owner=worker, due_on=_days(n % 5), title=f"Mine {n}")
    CommitmentFactory(person=other_person, owner=outsider, due_on=_days(1), title="Not for me")
    client.force_login(worker)
    first = client.get(reverse("commitments:work")).content.decode()
    second = client.get(reverse("commitments:work"), {"page": 2}).content.decode()
    assert first.count('"title">Mine ') == 25 and second.count('"title">Mine ') == 5
    assert "Not for me" not in first + second
    assert AuditEvent.objects.filter(action="list", person=person, summary__contains="open work").exists()


def test_a_leader_sees_a_colleagues_work_a_worker_may_not(client, worker, teammate, leader, person) -> None:
    CommitmentFactory(person=person, owner=teammate, due_on=_days(1), title="Teammate's promise")
    client.force_login(leader)
    page = client.get(reverse("commitments:work"), {"owner": teammate.pk}).content.decode()
    assert "Teammate&#x27;s promise" in page and f"Open work of {teammate}" in page

    client.force_login(worker)  # not a leader: asking for a colleague's list shows one's own
    response = client.get(reverse("commitments:work"), {"owner": teammate.pk}, follow=True)
    assert response.status_code == 200
    assert "Teammate&#x27;s promise" not in response.content.decode()
    assert "could not be shown as asked" in response.content.decode()


def test_everything_overdue_in_the_teams_a_leader_leads(client, leader, worker, team, other_person) -> None:
    someone = PersonFactory(teams=[team])
    CommitmentFactory(person=someone, owner=worker, due_on=_days(-3), title="Late in my team")
    CommitmentFactory(person=other_person, due_on=_days(-3), title="Late elsewhere")
    client.force_login(leader)
    page = client.get(reverse("commitments:work"), {"scope": "teams", "section": "overdue"}).content.decode()
    assert "Late in my team" in page and "Late elsewhere" not in page


def test_nonsense_filters_change_nothing_and_say_so(client, worker, person) -> None:
    CommitmentFactory(person=person, owner=worker, due_on=_days(1), title="Still mine")
    client.force_login(worker)
    for query in ({"section": "everything"}, {"owner": "99999999999999999999"}, {"scope": "world"}):
        response = client.get(reverse("commitments:work"), query)
        assert response.status_code == 200
        assert "Still mine" in response.content.decode()


def test_the_sections_are_links_with_the_current_one_marked(client, worker) -> None:
    """They were an empty box: the template asked the chosen section for every section."""
    client.force_login(worker)
    listed = client.get(reverse("commitments:work"), {"section": "today"}).content.decode()
    assert '<a href="?section=overdue">Overdue</a>' in listed
    assert '<a href="?section=today" aria-current="page">Due today</a>' in listed
