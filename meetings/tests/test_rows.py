"""Any number of decisions and actions: "Add another" works without JavaScript, keeps what was
typed and saves nothing; the rows stay bounded whatever is posted; organisations attend."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from meetings.forms import MAX_ACTIONS
from meetings.models import Meeting
from meetings.tests.forms import meeting_form_data
from rapport.testing.factories import OrganisationFactory, RelationshipFactory

_form = meeting_form_data


def test_add_another_action_keeps_what_was_typed_and_saves_nothing(client, worker, team) -> None:
    client.force_login(worker)
    response = client.post(
        reverse("meetings:create"), _form(team, add_actions="1", **{"actions-0-title": "Ask Tom"})
    )
    body = response.content.decode()
    assert response.status_code == 200 and not Meeting.objects.exists()
    assert 'name="actions-TOTAL_FORMS" value="2"' in body
    assert "Action 2" in body and "Ask Tom" in body and "Cover Christmas Day in pairs" in body
    assert "There is a problem" not in body  # not a submission: no complaints yet


def test_add_another_decision(client, worker, team) -> None:
    client.force_login(worker)
    body = client.post(reverse("meetings:create"), _form(team, add_decisions="1")).content.decode()
    assert 'name="decisions-TOTAL_FORMS" value="2"' in body and "Decision 2" in body


def test_the_rows_stay_bounded_whatever_is_posted(client, worker, team) -> None:
    client.force_login(worker)
    body = client.post(
        reverse("meetings:create"), _form(team, add_actions="1", **{"actions-TOTAL_FORMS": "99999"})
    ).content.decode()
    assert f'name="actions-TOTAL_FORMS" value="{MAX_ACTIONS}"' in body
    assert "Add another action" not in body and "Add a late action" in body
    response = client.post(reverse("meetings:create"), _form(team, **{"actions-TOTAL_FORMS": "5000"}))
    assert response.status_code == 200 and not Meeting.objects.exists()
    assert "Please submit at most" in response.content.decode()
    garbage = client.post(
        reverse("meetings:create"), _form(team, add_actions="1", **{"actions-TOTAL_FORMS": "x"})
    )
    assert garbage.status_code == 200


def test_twenty_four_rows_are_saved_in_order(client, worker, team) -> None:
    client.force_login(worker)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    rows = {}
    for n in range(4):
        rows |= {
            f"actions-{n}-title": f"Action {n}",
            f"actions-{n}-owner": worker.pk,
            f"actions-{n}-due_on": tomorrow,
        }
    decisions = {f"decisions-{n}-text": f"Decision {n}" for n in range(20)}
    client.post(
        reverse("meetings:create"),
        _form(team, **{"actions-TOTAL_FORMS": "4", "decisions-TOTAL_FORMS": "20", **rows, **decisions}),
    )
    meeting = Meeting.objects.get()
    assert [d.text for d in meeting.decisions.all()] == [f"Decision {n}" for n in range(20)]
    assert meeting.actions.count() == 4


def test_a_partner_organisation_attends(client, worker, team, person) -> None:
    gp = RelationshipFactory(
        person=person, organisation=OrganisationFactory(name="Brookside Surgery"), contact=None
    )
    client.force_login(worker)
    form_page = client.get(reverse("meetings:create"), {"person": person.pk}).content.decode()
    assert "Brookside Surgery" in form_page and "Partner organisations attending" in form_page
    response = client.post(
        reverse("meetings:create"), _form(team, people=[person.pk], organisations=[gp.organisation_id])
    )
    meeting = Meeting.objects.get()
    assert list(meeting.organisations.all()) == [gp.organisation]
    assert "Brookside Surgery" in client.get(response.url).content.decode()


def test_organisations_can_be_found_to_add(client, worker) -> None:
    OrganisationFactory(name="Riverside Pharmacy", kind="pharmacy")
    client.force_login(worker)
    found = client.get(reverse("meetings:pick_organisations"), {"organisations_q": "river"}).content.decode()
    assert "Riverside Pharmacy" in found and 'name="organisations"' in found


def test_problems_in_several_rows_make_one_summary(client, worker, team) -> None:
    """Two actions with no owner: one error summary naming both rows, and "Error:" in the
    title, though the meeting's own fields are fine."""
    client.force_login(worker)
    rows = {
        "actions-TOTAL_FORMS": "2",
        "actions-0-title": "Ask Tom",
        "actions-1-title": "Book the room",
    }
    body = client.post(reverse("meetings:create"), _form(team, **rows)).content.decode()
    assert not Meeting.objects.exists()
    assert body.count('id="form-problems"') == 1
    assert "Action 1, who" in body and "Action 2, who" in body
    assert "<title>Error: " in body
