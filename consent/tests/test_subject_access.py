import io
import json
import zipfile

from django.apps import apps
from django.urls import reverse

from audit.models import AuditEvent
from consent.subject_access import SECTION_OF
from people.models import Person
from rapport.testing.factories import (
    CommitmentFactory,
    FeedbackFactory,
    InteractionFactory,
    MeetingFactory,
    PersonFactory,
    RelationshipFactory,
    ServiceFactory,
)
from recognition.models import Recognition
from signposting.models import Signposting


def _export(client, person) -> zipfile.ZipFile:
    response = client.post(reverse("consent:subject_access", args=[person.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_everything_about_the_person_and_nothing_about_their_brother(
    client, leader, worker, person, team
) -> None:
    brother = PersonFactory(preferred_name="Ernest", legal_family_name="Hughes", teams=[team])
    mother = RelationshipFactory(person=person, role="Mother", contact__given_name="Joan").contact
    RelationshipFactory(person=brother, role="Mother", contact=mother)
    for n in range(3):
        InteractionFactory(
            person=person,
            staff=worker,
            with_kind="circle",
            relationship=person.relationships.get(),
            summary=f"Joan asked about Peggy's week {n}",
        )
    InteractionFactory(
        person=brother,
        staff=worker,
        with_kind="circle",
        relationship=brother.relationships.get(),
        summary="Joan worried about Ernest's hospital letter",
    )
    CommitmentFactory(person=brother, owner=worker, title="Ring Joan about Ernest's letter")
    shared = MeetingFactory(team=team, people=[person, brother], title="Family meeting")
    CommitmentFactory(person=brother, owner=worker, meeting=shared, title="Ernest's action")
    CommitmentFactory(person=person, owner=worker, meeting=shared, title="Peggy's action")

    client.force_login(leader)
    archive = _export(client, person)
    names = set(archive.namelist())
    assert {"index.html", "conversations.html", "consent.html", "access.html", "record.json"} <= names
    data = json.loads(archive.read("record.json"))
    said = [row["What was said"] for row in data["conversations"]]
    assert sorted(said) == [f"Joan asked about Peggy's week {n}" for n in range(3)]
    everything = b"".join(archive.read(name) for name in names).decode()
    assert "Ernest" not in everything
    assert data["meetings"][0]["Actions about them"] == "Peggy's action"
    assert any("Exported" in e.get_action_display() for e in AuditEvent.objects.filter(person=person))


def test_only_team_leaders_may_export(client, worker, person) -> None:
    client.force_login(worker)
    assert client.post(reverse("consent:subject_access", args=[person.pk])).status_code == 403
    assert not AuditEvent.objects.filter(action="export").exists()


def test_a_meeting_about_several_people_is_withheld_and_listed(client, leader, worker, person, team) -> None:
    brother = PersonFactory(preferred_name="Ernest", teams=[team])
    MeetingFactory(team=team, people=[person, brother], title="Family meeting", notes="Ernest's debts")
    MeetingFactory(team=team, people=[person], title="Peggy's review", notes="Peggy wants to garden")
    client.force_login(leader)
    archive = _export(client, person)
    data = json.loads(archive.read("record.json"))
    everything = b"".join(archive.read(name) for name in archive.namelist()).decode()
    assert "Ernest" not in everything and "Family meeting" not in everything
    assert "Peggy wants to garden" in everything
    assert any("also discussed 1 other person" in row["Why"] for row in data["withheld"])


def test_a_complainant_outside_the_circle_is_not_named(client, leader, person) -> None:
    FeedbackFactory(person=person, from_name="Mr Neighbour Jones")
    client.force_login(leader)
    data = json.loads(_export(client, person).read("record.json"))
    assert "Neighbour" not in json.dumps(data)
    assert data["feedback"][0]["From"].startswith("Someone outside their circle")


def test_signposting_thanks_overrides_and_packs_are_exported(client, leader, worker, person) -> None:
    son = RelationshipFactory(person=person, role="Son", contact__given_name="Robin")
    Signposting.objects.create(person=person, service=ServiceFactory(name="Memory Café"), by=worker)
    Recognition.objects.create(
        kind=Recognition.Kind.THANKS, person=person, relationship=son, given_by=worker, what_for="Lifts"
    )
    client.force_login(leader)
    data = json.loads(_export(client, person).read("record.json"))
    assert data["signposting"][0]["Service"].startswith("Memory Café")
    assert data["thanks"][0]["What for"] == "Lifts"
    assert {"overrides", "share_packs", "withheld"} <= set(data)


def test_every_model_that_refers_to_a_person_is_exported(client, leader, person) -> None:
    """A new model with a link to Person fails here until gather() carries it (or a reason
    to leave it out is written in SECTION_OF's docstring and here)."""
    referring = set()
    for model in apps.get_models():
        if model.__name__.startswith("Historical"):  # django-simple-history's copies of old versions
            continue
        for field in model._meta.get_fields():
            if field.is_relation and not field.auto_created and field.related_model is Person:
                referring.add(model._meta.label)
    referring.add("people.Person")
    assert referring == set(SECTION_OF), "Export these models in consent/subject_access.py"
    client.force_login(leader)
    data = json.loads(_export(client, person).read("record.json"))
    assert set(SECTION_OF.values()) <= set(data)
