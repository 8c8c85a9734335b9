"""What a share pack would contain: only the ticked sections, and within them only what
consent allows for this recipient now. Everything kept back is listed with the reason."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from changes.rules import TOPIC_OF_AREA
from circles.counterparts import current_circle
from circles.models import Relationship
from commitments.models import Commitment
from consent.models import Topic
from consent.selectors import facts_for, verdict_for
from people.models import Person
from rapport.lib.dates import day

# Each section and the kind of information (consent topic) it carries.
SECTIONS = {
    "profile": ("About the person and what matters to them", "care"),
    "circle": ("Who is in their circle of support", "plans"),
    "changes": ("Changes noticed in the last 90 days", None),  # each change by its own topic
    "actions": ("Open actions", "plans"),
}
RECENT_DAYS = 90


@dataclass
class Pack:
    sections: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    topics: set[str] = field(default_factory=set)

    @property
    def is_empty(self) -> bool:
        return not any(self.sections.values())


def build_pack(person: Person, recipient: Relationship, chosen: list[str]) -> Pack:
    facts, now = facts_for(person), timezone.now()
    topics = {t.code: t for t in Topic.objects.all()}
    pack = Pack()

    def allowed(code: str, what: str) -> bool:
        verdict = verdict_for(person, recipient, topics[code], at=now, facts=facts)
        if not verdict.allowed:
            pack.removed.append(f"{what}: {verdict.reason}")
        return verdict.allowed

    for code in chosen:
        title, topic = SECTIONS[code]
        if code == "changes":
            rows = []
            for change in person.changes.filter(observed_at__gte=now - timedelta(days=RECENT_DAYS)):
                change_topic = TOPIC_OF_AREA[change.area]
                if allowed(
                    change_topic,
                    f"Change in {change.get_area_display().lower()} ({day(change.observed_at)})",
                ):
                    rows.append(
                        {
                            "Noticed": f"{day(change.observed_at)}",
                            "What changed": change.get_area_display(),
                            "Significance": change.get_significance_display(),
                            "Description": change.description,
                            "area": change.area,
                            "at": change.observed_at.isoformat(),
                        }
                    )
                    pack.topics.add(change_topic)
            pack.sections[code] = rows
            continue
        assert topic is not None
        if not allowed(topic, title):
            continue
        pack.topics.add(topic)
        if code == "profile":
            pack.sections[code] = [
                {
                    "Preferred name": person.preferred_name,
                    "Legal name": person.legal_name,
                    "Date of birth": f"{day(person.date_of_birth)}" if person.date_of_birth else "",
                    "NHS number": person.nhs_number_display,
                    "First language": person.first_language,
                    "Needs an interpreter": "Yes" if person.interpreter_needed else "No",
                    "Communication needs": person.communication_needs,
                    "What matters to them": person.what_matters,
                    "nhs": person.nhs_number,
                    "born": person.date_of_birth.isoformat() if person.date_of_birth else "",
                }
            ]
        elif code == "circle":
            pack.sections[code] = [
                {
                    "Who": str(r.party),
                    "Role": r.role,
                    "Group": r.get_group_display(),
                    "kind": "organisation" if r.organisation_id else r.group,
                }
                for r in current_circle(person)
            ]
        elif code == "actions":
            pack.sections[code] = [
                {
                    "Action": c.title,
                    "Owner": str(c.owner),
                    "Due": f"{day(c.due_on)}",
                    "due": c.due_on.isoformat(),
                }
                for c in person.commitments.open().filter(kind=Commitment.Kind.ACTION).select_related("owner")
            ]
    return pack
