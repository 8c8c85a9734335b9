"""The key workers a person's form offers stay bounded for an administrator: the staff of the
teams that support the person (ticked, or already on the record), not every member of staff
of the provider. Nothing chosen vanishes; nothing beyond the person's teams is accepted."""

import re

from django.urls import reverse

from people.models import Person
from rapport.testing.factories import PersonFactory, TeamFactory, UserFactory


def _offered(body: str) -> set[str]:
    select = re.search(r'<select name="key_worker"[^>]*>(.*?)</select>', body, re.S)
    assert select, "no key worker list"
    return set(re.findall(r'<option value="(\d+)"', select.group(1)))


def _new_person(team, **extra) -> dict:
    return {
        "preferred_name": "Bea",
        "legal_given_names": "Beatrice Ann",
        "legal_family_name": "Lowe",
        "first_language": "English",
        "teams": [team.pk],
        **extra,
    }


def test_an_administrator_is_offered_the_ticked_teams_staff(
    client, administrator, worker, teammate, outsider, team
) -> None:
    far = TeamFactory(name="Maple Court")
    UserFactory(first_name="Far", last_name="Away", teams=[far])
    client.force_login(administrator)
    body = client.get(reverse("people:create")).content.decode()
    assert "show_again" in body and _offered(body) == set()

    shown = client.post(reverse("people:create"), _new_person(team, show_again="1"))
    assert shown.status_code == 200 and not Person.objects.exists()
    assert _offered(shown.content.decode()) == {str(worker.pk), str(teammate.pk)}
    assert "There is a problem" not in shown.content.decode()

    saved = client.post(reverse("people:create"), _new_person(team, key_worker=teammate.pk))
    assert saved.status_code == 302 and Person.objects.get().key_worker == teammate


def test_an_existing_persons_teams_bring_their_staff(
    client, administrator, worker, outsider, team, other_team
) -> None:
    person = PersonFactory(teams=[team], key_worker=worker)
    client.force_login(administrator)
    body = client.get(reverse("people:edit", args=[person.pk])).content.decode()
    assert _offered(body) == {str(worker.pk)}
    ticked = {"teams": [team.pk, other_team.pk], "key_worker": worker.pk, "preferred_name": "Changed"}
    shown = client.post(reverse("people:edit", args=[person.pk]), {**ticked, "show_again": "1"})
    assert shown.status_code == 200 and _offered(shown.content.decode()) == {str(worker.pk), str(outsider.pk)}
    assert "There is a problem" not in shown.content.decode()
    person.refresh_from_db()
    assert person.preferred_name != "Changed" and list(person.teams.all()) == [team]


def test_a_worker_keeps_their_teams_and_cannot_name_another(client, worker, teammate, outsider, team) -> None:
    client.force_login(worker)
    body = client.get(reverse("people:create")).content.decode()
    assert "show_again" not in body and _offered(body) == {str(worker.pk), str(teammate.pk)}
    refused = client.post(reverse("people:create"), _new_person(team, key_worker=outsider.pk))
    assert refused.status_code == 200 and not Person.objects.exists()
    assert "Olly" not in refused.content.decode()
