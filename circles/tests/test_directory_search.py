"""Finding contacts, organisations and services ignores accents and case (issue 9, item 8):
'nunez' finds 'Ñúñez' and 'zoe' finds 'Zoë', on SQLite and PostgreSQL alike."""

import pytest
from django.urls import reverse

from circles.models import Contact
from rapport.testing.factories import ContactFactory, OrganisationFactory, RelationshipFactory, ServiceFactory

TYPED = ["nunez", "NÚÑEZ", "zoe", "Zoë núñez", "ZOE"]


@pytest.mark.parametrize("typed", TYPED)
def test_contacts_ignore_accents_and_case(client, worker, person, typed) -> None:
    RelationshipFactory(person=person, contact=ContactFactory(given_name="Zoë", family_name="Ñúñez"))
    RelationshipFactory(person=person, contact=ContactFactory(given_name="Robin", family_name="Hart"))
    client.force_login(worker)
    body = client.get(reverse("circles:contacts"), {"q": typed}).content.decode()
    assert "Ñúñez" in body and "Hart" not in body


@pytest.mark.parametrize("typed", TYPED)
def test_organisations_and_their_contacts_ignore_accents_and_case(client, worker, person, typed) -> None:
    practice = OrganisationFactory(name="Zoë Ñúñez Medical Centre")
    OrganisationFactory(name="Brookside Surgery")
    RelationshipFactory(
        person=person,
        group="practitioner",
        contact=ContactFactory(kind="practitioner", organisation=practice),
    )
    client.force_login(worker)
    body = client.get(reverse("circles:organisations"), {"q": typed}).content.decode()
    assert "Ñúñez Medical Centre" in body and "Brookside" not in body
    contacts = client.get(reverse("circles:contacts"), {"q": typed}).content.decode()
    assert "Ñúñez Medical Centre" in contacts  # a contact is found by their organisation's name


@pytest.mark.parametrize("typed", TYPED)
def test_services_ignore_accents_and_case(client, worker, typed) -> None:
    ServiceFactory(name="Café Zoë", area="Ñúñez Street")
    ServiceFactory(name="Dial-a-Ride", area="Town")
    client.force_login(worker)
    body = client.get(reverse("signposting:services"), {"q": typed}).content.decode()
    assert "Café Zoë" in body and "Dial-a-Ride" not in body


def test_the_circle_picker_ignores_accents_and_case(client, worker, person, other_person) -> None:
    RelationshipFactory(person=other_person, contact=ContactFactory(given_name="Zoë", family_name="Ñúñez"))
    RelationshipFactory(person=person, contact=ContactFactory(given_name="Zoë", family_name="Ñúñez"))
    client.force_login(worker)
    found = client.get(
        reverse("circles:pick", args=[person.pk, "family"]), {"q": "zoe nunez"}
    ).content.decode()
    assert found.count("Ñúñez") == 1 and '<span id="pick-count" hx-swap-oob="innerHTML">1 found' in found


def test_an_edit_keeps_the_search_column_in_step(client, worker, person) -> None:
    contact = ContactFactory(given_name="Robin", family_name="Hart")
    RelationshipFactory(person=person, contact=contact)
    Contact.objects.filter(pk=contact.pk).update(search_text="")  # as if saved before the column
    contact.refresh_from_db()
    contact.family_name = "Ñúñez"
    contact.save(update_fields=["family_name"])
    client.force_login(worker)
    assert "Ñúñez" in client.get(reverse("circles:contacts"), {"q": "nunez"}).content.decode()


@pytest.mark.parametrize(
    "name", ["people:list", "circles:contacts", "circles:organisations", "signposting:services"]
)
def test_the_search_box_takes_the_cursor(client, worker, name) -> None:
    client.force_login(worker)
    assert 'type="search"' in (body := client.get(reverse(name)).content.decode()) and " autofocus " in body


@pytest.mark.parametrize(
    ("name", "query", "count"),
    [
        ("people:list", "Peggy", "1 person matching “Peggy”"),
        ("circles:contacts", "Zoë", "1 contact matching “Zoë”"),
        ("circles:organisations", "Brookside", "1 organisation matching “Brookside”"),
        ("signposting:services", "Café", "1 service matching “Café”"),
    ],
)
def test_one_persistent_status_holds_only_the_count(client, worker, person, name, query, count) -> None:
    """The status sits outside the results htmx replaces, so a screen reader announces the
    new count ("1 contact matching …"), never the whole list."""
    RelationshipFactory(person=person, contact=ContactFactory(given_name="Zoë", family_name="Ñúñez"))
    OrganisationFactory(name="Brookside Surgery")
    ServiceFactory(name="Café Zoë")
    client.force_login(worker)
    page = client.get(reverse(name), {"q": query}).content.decode()
    assert page.count('role="status"') == 1 and "aria-live" not in page
    assert f'<p class="results-count" id="results-count" role="status">{count}</p>' in page
    partial = client.get(reverse(name), {"q": query}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results")
    assert f'<span id="results-count" hx-swap-oob="innerHTML">{count}</span>' in partial.content.decode()


def test_adding_to_a_circle_starts_in_the_search_box(client, worker, person) -> None:
    client.force_login(worker)
    url = reverse("circles:add", args=[person.pk, "family"])
    assert 'id="pick-q" name="q" autocomplete="off" autofocus' in client.get(url).content.decode()
    refused = client.post(url, {"rel-role": ""}).content.decode()
    assert "autofocus" not in refused  # after an error the summary has the focus (js/errors.js)


def test_a_directory_larger_than_is_counted_says_so_and_pages_up_to_there(
    client, worker, person, settings, monkeypatch
) -> None:
    """The directory grows with the service: past CONTACTS_COUNTED it is not counted to the
    end; the page says there are more and asks for a search, and still pages up to there."""
    import circles.views

    monkeypatch.setattr(circles.views, "CONTACTS_COUNTED", 4)
    settings.PAGE_SIZE = 2
    for n in range(7):
        ContactFactory(kind="practitioner", family_name=f"Practitioner{n}", given_name="Sam")
    client.force_login(worker)
    first = client.get(reverse("circles:contacts")).content.decode()
    assert "More than 4 contacts" in first and "search by name" in first
    assert "Page 1 of 2 (the first 4)" in first
    past = client.get(reverse("circles:contacts"), {"page": 9}).content.decode()
    assert "Practitioner3" in past and "Practitioner4" not in past  # the last page counted
    narrowed = client.get(reverse("circles:contacts"), {"q": "practitioner6"}).content.decode()
    assert "1 contact matching" in narrowed and "Practitioner6" in narrowed and "More than" not in narrowed
