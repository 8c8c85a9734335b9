from datetime import date

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from circles.models import Relationship
from people.models import Person
from rapport.testing.factories import (
    ContactFactory,
    OrganisationFactory,
    PersonFactory,
    RelationshipFactory,
)


def _person_form(team, **overrides):
    data = {
        "preferred_name": "Bea",
        "legal_given_names": "Beatrice Ann",
        "legal_family_name": "Lowe",
        "first_language": "English",
        "nhs_number": "943 476 5919",
        "teams": [team.pk],
    }
    data.update(overrides)
    return data


def _populate(team, people: int) -> None:
    for _ in range(people):
        p = PersonFactory(teams=[team])
        RelationshipFactory(person=p)


class TestList:
    def test_it_lists_only_my_teams_people(self, client, worker, person, other_person) -> None:
        client.force_login(worker)
        page = client.get(reverse("people:list")).content.decode()
        assert "Peggy" in page and "Stanley" not in page
        assert f"<bdi>{person.teams.get().name}</bdi>" in page  # each person's teams

    @pytest.mark.parametrize("query", ["peg", "MARGARET", "hughes", "Rose Hughes"])
    def test_it_finds_by_any_name(self, client, worker, person, query) -> None:
        client.force_login(worker)
        response = client.get(reverse("people:list"), {"q": query})
        assert "Peggy" in response.content.decode()

    def test_it_finds_by_nhs_number_with_spaces(self, client, worker, person) -> None:
        client.force_login(worker)
        spaced = person.nhs_number_display
        response = client.get(reverse("people:list"), {"q": spaced[:7]})
        assert "Peggy" in response.content.decode()

    def test_it_answers_htmx_with_the_results_only(self, client, worker, person) -> None:
        client.force_login(worker)
        response = client.get(
            reverse("people:list"), {"q": "peg"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results"
        )
        body = response.content.decode()
        assert "Peggy" in body and "<html" not in body

    def test_it_ignores_a_team_outside_mine(self, client, worker, person, other_team) -> None:
        client.force_login(worker)
        response = client.get(reverse("people:list"), {"team": other_team.pk})
        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()

    def test_a_search_is_on_the_record(self, client, worker, person, other_person) -> None:
        client.force_login(worker)
        client.get(reverse("people:list"), {"q": "Peg"})
        event = AuditEvent.objects.get(action="list")
        assert (event.actor, event.person) == (worker, person)
        assert event.summary == "Shown in a search for “Peg”"
        assert not AuditEvent.objects.filter(person=other_person).exists()

    def test_query_count_does_not_grow_with_data(
        self, client, worker, team, django_assert_max_num_queries
    ) -> None:
        client.force_login(worker)
        _populate(team, 3)
        # 12: the page's reads, and four statements recording who was shown (audit_shown)
        with django_assert_max_num_queries(12) as small:
            client.get(reverse("people:list"))
        baseline = len(small)  # read now: the next request clears the query log
        _populate(team, 30)
        with django_assert_max_num_queries(baseline):
            client.get(reverse("people:list"))


class TestCreate:
    def test_it_adds_a_person_and_audits_it(self, client, worker, team) -> None:
        client.force_login(worker)
        response = client.post(reverse("people:create"), _person_form(team))
        person = Person.objects.get(nhs_number="9434765919")
        assert response.url == reverse("person:page", args=[person.pk])
        assert list(person.teams.all()) == [team]
        assert AuditEvent.objects.filter(person=person, action="create", actor=worker).exists()

    def test_a_bad_nhs_number_is_explained_and_nothing_saved(self, client, worker, team) -> None:
        client.force_login(worker)
        response = client.post(reverse("people:create"), _person_form(team, nhs_number="943 476 5918"))
        assert response.status_code == 200
        assert "last digit does not match" in response.content.decode()
        assert "Beatrice Ann" in response.content.decode()  # what was typed is kept
        assert not Person.objects.exists()

    def test_a_duplicate_nhs_number_is_refused(self, client, worker, team, person) -> None:
        client.force_login(worker)
        response = client.post(reverse("people:create"), _person_form(team, nhs_number=person.nhs_number))
        assert "already has this NHS number" in response.content.decode()
        assert Person.objects.count() == 1

    def test_a_number_held_in_another_team_reveals_nothing(
        self, client, worker, team, other_person, administrator
    ) -> None:
        """The worker sees the same answer as for any new number; an administrator is shown
        the two records to resolve."""
        other_person.nhs_number = "9434765919"
        other_person.save()
        client.force_login(worker)
        response = client.post(reverse("people:create"), _person_form(team, nhs_number="943 476 5919"))
        assert response.status_code == 302
        assert "NHS number" not in response.content.decode()
        assert Person.objects.filter(nhs_number="9434765919").count() == 2
        client.force_login(administrator)
        listed = client.get(reverse("people:duplicates")).content.decode()
        assert "Stanley" in listed and "Beatrice" in listed
        client.force_login(worker)
        assert client.get(reverse("people:duplicates")).status_code == 403

    def test_a_worker_cannot_place_a_person_in_another_team(self, client, worker, other_team) -> None:
        client.force_login(worker)
        response = client.post(reverse("people:create"), _person_form(other_team))
        assert "Select a valid choice" in response.content.decode()
        assert not Person.objects.exists()

    @pytest.mark.parametrize(
        "field, value, message",
        [
            ("date_of_birth", "2999-01-01", "cannot be in the future"),
            ("date_of_birth", "31/02/1950", "Enter a valid date"),
            ("review_date", "2000-01-01", "from today onwards"),
            ("preferred_name", "", "This field is required"),
        ],
    )
    def test_bad_input_is_explained(self, client, worker, team, field, value, message) -> None:
        client.force_login(worker)
        response = client.post(reverse("people:create"), _person_form(team, **{field: value}))
        assert response.status_code == 200
        assert message in response.content.decode()
        assert not Person.objects.exists()


class TestDetail:
    def test_it_shows_the_circle_grouped_and_audits_the_view(self, client, worker, person) -> None:
        mother = ContactFactory(given_name="Joan", family_name="Hughes", form_of_address="Mrs Hughes")
        RelationshipFactory(person=person, contact=mother, role="Mother", lpa_health_welfare=True)
        gp = OrganisationFactory(name="Brookside Surgery")
        RelationshipFactory(
            person=person, contact=None, organisation=gp, group=Relationship.Group.PARTNER, role="GP"
        )
        client.force_login(worker)
        body = client.get(reverse("person:page", args=[person.pk])).content.decode()
        assert "Mrs Hughes" in body and "Brookside Surgery" in body
        assert "Lasting Power of Attorney for health and welfare" in body
        assert body.index("Family, parents and carers") < body.index("Mrs Hughes")
        assert body.index("External partners") < body.index("Brookside Surgery")
        assert AuditEvent.objects.filter(person=person, action="view", actor=worker).count() == 1

    def test_query_count_does_not_grow_with_the_circle(
        self, client, worker, person, django_assert_max_num_queries
    ) -> None:
        client.force_login(worker)
        RelationshipFactory(person=person)
        with django_assert_max_num_queries(20) as small:
            client.get(reverse("person:page", args=[person.pk]))
        baseline = len(small)  # read now: the next request clears the query log
        for _ in range(10):
            RelationshipFactory(person=person)
            RelationshipFactory(
                person=person, contact=None, organisation=OrganisationFactory(), group="partner"
            )
        with django_assert_max_num_queries(baseline):
            client.get(reverse("person:page", args=[person.pk]))


class TestEdit:
    def _edit(self, person, team, **changes):
        data = _person_form(
            team, nhs_number=person.nhs_number, version=person.version, change_reason="Corrected after a call"
        )
        data.update(
            preferred_name=person.preferred_name,
            legal_given_names=person.legal_given_names,
            legal_family_name=person.legal_family_name,
        )
        data.update(changes)
        return data

    def test_it_saves_keeps_history_and_audits(self, client, worker, person, team) -> None:
        client.force_login(worker)
        response = client.post(
            reverse("people:edit", args=[person.pk]), self._edit(person, team, pronouns="she/her")
        )
        assert response.status_code == 302
        person.refresh_from_db()
        assert person.pronouns == "she/her" and person.version == 2
        assert person.history.count() >= 2
        history = client.get(reverse("person:history", args=[person.pk])).content.decode()
        assert "Pronouns" in history and "she/her" in history and "Wendy Worker" in history
        assert AuditEvent.objects.filter(person=person, action="update").exists()

    def test_the_second_editor_is_shown_both_versions_and_nothing_is_lost(
        self, client, worker, teammate, person, team
    ) -> None:
        opened = person.version
        client.force_login(teammate)
        client.post(
            reverse("people:edit", args=[person.pk]),
            self._edit(person, team, version=opened, communication_needs="Uses a hearing aid"),
        )
        client.force_login(worker)
        response = client.post(
            reverse("people:edit", args=[person.pk]),
            self._edit(person, team, version=opened, communication_needs="Prefers written notes"),
        )
        body = response.content.decode()
        assert response.status_code == 200
        assert "Someone else saved this record" in body and "Tom Mate" in body
        assert "Uses a hearing aid" in body and "Prefers written notes" in body
        person.refresh_from_db()
        assert person.communication_needs == "Uses a hearing aid"
        # A deliberate second save, from the rebased form, keeps the worker's version.
        assert f'name="version" value="{opened + 1}"' in body
        client.post(
            reverse("people:edit", args=[person.pk]),
            self._edit(person, team, version=opened + 1, communication_needs="Prefers written notes"),
        )
        person.refresh_from_db()
        assert person.communication_needs == "Prefers written notes"

    def test_a_correction_needs_a_reason_which_the_history_keeps(self, client, worker, person, team) -> None:
        client.force_login(worker)
        response = client.post(
            reverse("people:edit", args=[person.pk]),
            self._edit(person, team, pronouns="she/her", change_reason=""),
        )
        assert "This field is required" in response.content.decode()
        person.refresh_from_db()
        assert person.pronouns == ""
        client.post(
            reverse("people:edit", args=[person.pk]),
            self._edit(person, team, pronouns="she/her", change_reason="She told us her pronouns"),
        )
        history = client.get(reverse("person:history", args=[person.pk])).content.decode()
        assert "Details changed: She told us her pronouns" in history
        event = AuditEvent.objects.get(person=person, action="update")
        assert event.reason.startswith("She told us her pronouns\nPronouns: — → she/her")  # why; then what

    def test_removing_all_my_teams_is_refused(self, client, worker, person, team, other_team) -> None:
        client.force_login(worker)
        response = client.post(reverse("people:edit", args=[person.pk]), self._edit(person, team, teams=[]))
        assert "This field is required" in response.content.decode()
        person.refresh_from_db()
        assert list(person.teams.all()) == [team]


class TestDischargeAndReadmit:
    def test_discharge_then_readmit(self, client, worker, person) -> None:
        person.admitted_on = date(2025, 3, 1)
        person.save()
        client.force_login(worker)
        client.post(
            reverse("people:discharge", args=[person.pk]),
            {"discharged_on": "2026-01-10", "reason": "Moved to be near family", "version": person.version},
        )
        person.refresh_from_db()
        assert person.status == Person.Status.DISCHARGED
        results = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "results"}
        assert "Peggy" not in client.get(reverse("people:list"), **results).content.decode()
        discharged = client.get(reverse("people:list"), {"status": "discharged"}, **results)
        assert "Peggy" in discharged.content.decode()
        client.post(
            reverse("people:readmit", args=[person.pk]),
            {"admitted_on": "2026-02-01", "version": person.version},
        )
        person.refresh_from_db()
        assert person.status == Person.Status.ACTIVE and person.discharged_on is None
        actions = set(AuditEvent.objects.filter(person=person).values_list("action", flat=True))
        assert {"discharge", "readmit"} <= actions

    @pytest.mark.parametrize(
        "day, reason, message",
        [
            ("2026-01-10", "", "This field is required"),
            ("2024-01-10", "Moved", "cannot be before admission"),
            ("2999-01-10", "Moved", "cannot be in the future"),
        ],
    )
    def test_a_bad_discharge_changes_nothing(self, client, worker, person, day, reason, message) -> None:
        person.admitted_on = date(2025, 3, 1)
        person.save()
        client.force_login(worker)
        response = client.post(
            reverse("people:discharge", args=[person.pk]),
            {"discharged_on": day, "reason": reason, "version": person.version},
        )
        assert message in response.content.decode()
        person.refresh_from_db()
        assert person.status == Person.Status.ACTIVE


