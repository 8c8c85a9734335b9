"""Reads of people data; each starts from the access rule."""

import re

from django.db.models import Count, Prefetch, QuerySet

from accounts.models import Team, User
from people.access import people_visible_to
from people.models import Person
from rapport.lib.search_text import folded

_DIGITS = re.compile(r"^[\d\s-]+$")


def person_search(
    *, user: User, query: str = "", status: str = "active", team: Team | None = None
) -> QuerySet[Person]:
    """People this user may see, matching every word of the query against any name
    (legal or preferred) or the NHS number."""
    people = people_visible_to(user)
    if status in (Person.Status.ACTIVE, Person.Status.DISCHARGED):
        people = people.filter(status=status)
    if team is not None:
        people = people.filter(teams=team)
    query = query.strip()
    if query and _DIGITS.match(query):
        digits = re.sub(r"\D", "", query)
        people = people.filter(nhs_number__contains=digits)
    else:
        for word in folded(query).split()[:5]:
            people = people.filter(search_text__contains=word)
    return people.select_related("key_worker").prefetch_related(
        Prefetch("teams", queryset=Team.objects.only("id", "name"))
    )


def person_page(*, person: Person) -> dict[str, object]:
    """Everything the person page shows, in a fixed number of queries."""
    from accounts.models import Membership
    from circles.selectors import circle_of
    from commitments.selectors import open_for_person
    from interactions.selectors import conversations_of

    teams = list(person.teams.all())
    leaders = (
        Membership.objects.filter(team__in=teams, leads=True)
        .select_related("user", "team")
        .order_by("team__name", "user__first_name")
    )
    latest = person.history.select_related("history_user").first()
    owed = open_for_person(person)
    return {
        "person": person,
        "teams": teams,
        "key_worker": person.key_worker,
        "leaders": list(leaders),
        "circle": circle_of(person),
        "last_change": latest,
        "owed": owed,
        "needs_consent_check": sum(1 for c in owed if c.needs_consent_check),
        "conversations": list(conversations_of(person)[:5]),
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
    }


def possible_duplicates(*, limit: int = 200) -> QuerySet[Person]:
    """Records that share an NHS number, for an administrator to resolve. Workers are never
    told a number is held in another team; the duplicate waits here instead."""
    shared = (
        Person.objects.exclude(nhs_number="")
        .values("nhs_number")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .values("nhs_number")
    )
    numbers = list(shared.order_by("nhs_number")[:limit])
    return (
        Person.objects.filter(nhs_number__in=[row["nhs_number"] for row in numbers])
        .order_by("nhs_number", "created_at", "id")
        .prefetch_related(Prefetch("teams", queryset=Team.objects.only("id", "name")))
    )
