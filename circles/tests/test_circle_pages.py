import pytest
from django.urls import reverse

from audit.models import AuditEvent
from circles.models import Contact, Organisation, Relationship
from rapport.testing.factories import ContactFactory, OrganisationFactory, PersonFactory, RelationshipFactory


def _add(client, person, group, **data):
    base = {"rel-role": "Mother", "rel-started_on": "2024-05-01"}
    base.update(data)
    return client.post(reverse("circles:add", args=[person.pk, group]), base)


class TestAddFamily:
    def test_a_new_mother_with_lpa_for_health_and_welfare(self, client, worker, person) -> None:
        client.force_login(worker)
        response = _add(
            client,
            person,
            "family",
            **{
                "new-title": "Mrs",
                "new-given_name": "Joan",
                "new-family_name": "Hughes",
                "new-phone": "07700 900123",
                "rel-lpa_health_welfare": "on",
                "rel-is_key_contact": "on",
                "rel-contact_every_days": "7",
            },
        )
        assert response.status_code == 302
        rel = Relationship.objects.get(person=person)
        assert rel.group == "family" and rel.lpa_health_welfare and rel.is_key_contact
        assert rel.contact.kind == Contact.Kind.FAMILY and rel.contact.phone == "07700 900123"
        assert AuditEvent.objects.filter(person=person, object_type="relationship", action="create").exists()

    def test_an_existing_contact_joins_a_second_circle(self, client, worker, person, team) -> None:
        sibling = PersonFactory(teams=[team])
        mother = RelationshipFactory(person=sibling, role="Mother").contact
        client.force_login(worker)
        _add(client, person, "family", **{"pick-existing": mother.pk})
        assert Contact.objects.count() == 1
        assert set(mother.relationships.values_list("person", flat=True)) == {person.pk, sibling.pk}

    def test_a_contact_from_another_teams_circle_cannot_be_picked(
        self, client, worker, person, other_person
    ) -> None:
        stranger = RelationshipFactory(person=other_person).contact
        client.force_login(worker)
        response = _add(client, person, "family", **{"pick-existing": stranger.pk})
        assert "no longer available" in response.content.decode()
        assert not person.relationships.exists()

    def test_neither_chosen_nor_entered_is_explained(self, client, worker, person) -> None:
        client.force_login(worker)
        response = _add(client, person, "family", **{"new-phone": "12"})
        body = response.content.decode()
        assert "This field is required" in body and "does not look like a phone number" in body
        assert not Contact.objects.exists() and not Relationship.objects.exists()

    def test_an_unknown_group_is_404(self, client, worker, person) -> None:
        client.force_login(worker)
        assert client.get(reverse("circles:add", args=[person.pk, "pets"])).status_code == 404


class TestAddPartners:
    def test_a_new_gp_practice(self, client, worker, person) -> None:
        client.force_login(worker)
        _add(
            client,
            person,
            "partner",
            **{
                "new-name": "Brookside Surgery",
                "new-kind": "gp",
                "new-ods_code": "y02494",
                "new-secure_channel": "secure_email",
                "rel-role": "GP practice",
            },
        )
        rel = Relationship.objects.get(person=person)
        assert rel.organisation.name == "Brookside Surgery" and rel.organisation.ods_code == "Y02494"
        assert rel.group == "partner"

    def test_a_bad_ods_code_is_explained(self, client, worker, person) -> None:
        client.force_login(worker)
        response = _add(
            client, person, "partner", **{"new-name": "X", "new-kind": "gp", "new-ods_code": "no!"}
        )
        assert "3 to 10 letters and digits" in response.content.decode()
        assert not Organisation.objects.exists()

    def test_a_practitioner_at_an_organisation(self, client, worker, person) -> None:
        surgery = OrganisationFactory(name="Brookside Surgery")
        client.force_login(worker)
        _add(
            client,
            person,
            "practitioner",
            **{
                "new-title": "Dr",
                "new-given_name": "Amir",
                "new-family_name": "Shah",
                "new-profession": "GP",
                "new-organisation": surgery.pk,
                "new-email": "amir.shah@nhs.example",
                "rel-role": "GP",
            },
        )
        rel = Relationship.objects.get(person=person)
        assert rel.group == "practitioner" and rel.contact.organisation == surgery

    def test_the_picker_finds_existing_entries(self, client, worker, person) -> None:
        OrganisationFactory(name="Brookside Surgery")
        ContactFactory(kind="practitioner", given_name="Amir", family_name="Shah", profession="GP")
        client.force_login(worker)
        orgs = client.get(reverse("circles:pick", args=[person.pk, "partner"]), {"q": "brook"})
        assert "Brookside Surgery" in orgs.content.decode()
        people = client.get(reverse("circles:pick", args=[person.pk, "practitioner"]), {"q": "shah"})
        assert "Amir Shah" in people.content.decode()


