"""A contact's organisation is chosen by searching the directory: the forms never list it
whole (2,500 organisations at 20,000 people), keep what is chosen, and refuse what is not
in the directory."""

import re

from django.urls import reverse

from circles.models import Contact, Relationship
from rapport.testing.factories import ContactFactory, OrganisationFactory, RelationshipFactory


def _practitioner(organisation) -> dict:
    return {
        "rel-role": "District nurse",
        "rel-started_on": "2024-05-01",
        "new-given_name": "Sue",
        "new-family_name": "Ward",
        "new-profession": "District nurse",
        "new-phone": "07700 900123",
        "new-organisation": organisation,
    }


def test_the_form_offers_a_search_not_the_whole_directory(
    client, worker, person, django_assert_max_num_queries
) -> None:
    for n in range(40):
        OrganisationFactory(name=f"Surgery number {n}")
    client.force_login(worker)
    with django_assert_max_num_queries(12):
        body = client.get(reverse("circles:add", args=[person.pk, "practitioner"])).content.decode()
    assert "Surgery number" not in body
    assert 'name="new-organisation_q"' in body and "Not linked to an organisation" in body
    assert re.search(r'<input type="radio" name="new-organisation" id="[^"]+" value="" checked>', body)


def test_the_search_offers_ten_at_most_as_choices_of_the_field(client, worker) -> None:
    for n in range(12):
        OrganisationFactory(name=f"Brookside branch {n}")
    OrganisationFactory(name="Elsewhere Pharmacy")
    client.force_login(worker)
    url = reverse("circles:organisation_choice")
    body = client.get(url, {"field": "new-organisation", "new-organisation_q": "brook"}).content.decode()
    assert body.count('type="radio" name="new-organisation"') == 10 and "Elsewhere" not in body
    assert (
        "No organisation found"
        in client.get(url, {"field": "organisation", "organisation_q": "zzz"}).content.decode()
    )
    assert client.get(url, {"field": "organisation", "organisation_q": "b"}).content.decode().strip() == ""
    hostile = client.get(url, {"field": '"><script>', "organisation_q": "elsewhere"}).content.decode()
    assert "<script>" not in hostile and 'name="organisation"' in hostile


def test_a_chosen_organisation_is_saved_and_shown_again(client, worker, person) -> None:
    surgery = OrganisationFactory(name="Brookside Surgery")
    client.force_login(worker)
    response = client.post(
        reverse("circles:add", args=[person.pk, "practitioner"]), _practitioner(surgery.pk)
    )
    assert response.status_code == 302
    contact = Relationship.objects.get(person=person).contact
    assert contact.organisation == surgery
    body = client.get(reverse("circles:contact_edit", args=[contact.pk])).content.decode()
    assert re.search(rf'name="organisation" id="[^"]+" value="{surgery.pk}" checked>', body)


def test_an_organisation_not_in_the_directory_is_refused(client, worker, person) -> None:
    client.force_login(worker)
    for forged in ("999999", "99999999999999999999999", "surgery"):
        response = client.post(
            reverse("circles:add", args=[person.pk, "practitioner"]), _practitioner(forged)
        )
        assert response.status_code == 200
        assert "That organisation is not in the directory" in response.content.decode()
    assert not Contact.objects.exists() and not Relationship.objects.exists()


def test_editing_a_contact_changes_or_clears_the_link(client, worker, person) -> None:
    surgery, pharmacy = (
        OrganisationFactory(name="Brookside Surgery"),
        OrganisationFactory(name="Elm Pharmacy"),
    )
    contact = ContactFactory(
        kind="practitioner", given_name="Amir", family_name="Shah", phone="07700 900456", organisation=surgery
    )
    RelationshipFactory(person=person, contact=contact)
    client.force_login(worker)
    edit = reverse("circles:contact_edit", args=[contact.pk])
    for chosen, expected in ((pharmacy.pk, pharmacy), ("", None)):
        contact.refresh_from_db()
        data = {
            "given_name": "Amir",
            "family_name": "Shah",
            "phone": "07700 900456",
            "version": contact.version,
        }
        response = client.post(edit, {**data, "organisation": chosen})
        assert response.status_code == 302, response.content.decode()[:3000]
        contact.refresh_from_db()
        assert contact.organisation == expected
