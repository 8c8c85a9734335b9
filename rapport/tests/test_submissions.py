"""The same form sent twice is saved once: Back then Save, a double tap, two at once."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from interactions.models import Interaction
from people.models import Person


def _conversation(**overrides: str) -> dict[str, str]:
    return {
        "with_whom": "person",
        "channel": "in_person",
        "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "summary": "Talked about the garden party; she wants to go.",
        **overrides,
    }


def test_saving_again_after_back_saves_nothing_more(client, worker, person) -> None:
    client.force_login(worker)
    url = reverse("interactions:create", args=[person.pk])
    first = client.post(url, _conversation())
    assert first.status_code == 302
    again = client.post(url, _conversation(), follow=True)
    assert Interaction.objects.count() == 1
    assert again.redirect_chain[0][0] == first.url
    assert "already saved a moment ago" in again.content.decode()


def test_a_different_conversation_is_saved(client, worker, person) -> None:
    client.force_login(worker)
    url = reverse("interactions:create", args=[person.pk])
    client.post(url, _conversation())
    client.post(url, _conversation(summary="She changed her mind about the party."))
    assert Interaction.objects.count() == 2


def test_a_refused_form_can_be_corrected_and_sent_again(client, worker, person) -> None:
    client.force_login(worker)
    url = reverse("interactions:create", args=[person.pk])
    assert client.post(url, _conversation(summary="")).status_code == 200
    assert client.post(url, _conversation(summary="")).status_code == 200  # refused again, not "saved"
    assert client.post(url, _conversation()).status_code == 302
    assert Interaction.objects.count() == 1


def test_the_same_form_from_another_member_of_staff_is_theirs(client, worker, teammate, person) -> None:
    url = reverse("interactions:create", args=[person.pk])
    for who in (worker, teammate):
        client.force_login(who)
        client.post(url, _conversation())
    assert Interaction.objects.count() == 2


def test_a_new_person_posted_twice_is_added_once(client, worker, team) -> None:
    client.force_login(worker)
    form = {
        "preferred_name": "Bea",
        "legal_given_names": "Beatrice",
        "legal_family_name": "Lowe",
        "first_language": "English",
        "nhs_number": "943 476 5919",
        "teams": [team.pk],
    }
    client.post(reverse("people:create"), form)
    client.post(reverse("people:create"), form)
    assert Person.objects.filter(legal_family_name="Lowe").count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="two connections at once need PostgreSQL")
def test_two_sent_at_the_same_moment_save_once(worker, person) -> None:
    url = reverse("interactions:create", args=[person.pk])
    start = threading.Barrier(2)
    statuses: list[int] = []

    def send() -> None:
        client = Client()
        client.force_login(worker)
        start.wait()
        statuses.append(client.post(url, _conversation()).status_code)
        connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [302, 302]
    assert Interaction.objects.count() == 1
