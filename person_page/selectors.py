"""What the person page shows, read in a fixed number of queries whatever the history."""

from datetime import date

from accounts.models import Membership, User
from circles.selectors import circle_of
from commitments.selectors import open_for_person
from interactions.selectors import timeline_page
from meetings.access import meetings_visible_to
from people.access import leads_any_team_of
from people.models import Person


def person_page(*, person: Person, viewer: User, today: date) -> dict[str, object]:
    """Everything the page shows: who supports them, who matters to them, what is owed and
    the latest of each kind of record. Each list is cut to its first few; the timeline has
    the rest."""
    teams = list(person.teams.all())
    leaders = (
        Membership.objects.filter(team__in=teams, leads=True)
        .select_related("user", "team")
        .order_by("team__name", "user__first_name")
    )
    owed = open_for_person(person)
    return {
        "person": person,
        "teams": teams,
        "key_worker": person.key_worker,
        "leaders": list(leaders),
        "circle": circle_of(person),
        "last_change": person.history.select_related("history_user").first(),
        "owed": owed,
        "needs_consent_check": sum(1 for c in owed if c.needs_consent_check),
        "conversations": list(timeline_page(person)[:5]),
        "changes": list(person.changes.select_related("recorded_by")[:5]),
        "overrides": list(
            person.safety_overrides.select_related(
                "by", "review", "recipient__contact", "recipient__organisation"
            )[:3]
        ),
        "signposted": list(
            person.signpostings.select_related(
                "service", "by", "relationship__contact", "relationship__organisation"
            )[:5]
        ),
        "thanks": list(
            person.recognitions.select_related(
                "given_by", "relationship__contact", "relationship__organisation"
            )[:5]
        ),
        "meetings": list(meetings_visible_to(viewer).filter(people=person)[:5]),
        "can_see_audit": leads_any_team_of(viewer, person),
        "today": today,
    }
