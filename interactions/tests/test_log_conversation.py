from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from commitments.models import Commitment
from interactions.models import Interaction
from rapport.testing.factories import InteractionFactory, RelationshipFactory


@pytest.fixture
def daughter(person):
    return RelationshipFactory(
        person=person, role="Daughter", contact__given_name="Joan", contact_every_days=7
    )


def _form(**overrides):
    data = {
        "channel": "phone",
        "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "summary": "Joan asked how Mum slept; I said well.",
        "understanding_checked": "on",
        "promise_due": (timezone.localdate() + timedelta(days=1)).isoformat(),
    }
    data.update(overrides)
    return data


def test_a_call_with_a_daughter_and_a_promised_call_back(client, worker, person, daughter) -> None:
    client.force_login(worker)
    response = client.post(
        reverse("interactions:create", args=[person.pk]),
        _form(with_whom=f"rel:{daughter.pk}", promise="Ring Joan after the GP visit"),
    )
    assert response.status_code == 302
    call = Interaction.objects.get()
    assert (call.relationship, call.staff, call.understanding_checked) == (daughter, worker, True)
    promise = Commitment.objects.get()
    assert (promise.kind, promise.owner, promise.owed_to_relationship, promise.interaction) == (
        "promise",
        worker,
        daughter,
        call,
    )
    page = client.get(reverse("person:page", args=[person.pk])).content.decode()
    assert "Joan asked how Mum slept" in page and "Ring Joan after the GP visit" in page
    contact_page = client.get(reverse("contact:page", args=[daughter.contact_id])).content.decode()
    assert "Joan asked how Mum slept" in contact_page


def test_a_bad_log_keeps_what_was_typed_and_saves_nothing(client, worker, person, daughter) -> None:
    client.force_login(worker)
    future = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        reverse("interactions:create", args=[person.pk]),
        _form(with_whom=f"rel:{daughter.pk}", occurred_at=future, promise="Ring back", promise_due=""),
    )
    body = response.content.decode()
    assert "cannot be in the future" in body and "Say when you promised it by" in body
    assert "Joan asked how Mum slept" in body
    assert not Interaction.objects.exists() and not Commitment.objects.exists()


def test_with_whom_must_be_in_this_circle(client, worker, person, other_person) -> None:
    stranger = RelationshipFactory(person=other_person)
    client.force_login(worker)
    response = client.post(
        reverse("interactions:create", args=[person.pk]), _form(with_whom=f"rel:{stranger.pk}")
    )
    assert "Select a valid choice" in response.content.decode()
    assert not Interaction.objects.exists()


def test_a_link_can_preselect_the_contact(client, worker, person, daughter) -> None:
    client.force_login(worker)
    page = client.get(reverse("interactions:create", args=[person.pk]), {"with": f"rel:{daughter.pk}"})
    assert f'value="rel:{daughter.pk}" selected' in page.content.decode()


def test_a_logged_call_becomes_the_relationships_last_contact(client, worker, person, daughter) -> None:
    client.force_login(worker)
    client.post(reverse("interactions:create", args=[person.pk]), _form(with_whom=f"rel:{daughter.pk}"))
    daughter.refresh_from_db()
    assert daughter.last_contact_at == Interaction.objects.get().occurred_at


def test_the_form_starts_with_the_likeliest_answers(client, worker, person) -> None:
    from django.urls import reverse

    from rapport.testing.factories import RelationshipFactory

    daughter = RelationshipFactory(person=person, role="Daughter", contact_channel="phone")
    InteractionFactory(
        person=person, staff=worker, with_kind="circle", relationship=daughter, channel="video"
    )
    client.force_login(worker)
    url = reverse("interactions:create", args=[person.pk])
    plain = client.get(url).content.decode()
    assert '<option value="person" selected>' in plain and '<option value="in_person" selected>' in plain
    with_her = client.get(url, {"with": f"rel:{daughter.pk}"}).content.decode()
    assert '<option value="video" selected>' in with_her  # the way they last spoke
