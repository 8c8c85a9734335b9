"""A person's own copy of everything held about them (a subject access request).

Each section is a list of plain rows (label -> text), so the same content becomes readable
pages and JSON. Only this person's records are read: conversations, commitments, meeting
actions and sharing about someone else never enter, even through a shared family member.
"""

import io
import json
import zipfile
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from audit.models import AuditEvent
from meetings.models import Meeting
from people.history import person_changes
from people.models import Person

Row = dict[str, str]


@dataclass
class Section:
    slug: str
    title: str
    rows: list[Row]


def _text(value: Any) -> str:
    if value in (None, ""):
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if hasattr(value, "strftime"):
        return value.strftime("%d %b %Y %H:%M") if hasattr(value, "hour") else value.strftime("%d %b %Y")
    return str(value)


def _profile(person: Person) -> list[Row]:
    row = {}
    for field in Person._meta.concrete_fields:
        if field.name in ("id", "version", "key_worker"):
            continue
        value = getattr(person, field.name)
        if field.choices:
            value = dict(field.choices).get(value, value)
        row[str(field.verbose_name).capitalize()] = _text(value)
    row["Teams"] = ", ".join(t.name for t in person.teams.all())
    row["Key worker"] = _text(person.key_worker)
    return [row]


def gather(person: Person) -> list[Section]:
    circle = person.relationships.select_related("contact__organisation", "organisation")
    interactions = person.interactions.select_related(
        "staff", "colleague", "relationship__contact", "relationship__organisation"
    )
    commitments = person.commitments.select_related(
        "owner", "owed_to_relationship__contact", "owed_to_relationship__organisation", "owed_to_staff"
    )
    meetings = Meeting.objects.filter(people=person).prefetch_related("decisions").select_related("team")
    actions: dict[int | None, list[str]] = {}
    for action in person.commitments.filter(meeting__in=meetings):
        actions.setdefault(action.meeting_id, []).append(action.title)
    return [
        Section("profile", "Profile", _profile(person)),
        Section(
            "circle",
            "Circle of support",
            [
                {
                    "Who": str(r.party),
                    "Role": r.role,
                    "Group": r.get_group_display(),
                    "From": _text(r.started_on),
                    "Until": _text(r.ended_on),
                    "Legal roles": ", ".join(r.legal_roles),
                    "Phone": r.contact.phone if r.contact else r.organisation.phone if r.organisation else "",
                }
                for r in circle
            ],
        ),
        Section(
            "conversations",
            "Conversations",
            [
                {
                    "When": _text(i.occurred_at),
                    "With": i.counterpart,
                    "How": i.get_channel_display(),
                    "Staff": str(i.staff),
                    "What was said": i.summary,
                    "Understanding checked": _text(i.understanding_checked),
                }
                for i in interactions
            ],
        ),
        Section(
            "commitments",
            "What was owed",
            [
                {
                    "What": c.title,
                    "Kind": c.get_kind_display(),
                    "Owed to": c.owed_to,
                    "Owner": str(c.owner),
                    "Due": _text(c.due_on),
                    "Status": c.get_status_display(),
                    "Outcome": c.outcome,
                }
                for c in commitments
            ],
        ),
        Section(
            "meetings",
            "Meetings where they were discussed",
            [
                {
                    "When": _text(m.held_at),
                    "Meeting": m.get_kind_display(),
                    "Title": m.title,
                    "Notes": m.notes,
                    "Decisions": " | ".join(d.text for d in m.decisions.all()),
                    "Actions about them": " | ".join(actions.get(m.pk, [])),
                }
                for m in meetings
            ],
        ),
        Section(
            "changes",
            "Changes noticed",
            [
                {
                    "Noticed": _text(c.observed_at),
                    "What changed": c.get_area_display(),
                    "Significance": c.get_significance_display(),
                    "Description": c.description,
                    "Done": c.action_taken,
                    "Recorded by": str(c.recorded_by),
                }
                for c in person.changes.select_related("recorded_by")
            ],
        ),
        Section(
            "feedback",
            "Compliments, concerns and complaints",
            [
                {
                    "Received": _text(f.received_on),
                    "Kind": f.get_kind_display(),
                    "From": f.from_whom,
                    "About": f.about,
                    "Outcome": f.outcome,
                    "What we learned": f.learning,
                }
                for f in person.feedback.select_related(
                    "from_relationship__contact", "from_relationship__organisation"
                )
            ],
        ),
        Section(
            "consent",
            "Consent decisions",
            [
                {
                    "Date": _text(c.decided_on),
                    "Who may be told": str(c.recipient.party),
                    "About": c.topic.name,
                    "Decision": c.get_decision_display(),
                    "How": c.get_how_display(),
                    "Capacity": "Lacked capacity" if c.lacks_capacity else "",
                    "Best-interests decision": c.best_interests,
                }
                for c in person.consents.select_related(
                    "recipient__contact", "recipient__organisation", "topic"
                )
            ],
        ),
        Section(
            "sharing",
            "Information shared about them",
            [
                {
                    "When": _text(d.shared_at),
                    "With": str(d.recipient.party),
                    "What": d.topic.name,
                    "Basis": d.get_basis_display(),
                    "Override reason": d.override.reason if d.override else "",
                    "Staff": str(d.by),
                }
                for d in person.disclosures.select_related(
                    "recipient__contact", "recipient__organisation", "topic", "override", "by"
                )
            ],
        ),
        Section(
            "access",
            "Who has looked at or changed the record",
            [
                {"When": _text(e.at), "Who": _text(e.actor), "What": e.summary}
                for e in AuditEvent.objects.filter(person=person).select_related("actor").order_by("at", "id")
            ],
        ),
        Section(
            "history",
            "Changes to the record",
            [
                {
                    "When": _text(c.at),
                    "By": c.by,
                    "What": c.what,
                    "Details": "; ".join(f"{f.label}: {f.old} → {f.new}" for f in c.fields),
                }
                for c in person_changes(person)
            ],
        ),
    ]


def export_zip(person: Person, requested_by: str) -> bytes:
    sections = gather(person)
    made = timezone.localtime()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        context = {"person": person, "sections": sections, "made": made, "requested_by": requested_by}
        archive.writestr("index.html", render_to_string("consent/subject_access/index.html", context))
        for section in sections:
            page = render_to_string("consent/subject_access/section.html", {**context, "section": section})
            archive.writestr(f"{section.slug}.html", page)
        data = {
            "person": person.preferred_name,
            "made": made.isoformat(),
            **{s.slug: s.rows for s in sections},
        }
        archive.writestr("record.json", json.dumps(data, indent=2, ensure_ascii=False))
    return buffer.getvalue()
