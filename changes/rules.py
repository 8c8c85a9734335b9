"""Who needs to know about a change, and by when. Plain functions, tested directly."""

from dataclasses import dataclass
from datetime import date

from accounts.models import User
from circles.models import Organisation, Relationship
from commitments.clock import add_working_days

# Words in a practitioner's role or profession that make this kind of change their business.
CONCERNS: dict[str, tuple[str, ...]] = {
    "mood": ("gp", "psychiatr", "cpn", "mental health", "psycholog", "social worker"),
    "behaviour": ("social worker", "psychiatr", "cpn", "learning disab", "behaviour", "psycholog"),
    "health": ("gp", "nurse", "pharmac", "consultant", "doctor"),
    "fall": ("gp", "district nurse", "physio", "occupational therap", "falls"),
    "eating": ("gp", "dietitian", "speech and language", "salt", "district nurse"),
    "memory": ("gp", "memory", "psychiatr", "cpn"),
    "needs": ("social worker", "occupational therap", "care manager"),
}
# Partner organisations that should hear of this kind of change.
ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "health": (Organisation.Kind.GP_SURGERY,),
    "fall": (Organisation.Kind.GP_SURGERY,),
    "eating": (Organisation.Kind.GP_SURGERY,),
    "memory": (Organisation.Kind.GP_SURGERY,),
    "mood": (Organisation.Kind.GP_SURGERY,),
    "needs": (Organisation.Kind.COUNCIL,),
}
# Which kind of information (consent topic) an update about this change shares.
TOPIC_OF_AREA = {
    "fall": "incidents",
    "health": "health",
    "eating": "health",
    "memory": "health",
    "mood": "care",
    "behaviour": "care",
    "needs": "plans",
}
SIGNIFICANCE_ORDER = ["minor", "moderate", "significant", "urgent"]
WORKING_DAYS_TO_TELL = {"minor": 2, "moderate": 1, "significant": 0, "urgent": 0}


@dataclass(frozen=True)
class Recipient:
    reason: str
    relationship: Relationship | None = None
    staff: User | None = None

    @property
    def name(self) -> str:
        if self.relationship is not None:
            return f"{self.relationship.party} ({self.relationship.role})"
        return str(self.staff)


def _at_least(significance: str, level: str) -> bool:
    return SIGNIFICANCE_ORDER.index(significance) >= SIGNIFICANCE_ORDER.index(level)


def _concerned(rel: Relationship, area: str) -> bool:
    if rel.contact is None:
        assert rel.organisation is not None
        return rel.organisation.kind in ORGANISATIONS.get(area, ())
    words = f"{rel.role} {rel.contact.profession}".lower()
    return any(word in words for word in CONCERNS.get(area, ()))


def who_needs_to_know(
    *,
    area: str,
    significance: str,
    circle: list[Relationship],
    key_worker: User | None,
    recorded_by: User,
) -> list[Recipient]:
    """The key worker always (unless they noticed it themself); from moderate upwards,
    the practitioners and partners whose work it touches and the family the person
    wants kept informed. Whether each may be told is consent's decision, not this one."""
    recipients = []
    if key_worker is not None and key_worker != recorded_by:
        recipients.append(Recipient("Key worker", staff=key_worker))
    if not _at_least(significance, "moderate"):
        return recipients
    for rel in circle:
        if rel.group in (Relationship.Group.PRACTITIONER, Relationship.Group.PARTNER) and _concerned(
            rel, area
        ):
            recipients.append(Recipient(f"Their {rel.role} should know", relationship=rel))
        elif rel.group == Relationship.Group.FAMILY and rel.kept_informed:
            recipients.append(Recipient("Wants to be kept informed", relationship=rel))
    return recipients


def tell_by(significance: str, noticed: date) -> date:
    return add_working_days(noticed, WORKING_DAYS_TO_TELL[significance])
