"""What the person page shows, read in a fixed number of queries whatever the history.

The page's lists differ between requests only in whose page it is, so each is a statement
(`rapport.lib.statements`): its SQL is written once per process, not on every request.
"""

from datetime import date
from typing import Any

from accounts.models import Membership, Team, User
from changes.models import Change
from circles.selectors import CIRCLE, circle_from
from commitments.selectors import OWED
from consent.models import SafetyOverride
from interactions.selectors import LATEST_CONVERSATIONS, with_promised
from meetings.access import meetings_visible_to
from people.access import leads_any_team_of
from people.models import Person
from rapport.lib.columns import party, staff_name
from rapport.lib.statements import ForViewer, Slot, Statement, known_as
from rapport.lib.together import read_together
from recognition.models import Recognition
from signposting.models import Signposting

LATEST = 5  # of each kind of record; the timeline has the rest
PERSON = Slot("person")

TEAMS = Statement(lambda: Team.objects.filter(people=PERSON))
MEETINGS = ForViewer(lambda viewer: meetings_visible_to(viewer).filter(people=PERSON)[:LATEST])
LEADERS = Statement(
    lambda: (
        Membership.objects.filter(team__people=PERSON, leads=True)
        .select_related("user", "team")
        .only("user_id", "team_id", "team__name", *staff_name("user"))
        .order_by("team__name", "user__first_name")
    )
)
LAST_CHANGE = Statement(
    lambda: (
        Person.history.filter(id=PERSON)
        .select_related("history_user")
        .only("history_id", "history_date", "history_user_id", *staff_name("history_user"))
        .order_by("-history_date", "-history_id")[:1]
    )
)
CHANGES = Statement(
    lambda: (
        Change.objects.filter(person_id=PERSON)
        .select_related("recorded_by")
        .only(
            "person_id",
            "area",
            "significance",
            "observed_at",
            "description",
            "recorded_by_id",
            *staff_name("recorded_by"),
        )[:LATEST]
    )
)
OVERRIDES = Statement(
    lambda: (
        SafetyOverride.objects.filter(person_id=PERSON)
        .select_related(
            "by", "review__owner", "review__closed_by", "recipient__contact", "recipient__organisation"
        )
        .only(
            "person_id",
            "at",
            "reason",
            "lawful_basis",
            "by_id",
            "review_id",
            "recipient_id",
            "review__status",
            "review__outcome",
            "review__owner_id",
            "review__closed_by_id",
            *staff_name("by"),
            *staff_name("review__owner"),
            *staff_name("review__closed_by"),
            *party("recipient"),
        )[:3]
    )
)
SIGNPOSTED = Statement(
    lambda: (
        Signposting.objects.filter(person_id=PERSON)
        .select_related("service", "by", "relationship__contact", "relationship__organisation")
        .only(
            "person_id",
            "service_id",
            "service__name",
            "signposted_on",
            "notes",
            "by_id",
            "relationship_id",
            *staff_name("by"),
            *party("relationship"),
        )[:LATEST]
    )
)
THANKS = Statement(
    lambda: (
        Recognition.objects.filter(person_id=PERSON)
        .select_related("given_by", "relationship__contact", "relationship__organisation", "colleague")
        .only(
            "person_id",
            "kind",
            "what_for",
            "given_on",
            "given_by_id",
            "relationship_id",
            "colleague_id",
            *staff_name("given_by"),
            *staff_name("colleague"),
            *party("relationship"),
        )[:LATEST]
    )
)


def person_page(*, person: Person, viewer: User, today: date) -> dict[str, object]:
    """Everything the page shows: who supports them, who matters to them, what is owed and
    the latest of each kind of record. Each list is cut to its first few; the timeline has
    the rest. The lists that need nothing but the person are read in one round trip
    (rapport.lib.together)."""
    (
        owed,
        circle,
        conversations,
        changes,
        overrides,
        signposted,
        thanks,
        last_change,
        teams,
        leaders,
        meetings,
    ) = read_together(
        OWED.pending(person=person.pk),
        CIRCLE.pending(person=person.pk),
        LATEST_CONVERSATIONS.pending(person=person.pk),
        CHANGES.pending(person=person.pk),
        OVERRIDES.pending(person=person.pk),
        SIGNPOSTED.pending(person=person.pk),
        THANKS.pending(person=person.pk),
        LAST_CHANGE.pending(person=person.pk),
        TEAMS.pending(person=person.pk),
        LEADERS.pending(person=person.pk),
        MEETINGS.pending(viewer, person=person.pk),
    )
    latest: dict[str, list[Any]] = {
        "changes": changes,
        "overrides": overrides,
        "signposted": signposted,
        "thanks": thanks,
    }
    for rows in (owed, *latest.values()):
        known_as(rows, person=person)
    return {
        "person": person,
        "teams": teams,
        "key_worker": person.key_worker,
        "leaders": leaders,
        "circle": circle_from(person, circle),
        "last_change": last_change[0] if last_change else None,
        "owed": owed,
        "needs_consent_check": sum(1 for c in owed if c.needs_consent_check),
        "conversations": with_promised(conversations),
        **latest,
        "meetings": meetings,
        "can_see_audit": leads_any_team_of(viewer, person),
        "today": today,
    }
