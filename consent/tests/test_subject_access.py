import io
import json
import zipfile

from django.urls import reverse

from audit.models import AuditEvent
from rapport.testing.factories import (
    CommitmentFactory,
    InteractionFactory,
    MeetingFactory,
    PersonFactory,
    RelationshipFactory,
)


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
