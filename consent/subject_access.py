"""A person's own copy of everything held about them (a subject access request).

Each section is a list of plain rows (label -> text), so the same content becomes readable
pages and JSON. Only this person's records are read: conversations, commitments, meeting
actions and sharing about someone else never enter, even through a shared family member.

Under UK GDPR the copy must not disclose other people. Where a record is about this person
and others at once (the notes and decisions of a meeting that discussed several people, the
name of someone outside the circle who complained, a colleague's recognition), it is left
out and listed under "What was withheld, and why", so the team can review it by hand.

`SECTION_OF` names the section that carries each model referring to a person; a test fails
when a model that refers to a person is added without a place here.
"""

import io
import json
import zipfile
from dataclasses import dataclass
from typing import Any

from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone

from audit.models import AuditEvent
from circles.history import person_changes
from meetings.models import Meeting
from people.models import Person
from rapport.lib.dates import day

Row = dict[str, str]

SECTION_OF = {
    "people.Person": "profile",
    "circles.Relationship": "circle",
    "interactions.Interaction": "conversations",
    "commitments.Commitment": "commitments",
    "meetings.Meeting": "meetings",
    "changes.Change": "changes",
    "feedback.Feedback": "feedback",
    "consent.ConsentRecord": "consent",
    "consent.Disclosure": "sharing",
    "consent.SafetyOverride": "overrides",
    "consent.SharePack": "share_packs",
    "signposting.Signposting": "signposting",
    "recognition.Recognition": "thanks",
    "audit.AuditEvent": "access",
}


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
    if hasattr(value, "hour"):  # the house style, "4 Sep 1984, 14:30", in local time
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return f"{day(local)}, {local:%H:%M}"
    if hasattr(value, "strftime"):
        return day(value)
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


def _others_discussed(meetings: Any, person: Person) -> dict[int, int]:
    """How many other people each meeting discussed, in one query."""
    rows = (
        Meeting.people.through.objects.filter(meeting__in=meetings)
        .exclude(person=person)
        .values("meeting_id")
        .annotate(n=Count("person_id"))
    )
    return {row["meeting_id"]: row["n"] for row in rows}


def _meetings(person: Person, withheld: list[Row]) -> list[Row]:
    meetings = list(
        Meeting.objects.filter(people=person).prefetch_related("decisions").select_related("team")
    )
    others = _others_discussed([m.pk for m in meetings], person)
    actions: dict[int | None, list[str]] = {}
    for action in person.commitments.filter(meeting__in=meetings):
        actions.setdefault(action.meeting_id, []).append(action.title)
    rows = []
    for m in meetings:
        shared = others.get(m.pk, 0)
        if shared:
            withheld.append(
                {
                    "What": f"The title, notes and decisions of a {m.get_kind_display().lower()} "
                    f"on {_text(m.held_at)}",
                    "Why": f"The meeting also discussed {shared} other "
                    f"{'person' if shared == 1 else 'people'}; what was written may be about them. "
                    "Review it and release what is about this person alone.",
                }
            )
        rows.append(
            {
                "When": _text(m.held_at),
                "Meeting": m.get_kind_display(),
                "Title": "(withheld: see below)" if shared else m.title,
                "Notes": "(withheld: see below)" if shared and m.notes else m.notes,
                "Decisions": "(withheld: see below)"
                if shared
                else " | ".join(d.text for d in m.decisions.all()),
                "Actions about them": " | ".join(actions.get(m.pk, [])),
            }
        )
    return rows


def _feedback(person: Person, withheld: list[Row]) -> list[Row]:
    rows = []
    for f in person.feedback.select_related("from_relationship__contact", "from_relationship__organisation"):
        from_whom = f.from_whom
        if f.from_name and not f.from_relationship_id and not f.from_person:
            from_whom = "Someone outside their circle (name withheld)"
            withheld.append(
                {
                    "What": f"Who raised a {f.get_kind_display().lower()} on {_text(f.received_on)}",
                    "Why": "They are not in the person's circle; their identity is their own information.",
                }
            )
        rows.append(
            {
                "Received": _text(f.received_on),
                "Kind": f.get_kind_display(),
                "From": from_whom,
                "About": f.about,
                "Outcome": f.outcome,
                "What we learned": f.learning,
            }
        )
    return rows


def _thanks(person: Person, withheld: list[Row]) -> list[Row]:
    rows = []
    for r in person.recognitions.select_related(
        "relationship__contact", "relationship__organisation", "given_by"
    ):
        if r.kind != r.Kind.THANKS:
            withheld.append(
                {
                    "What": f"Recognition of a member of staff on {_text(r.given_on)}",
                    "Why": "It is about the colleague's work, so it is their information.",
                }
            )
            continue
        rows.append(
            {
                "When": _text(r.given_on),
                "To": r.recipient,
                "What for": r.what_for,
                "Given by": str(r.given_by),
            }
        )
    return rows


def gather(person: Person) -> list[Section]:
    circle = person.relationships.select_related("contact__organisation", "organisation")
    interactions = person.interactions.select_related(
        "staff", "colleague", "relationship__contact", "relationship__organisation"
    )
    commitments = person.commitments.select_related(
        "owner", "owed_to_relationship__contact", "owed_to_relationship__organisation", "owed_to_staff"
    )
    withheld: list[Row] = []
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
        Section("meetings", "Meetings where they were discussed", _meetings(person, withheld)),
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
        Section("feedback", "Compliments, concerns and complaints", _feedback(person, withheld)),
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
            "overrides",
            "Information shared without consent to keep someone safe",
            [
                {
                    "When": _text(o.at),
                    "With": str(o.recipient.party),
                    "Why": o.reason,
                    "Lawful basis": o.get_lawful_basis_display(),
                    "Staff": str(o.by),
                }
                for o in person.safety_overrides.select_related(
                    "recipient__contact", "recipient__organisation", "by"
                )
            ],
        ),
        Section(
            "share_packs",
            "Information packs sent to practitioners and partners",
            [
                {
                    "When": _text(p.created_at),
                    "To": str(p.recipient.party),
                    "Why": p.purpose,
                    "What was sent": json.dumps(p.content, ensure_ascii=False),
                    "Kept back": "; ".join(str(item) for item in p.removed),
                    "Staff": str(p.by),
                }
                for p in person.share_packs.select_related(
                    "recipient__contact", "recipient__organisation", "by"
                )
            ],
        ),
        Section(
            "signposting",
            "Services they were told about",
            [
                {
                    "When": _text(s.signposted_on),
                    "Service": str(s.service),
                    "Told": s.to_whom,
                    "Notes": s.notes,
                    "Staff": str(s.by),
                }
                for s in person.signpostings.select_related(
                    "service", "relationship__contact", "relationship__organisation", "by"
                )
            ],
        ),
        Section("thanks", "Thanks to their carers and partners", _thanks(person, withheld)),
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
                    "What": c.summary,
                    "Details": "; ".join(f"{f.label}: {f.old} → {f.new}" for f in c.fields),
                }
                for c in person_changes(person)
            ],
        ),
        Section("withheld", "What was withheld, and why", withheld),
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
