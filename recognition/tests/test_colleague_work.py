"""A colleague's page shows their open work and supervision to them and to their leaders."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from rapport.testing.factories import CommitmentFactory


def test_a_leader_sees_a_colleagues_open_work(client, leader, worker, teammate, person, other_person) -> None:
    for n in range(7):
        CommitmentFactory(
            person=person, owner=worker, title=f"Promise {n}", due_on=timezone.localdate() + timedelta(days=n)
        )
    CommitmentFactory(person=other_person, owner=worker, title="About someone else's person")
    client.force_login(leader)
    page = client.get(reverse("recognition:colleague", args=[worker.pk])).content.decode()
    assert "Open work (7)" in page and page.count('"title">Promise ') == 5
    assert f"{reverse('commitments:work')}?owner={worker.pk}" in page
    assert "someone else" not in page
    client.force_login(teammate)  # a peer sees recognition, not the workload
    page = client.get(reverse("recognition:colleague", args=[worker.pk])).content.decode()
    assert "Open work" not in page
