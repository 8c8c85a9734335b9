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
        # A plain list on each person: `person.teams.all` in a list of 25 made a manager and
        # a copy of the prefetched query for every row.
        Prefetch("teams", queryset=Team.objects.only("id", "name"), to_attr="team_list")
    )


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
