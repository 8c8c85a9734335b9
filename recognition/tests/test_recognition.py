from django.urls import reverse

from rapport.testing.factories import RelationshipFactory
from recognition.models import Recognition


def test_thanks_to_a_daughter_shows_on_the_persons_page(client, worker, person) -> None:
    daughter = RelationshipFactory(person=person, role="Daughter", contact__given_name="Joan")
    client.force_login(worker)
    client.post(
        reverse("recognition:thanks", args=[person.pk]),
        {"to": f"rel:{daughter.pk}", "given_on": "2026-11-20", "what_for": "Sorted out Mum's new glasses."},
    )
    thanks = Recognition.objects.get()
    assert (thanks.kind, thanks.relationship, thanks.given_by) == ("thanks", daughter, worker)
    page = client.get(reverse("person:page", args=[person.pk])).content.decode()
    assert "Sorted out Mum&#x27;s new glasses." in page


def test_thanks_must_go_to_someone_in_the_circle(client, worker, person) -> None:
    client.force_login(worker)
    response = client.post(
        reverse("recognition:thanks", args=[person.pk]),
        {"to": "person", "given_on": "2026-11-20", "what_for": "x"},
    )
    assert "Select a valid choice" in response.content.decode()
    assert not Recognition.objects.exists()


def test_recognising_a_colleague(client, worker, teammate) -> None:
    client.force_login(worker)
    client.post(
        reverse("recognition:recognise", args=[teammate.pk]),
        {"given_on": "2026-11-20", "what_for": "Stayed calm and kind during the fire alarm."},
    )
    page = client.get(reverse("recognition:colleague", args=[teammate.pk])).content.decode()
    assert "Stayed calm and kind during the fire alarm." in page and "Wendy Worker" in page


def test_no_one_recognises_themself(client, worker) -> None:
    client.force_login(worker)
    response = client.post(
        reverse("recognition:recognise", args=[worker.pk]), {"given_on": "2026-11-20", "what_for": "Me"}
    )
    assert "someone else" in response.content.decode()
    assert not Recognition.objects.exists()


def test_colleagues_of_other_teams_are_not_listed_or_reachable(client, worker, outsider) -> None:
    client.force_login(worker)
    assert "Olly" not in client.get(reverse("recognition:colleagues")).content.decode()
    assert client.get(reverse("recognition:colleague", args=[outsider.pk])).status_code == 404
    assert (
        client.post(reverse("recognition:recognise", args=[outsider.pk]), {"what_for": "x"}).status_code
        == 404
    )