class TestWhoHasLooked:
    def test_a_team_leader_sees_who_looked(self, client, worker, leader, person) -> None:
        client.force_login(worker)
        client.get(reverse("person:page", args=[person.pk]))
        client.force_login(leader)
        body = client.get(reverse("people:audit", args=[person.pk])).content.decode()
        assert "Wendy Worker" in body and "Viewed profile" in body

    def test_a_worker_may_not(self, client, worker, person) -> None:
        client.force_login(worker)
        assert client.get(reverse("people:audit", args=[person.pk])).status_code == 403


@pytest.mark.parametrize("typed", ["nunez", "NÚÑEZ", "zoe", "Zoë núñez"])
def test_search_ignores_accents_and_case(client, worker, team, typed) -> None:
    from rapport.testing.factories import PersonFactory

    PersonFactory(preferred_name="Zoë", legal_given_names="Zoë", legal_family_name="Ñúñez", teams=[team])
    client.force_login(worker)
    assert "Ñúñez" in client.get(reverse("people:list"), {"q": typed}).content.decode()


def test_a_renamed_person_is_found_by_the_new_name(client, worker, person, team) -> None:
    person.legal_family_name = "Ødegård"
    person.save(update_fields=["legal_family_name"])
    client.force_login(worker)
    assert "Peggy" in client.get(reverse("people:list"), {"q": "odegard"}).content.decode()


