from django.urls import reverse

from rapport.testing.factories import PersonFactory, RelationshipFactory, TeamFactory


def _edit(client, person, **changes) -> None:
    person.refresh_from_db()
    data = {
        "preferred_name": person.preferred_name,
        "legal_given_names": person.legal_given_names,
        "legal_family_name": person.legal_family_name,
        "first_language": person.first_language,
        "nhs_number": person.nhs_number,
        "teams": [t.pk for t in person.teams.all()],
        "version": person.version,
        "change_reason": "Checked with the family",
    }
    data.update(changes)
    response = client.post(reverse("people:edit", args=[person.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_it_names_key_workers_teams_and_choices(client, worker, teammate, person, team) -> None:
    second = TeamFactory(name="Maple Court")
    worker.memberships.create(team=second)
    client.force_login(worker)
    _edit(client, person, key_worker=teammate.pk, teams=[team.pk, second.pk])
    body = client.get(reverse("person:history", args=[person.pk])).content.decode()
    assert "Tom Mate" in body  # the key worker's name, not an id
    assert "Maple Court, Willow House" in body
    assert "Details changed" in body and "Wendy Worker" in body


def test_circle_changes_appear(client, worker, person) -> None:
    rel = RelationshipFactory(person=person, role="Daughter", contact__given_name="Ruth")
    client.force_login(worker)
    client.post(
        reverse("circles:edit", args=[person.pk, rel.pk]),
        {"role": "Daughter", "contact_every_days": "7", "started_on": "2024-01-01", "version": 1},
    )
    client.post(
        reverse("circles:end", args=[person.pk, rel.pk]),
        {"ended_on": "2025-01-01", "reason": "Moved away", "version": 2},
    )
    body = client.get(reverse("person:history", args=[person.pk])).content.decode()
    assert "added to the circle" in body
    assert "Agreed frequency of contact" in body and "Every week" in body
    assert "left the circle" in body and "Moved away" in body


def test_query_count_does_not_grow_with_history(
    client, worker, person, django_assert_max_num_queries
) -> None:
    client.force_login(worker)
    RelationshipFactory(person=person)
    _edit(client, person, pronouns="she/her")
    with django_assert_max_num_queries(20) as small:
        client.get(reverse("person:history", args=[person.pk]))
    baseline = len(small)  # read now: the next request clears the query log
    for n in range(8):
        _edit(client, person, pronouns=f"they/them {n}")
        RelationshipFactory(person=person)
    with django_assert_max_num_queries(baseline):
        client.get(reverse("person:history", args=[person.pk]))


def test_another_persons_circle_is_not_mixed_in(client, worker, person, team) -> None:
    neighbour = PersonFactory(teams=[team])
    RelationshipFactory(person=neighbour, contact__given_name="Zebedee")
    client.force_login(worker)
    assert "Zebedee" not in client.get(reverse("person:history", args=[person.pk])).content.decode()
