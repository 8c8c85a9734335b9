"""A share pack as a FHIR R4 Bundle (fhir.resources' R4B models, wire-compatible with R4).

Built only from the pack's content, so the Bundle can never carry more than the page;
validated as a whole by fhir.resources before it is stored or served.
"""

import json
import uuid
from typing import Any

from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle

from share_packs.contents import Pack

NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number"
Resource = dict[str, Any]


def _urn() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def _patient(row: dict[str, str]) -> Resource:
    patient: Resource = {
        "resourceType": "Patient",
        "name": [
            {"use": "official", "text": row["Legal name"]},
            {"use": "usual", "text": row["Preferred name"]},
        ],
        "communication": [{"language": {"text": row["First language"]}, "preferred": True}],
    }
    if row["nhs"]:
        patient["identifier"] = [{"system": NHS_NUMBER, "value": row["nhs"]}]
    if row["born"]:
        patient["birthDate"] = row["born"]
    return patient


def _circle_member(row: dict[str, str], patient_ref: Resource | None) -> Resource | None:
    if row["kind"] == "organisation":
        return {"resourceType": "Organization", "name": row["Who"], "type": [{"text": row["Role"]}]}
    if row["kind"] == "practitioner":
        return {"resourceType": "Practitioner", "name": [{"text": row["Who"]}]}
    if patient_ref is None:
        return None  # a family member means nothing without the person they relate to
    return {
        "resourceType": "RelatedPerson",
        "patient": patient_ref,
        "name": [{"text": row["Who"]}],
        "relationship": [{"text": row["Role"]}],
    }


def bundle_for(pack: Pack) -> dict[str, Any]:
    resources: list[Resource] = []
    patient_ref: Resource | None = None
    entries: list[Resource] = []
    for row in pack.sections.get("profile", []):
        url = _urn()
        entries.append({"fullUrl": url, "resource": _patient(row)})
        patient_ref = {"reference": url}
    for row in pack.sections.get("circle", []):
        member = _circle_member(row, patient_ref)
        if member is not None:
            resources.append(member)
    for row in pack.sections.get("changes", []):
        observation: Resource = {
            "resourceType": "Observation",
            "status": "final",
            "code": {"text": f"Change in {row['What changed'].lower()}"},
            "effectiveDateTime": row["at"],
            "valueString": row["Description"],
            "interpretation": [{"text": row["Significance"]}],
        }
        if patient_ref:
            observation["subject"] = patient_ref
        resources.append(observation)
    for row in pack.sections.get("actions", []):
        task: Resource = {
            "resourceType": "Task",
            "status": "requested",
            "intent": "order",
            "description": row["Action"],
            "restriction": {"period": {"end": row["due"]}},
        }
        if patient_ref:
            task["for"] = patient_ref
        resources.append(task)
    entries += [{"fullUrl": _urn(), "resource": resource} for resource in resources]
    data: Resource = {
        "resourceType": "Bundle",
        "type": "collection",
        "identifier": {"system": "urn:ietf:rfc:3986", "value": _urn()},
        "timestamp": timezone.now().isoformat(),
    }
    if entries:
        data["entry"] = entries
    return json.loads(Bundle.model_validate(data).model_dump_json())