def test_a_refused_form_says_error_in_the_title(client, worker, team) -> None:
    client.force_login(worker)
    page = client.post(reverse("people:create"), _person_form(team, preferred_name="")).content.decode()
    assert "<title>Error: " in page and 'id="form-problems"' in page and "js/errors.js" in page


def test_a_namesake_born_the_same_day_is_pointed_out_once(client, worker, team, person) -> None:
    client.force_login(worker)
    form = _person_form(
        team,
        nhs_number="",
        legal_given_names="Margaret",
        legal_family_name="Hughes",
        date_of_birth=person.date_of_birth.isoformat(),
    )
    first = client.post(reverse("people:create"), form).content.decode()
    assert "Margaret Rose Hughes, born" in first and "already supported by your teams" in first
    assert Person.objects.count() == 1
    again = client.post(reverse("people:create"), {**form, "not_a_duplicate": "on"})
    assert again.status_code == 302 and Person.objects.count() == 2


def test_a_namesake_in_another_team_is_not_revealed(client, worker, team, other_person) -> None:
    client.force_login(worker)
    form = _person_form(
        team,
        nhs_number="",
        legal_given_names=other_person.legal_given_names,
        legal_family_name=other_person.legal_family_name,
        date_of_birth=other_person.date_of_birth.isoformat(),
    )
    assert client.post(reverse("people:create"), form).status_code == 302
