"""The full keeping-in-touch list behind My day's first few."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from rapport.testing.factories import PersonFactory, RelationshipFactory


def test_every_lapsed_contact_a_page_at_a_time(client, worker, team, other_person) -> None:
    started = timezone.localdate() - timedelta(days=60)
    for n in range(30):
        RelationshipFactory(person=PersonFactory(teams=[team]), role=f"Cousin {n}", contact_every_days=7,
                            started_on=started)  # fmt: skip
    RelationshipFactory(person=other_person, role="Hidden aunt", contact_every_days=7, started_on=started)
    client.force_login(worker)
    home = client.get(reverse("home")).content.decode()
    assert "See all 30" in home
    first = client.get(reverse("circles:lapsed")).content.decode()
    second = client.get(reverse("circles:lapsed"), {"page": 2}).content.decode()
    assert "30 lapsed" in first
    assert first.count("(Cousin ") == 25 and second.count("(Cousin ") == 5
    assert "Hidden aunt" not in first + second
