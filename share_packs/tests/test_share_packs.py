import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from fhir.resources.R4B.bundle import Bundle

from consent.models import ConsentRecord, Disclosure, SharePack, Topic
from rapport.testing.factories import (
    ChangeFactory,
    CommitmentFactory,
    OrganisationFactory,
    RelationshipFactory,
)


@pytest.fixture
def practice(person, worker):
    surgery = RelationshipFactory(
        person=person,
        contact=None,
        organisation=OrganisationFactory(name="Brookside Surgery"),
        group="partner",
        role="GP practice",
    )
    for code in ("health", "incidents", "plans"):
        ConsentRecord.objects.create(
            person=person,
            recipient=surgery,
            topic=Topic.objects.get(code=code),
            decision="given",
            how="written",
            recorded_by=worker,
        )
    return surgery


def _pack(client, person, practice, action, sections):
    return client.post(
        reverse("share_packs:create", args=[person.pk]),
        {
            "recipient": f"rel:{practice.pk}",
            "purpose": "Falls assessment referral",
            "channel": "secure_email",
            "sections": sections,
            "action": action,
        },
    )


def test_preview_shows_what_leaves_and_what_consent_removed(client, worker, person, practice) -> None:
    ChangeFactory(person=person, area="fall", description="Found on the floor by the bed.")
    ChangeFactory(person=person, area="mood", description="Tearful all week.")  # care: not agreed
    client.force_login(worker)
    body = _pack(client, person, practice, "preview", ["profile", "changes"]).content.decode()
    assert "Found on the floor by the bed." in body and "Tearful all week." not in body
    assert (
        "About the person and what matters to them: No consent is recorded for sharing care updates" in body
    )
    assert not SharePack.objects.exists() and not Disclosure.objects.exists()


def test_sending_records_the_pack_and_a_valid_fhir_bundle(client, worker, person, practice) -> None:
    ChangeFactory(person=person, area="fall", description="Found on the floor by the bed.")
    CommitmentFactory(person=person, owner=worker, kind="action", title="Book a falls clinic appointment")
    client.force_login(worker)
    response = _pack(client, person, practice, "send", ["profile", "changes", "actions"])
    pack = SharePack.objects.get()
    assert response.url == reverse("share_packs:detail", args=[person.pk, pack.pk])
    fhir = client.get(reverse("share_packs:fhir", args=[person.pk, pack.pk]))
    assert fhir["Content-Type"] == "application/fhir+json"
    bundle = Bundle.model_validate(json.loads(fhir.content))
    kinds = sorted(entry.resource.__resource_type__ for entry in bundle.entry)
    assert kinds == ["Observation", "Task"]  # the profile (care updates) was not agreed
    assert b"Peggy" not in fhir.content
    shared = set(Disclosure.objects.filter(share_pack=pack).values_list("topic__code", flat=True))
    assert shared == {"incidents", "plans"}
    page = client.get(response.url).content.decode()
    assert "Book a falls clinic appointment" in page and "Not shared" in page


def test_nothing_allowed_means_nothing_sent(client, worker, person, practice) -> None:
    client.force_login(worker)
    body = _pack(client, person, practice, "send", ["profile"]).content.decode()
    assert "nothing was sent" in body
    assert not SharePack.objects.exists() and not Disclosure.objects.exists()


def test_family_cannot_be_chosen_for_a_share_pack(client, worker, person) -> None:
    daughter = RelationshipFactory(person=person, role="Daughter")
    client.force_login(worker)
    response = client.post(
        reverse("share_packs:create", args=[person.pk]),
        {
            "recipient": f"rel:{daughter.pk}",
            "purpose": "x",
            "channel": "email",
            "sections": ["profile"],
            "action": "send",
        },
    )
    assert "Select a valid choice" in response.content.decode()
    assert not SharePack.objects.exists()


NODE_VALIDATOR = Path(__file__).resolve().parents[2] / "rapport" / "testing" / "fhir_validate.cjs"


def _schema_errors(bundle: dict) -> list:
    assert shutil.which("node"), "Node.js is needed to validate against the R4 schema (make test installs it)"
    result = subprocess.run(
        ["node", str(NODE_VALIDATOR)],
        input=json.dumps(bundle),
        capture_output=True,
        text=True,
        cwd=NODE_VALIDATOR.parents[2],
        timeout=60,
    )
    assert result.stdout, result.stderr
    return json.loads(result.stdout)


def test_every_kind_of_entry_meets_the_official_r4_schema(worker, person, practice) -> None:
    from share_packs.contents import build_pack
    from share_packs.fhir import bundle_for

    for code in ("care",):
        ConsentRecord.objects.create(
            person=person,
            recipient=practice,
            topic=Topic.objects.get(code=code),
            decision="given",
            how="written",
            recorded_by=worker,
        )
    RelationshipFactory(person=person, role="Daughter")
    RelationshipFactory(
        person=person, role="District nurse", group="practitioner", contact__kind="practitioner"
    )
    ChangeFactory(person=person, area="fall")
    CommitmentFactory(person=person, owner=worker, kind="action", title="Book the falls clinic")
    bundle = bundle_for(build_pack(person, practice, ["profile", "circle", "changes", "actions"]))
    kinds = {entry["resource"]["resourceType"] for entry in bundle["entry"]}
    assert kinds == {"Patient", "Organization", "Practitioner", "RelatedPerson", "Observation", "Task"}
    assert _schema_errors(bundle) == []


def test_the_schema_check_catches_a_bad_code() -> None:
    bad = {"resourceType": "Bundle", "type": "not-a-bundle-type"}
    assert _schema_errors(bad) != []