class TestChangeAndEnd:
    def test_ending_keeps_the_relationship_as_past(self, client, worker, person) -> None:
        rel = RelationshipFactory(person=person, started_on="2020-01-01")
        client.force_login(worker)
        client.post(
            reverse("circles:end", args=[person.pk, rel.pk]),
            {"ended_on": "2021-01-01", "reason": "Moved abroad", "version": rel.version},
        )
        rel.refresh_from_db()
        assert rel.ended_on.isoformat() == "2021-01-01"
        body = client.get(reverse("person:page", args=[person.pk])).content.decode()
        assert "Past members of the circle (1)" in body and "Moved abroad" in body

    def test_ending_before_it_started_is_refused(self, client, worker, person) -> None:
        rel = RelationshipFactory(person=person, started_on="2020-01-01")
        client.force_login(worker)
        response = client.post(
            reverse("circles:end", args=[person.pk, rel.pk]),
            {"ended_on": "2019-01-01", "version": rel.version},
        )
        assert "choose that day or later" in response.content.decode()
        rel.refresh_from_db()
        assert rel.ended_on is None

    def test_a_stale_relationship_edit_shows_the_conflict(self, client, worker, teammate, person) -> None:
        rel = RelationshipFactory(person=person, role="Daughter")
        form = {"rel-role": "x", "role": "Daughter", "started_on": "2024-01-01", "version": 1}
        client.force_login(teammate)
        client.post(reverse("circles:edit", args=[person.pk, rel.pk]), {**form, "role": "Stepdaughter"})
        client.force_login(worker)
        response = client.post(
            reverse("circles:edit", args=[person.pk, rel.pk]), {**form, "role": "Daughter-in-law"}
        )
        body = response.content.decode()
        assert "Someone else saved this record" in body
        assert "Stepdaughter" in body and "Daughter-in-law" in body
        rel.refresh_from_db()
        assert rel.role == "Stepdaughter"


class TestContacts:
    def test_family_contacts_are_visible_only_through_my_peoples_circles(
        self, client, worker, person, other_person
    ) -> None:
        mine = RelationshipFactory(person=person).contact
        theirs = RelationshipFactory(person=other_person).contact
        client.force_login(worker)
        assert client.get(reverse("contact:page", args=[mine.pk])).status_code == 200
        assert client.get(reverse("contact:page", args=[theirs.pk])).status_code == 404
        listing = client.get(reverse("circles:contacts")).content.decode()
        assert mine.given_name in listing and theirs.given_name not in listing

    def test_the_list_is_counted_side_by_side_as_the_same_contacts(
        self, client, worker, outsider, administrator, team, other_team, person, other_person
    ) -> None:
        """The contacts list is counted as two lists that never overlap (the directory, and
        the family in the user's circles): for each kind of staff they are exactly the
        contacts the user may see, and the count the page shows is theirs."""
        from accounts.models import Membership, User
        from circles.access import contact_sides, contacts_visible_to
        from rapport.testing.factories import UserFactory

        RelationshipFactory(person=person)
        RelationshipFactory(person=other_person)
        RelationshipFactory(person=person, contact=ContactFactory(kind="practitioner"))
        ContactFactory(kind="partner")
        ContactFactory(kind="family")  # in no circle: an administrator's only
        both = UserFactory(username="both", teams=[team, other_team])
        leading = UserFactory(username="leading", role=User.Role.LEADER, teams=[other_team])
        Membership.objects.create(user=leading, team=team, leads=False)
        for user, seen in [(worker, 3), (outsider, 3), (both, 4), (leading, 4), (administrator, 5)]:
            sides = [set(side.values_list("pk", flat=True)) for side in contact_sides(user)]
            visible = set(contacts_visible_to(user).values_list("pk", flat=True))
            assert set().union(*sides) == visible and sum(map(len, sides)) == len(visible) == seen, user
            client.force_login(user)
            assert f"{seen} contacts" in client.get(reverse("circles:contacts")).content.decode(), user

    def test_practitioners_form_a_shared_directory(self, client, worker, other_person) -> None:
        gp = RelationshipFactory(
            person=other_person, contact=ContactFactory(kind="practitioner", profession="GP")
        ).contact
        client.force_login(worker)
        body = client.get(reverse("contact:page", args=[gp.pk])).content.decode()
        assert other_person.preferred_name not in body  # their circles stay private

    def test_contact_edit_validates_phone(self, client, worker, person) -> None:
        contact = RelationshipFactory(person=person).contact
        client.force_login(worker)
        response = client.post(
            reverse("circles:contact_edit", args=[contact.pk]),
            {"given_name": contact.given_name, "phone": "not a phone", "version": contact.version},
        )
        assert "does not look like a phone number" in response.content.decode()


class TestOrganisations:
    def test_add_and_find_an_organisation(self, client, worker) -> None:
        client.force_login(worker)
        client.post(
            reverse("circles:organisation_create"),
            {"name": "Riverside Pharmacy", "kind": "pharmacy", "phone": "01632 960123"},
        )
        assert Organisation.objects.get().phone == "01632 960123"
        body = client.get(reverse("circles:organisations"), {"q": "river"}).content.decode()
        assert "Riverside Pharmacy" in body

    def test_duplicate_ods_code_is_refused(self, client, worker) -> None:
        OrganisationFactory(ods_code="Y02494")
        client.force_login(worker)
        response = client.post(
            reverse("circles:organisation_create"), {"name": "Copy", "kind": "gp", "ods_code": "Y02494"}
        )
        assert "already in the directory" in response.content.decode()
        assert Organisation.objects.count() == 1


@pytest.mark.parametrize("typed", ["01632 960 555", "01632960555", "+44 1632 960555", "960555"])
def test_contacts_are_found_by_phone_however_it_is_typed(client, worker, person, typed) -> None:
    RelationshipFactory(
        person=person, role="Son", contact=ContactFactory(given_name="Robin", phone="01632 960 555")
    )
    client.force_login(worker)
    assert "Robin" in client.get(reverse("circles:contacts"), {"q": typed}).content.decode()


def test_contacts_are_found_by_email(client, worker, person) -> None:
    RelationshipFactory(
        person=person, role="Son", contact=ContactFactory(given_name="Robin", email="robin.h@example.org")
    )
    client.force_login(worker)
    assert "Robin" in client.get(reverse("circles:contacts"), {"q": "robin.h@example"}).content.decode()
