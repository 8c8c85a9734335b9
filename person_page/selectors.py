"""What the person page shows, read in a fixed number of queries whatever the history."""

from datetime import date

from accounts.models import Membership, User
from circles.selectors import circle_of
from commitments.selectors import open_for_person
from interactions.selectors import conversations_of
from meetings.access import meetings_visible_to
from people.access import leads_any_team_of
from people.models import Person
from rapport.lib.columns import party, staff_name


def person_page(*, person: Person, viewer: User, today: date) -> dict[str, object]:
    """Everything the page shows: who supports them, who matters to them, what is owed and
    the latest of each kind of record. Each list is cut to its first few; the timeline has
    the rest."""
    teams = list(person.teams.all())
    leaders = (
        Membership.objects.filter(team__in=teams, leads=True)
        .select_related("user", "team")
        .only("user_id", "team_id", "team__name", *staff_name("user"))
        .order_by("team__name", "user__first_name")
    )
    owed = open_for_person(person)
    return {
        "person": person,
        "teams": teams,
        "key_worker": person.key_worker,
        "leaders": list(leaders),
        "circle": circle_of(person),
        "last_change": person.history.select_related("history_user")
        .only("history_id", "history_date", "history_user_id", *staff_name("history_user"))
        .first(),
        "owed": owed,
        "needs_consent_check": sum(1 for c in owed if c.needs_consent_check),
        "conversations": list(conversations_of(person)[:5]),
        "changes": list(
            person.changes.select_related("recorded_by").only(
                "person_id",
                "area",
                "significance",
                "observed_at",
                "description",
                "recorded_by_id",
                *staff_name("recorded_by"),
            )[:5]
        ),
        "overrides": list(
            person.safety_overrides.select_related(
                "by", "review__owner", "review__closed_by", "recipient__contact", "recipient__organisation"
            ).only(
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
        ),
        "signposted": list(
            person.signpostings.select_related(
                "service", "by", "relationship__contact", "relationship__organisation"
            ).only(
                "person_id",
                "service_id",
                "service__name",
                "signposted_on",
                "notes",
                "by_id",
                "relationship_id",
                *staff_name("by"),
                *party("relationship"),
            )[:5]
        ),
        "thanks": list(
            person.recognitions.select_related(
                "given_by", "relationship__contact", "relationship__organisation", "colleague"
            ).only(
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
            )[:5]
        ),
        "meetings": list(meetings_visible_to(viewer).filter(people=person)[:5]),
        "can_see_audit": leads_any_team_of(viewer, person),
        "today": today,
    }
