"""The consent decision: may this information go to this recipient at this moment?

A plain function of plain facts, so it can be tested exhaustively. Rules:
- only decisions recorded at or before the moment count;
- a decision about this very recipient beats one about their organisation, so consent
  given to a GP practice covers its GPs, but a GP's own refusal still stands;
- the latest decision wins; only "given" allows; "withdrawn" and "refused" never do.
"""

from dataclasses import dataclass
from datetime import date, datetime

from rapport.lib.dates import day

GIVEN, REFUSED, WITHDRAWN = "given", "refused", "withdrawn"


@dataclass(frozen=True)
class Fact:
    """One recorded decision, as the rule sees it."""

    relationship_id: int
    organisation_id: int | None  # set when the decision names an organisation
    topic: str
    decision: str
    recorded_at: datetime
    decided_on: date
    record_id: int = 0


@dataclass(frozen=True)
class Recipient:
    relationship_id: int
    organisation_id: int | None  # the organisation itself, or the one a practitioner works for


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    reason: str
    record_id: int | None = None
    decision: str = ""  # the decision in force: given, refused, withdrawn, or "" if never asked


def _latest(facts: list[Fact]) -> Fact | None:
    return max(facts, key=lambda f: (f.recorded_at, f.record_id)) if facts else None


def may_share(
    *, facts: list[Fact], recipient: Recipient, topic: str, at: datetime, topic_name: str = ""
) -> Verdict:
    label = topic_name or topic
    known = [f for f in facts if f.topic == topic and f.recorded_at <= at]
    own = [f for f in known if f.relationship_id == recipient.relationship_id]
    via_organisation = [
        f
        for f in known
        if f.organisation_id is not None
        and f.organisation_id == recipient.organisation_id
        and f.relationship_id != recipient.relationship_id
    ]
    latest = _latest(own) or _latest(via_organisation)
    if latest is None:
        return Verdict(False, f"No consent is recorded for sharing {label.lower()} with them.")
    when = f"{day(latest.decided_on)}"
    if latest.decision == GIVEN:
        whose = "their organisation" if latest in via_organisation else "them"
        return Verdict(True, f"Agreed on {when} for {whose}.", latest.record_id, GIVEN)
    if latest.decision == WITHDRAWN:
        return Verdict(
            False, f"Consent to share {label.lower()} was withdrawn on {when}.", latest.record_id, WITHDRAWN
        )
    return Verdict(
        False, f"Sharing {label.lower()} with them was refused on {when}.", latest.record_id, REFUSED
    )
