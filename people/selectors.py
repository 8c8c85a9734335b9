"""Reads of people data; each starts from the access rule."""

import re
from dataclasses import replace
from functools import partial
from typing import Any

from django.core.paginator import Page
from django.db.models import CharField, Count, Prefetch, QuerySet

from accounts.models import Team, User
from people.access import people_visible_to
from people.models import Person
from rapport.lib.lookups import IdList
from rapport.lib.paging import page_of
from rapport.lib.search_text import folded
from rapport.lib.statements import ForViewer, Slot, Statement, by_id

_DIGITS = re.compile(r"^[\d\s-]+$")
_FILTERED = (Person.Status.ACTIVE, Person.Status.DISCHARGED)  # any other status asks for everyone


def person_search(
    *, user: User, query: str = "", status: str = "active", team: Team | None = None
) -> QuerySet[Person]:
    """People this user may see, matching every word of the query against any name
    (legal or preferred) or the NHS number."""
    people = _matching(user, status=status if status in _FILTERED else None, team=team)
    query = query.strip()
    if query and _DIGITS.match(query):
        digits = re.sub(r"\D", "", query)
        people = people.filter(nhs_number__contains=digits)
    else:
        for word in folded(query).split()[:5]:
            people = people.filter(search_text__contains=word)
    return _as_listed(people)


def _matching(user: User, *, status: Any, team: Any) -> QuerySet[Person]:
    """The people this user may see, of this status and team when given (a value or a
    statement's slot)."""
    people = people_visible_to(user)
    if status is not None:
        people = people.filter(status=status)
    if team is not None:
        people = people.filter(teams=team)
    return people


def _as_listed(people: QuerySet[Person]) -> QuerySet[Person]:
    """With what a line of the list shows: the key worker and the teams."""
    return people.select_related("key_worker").prefetch_related(
        # A plain list on each person: `person.teams.all` in a list of 25 made a manager and
        # a copy of the prefetched query for every row.
        Prefetch("teams", queryset=Team.objects.only("id", "name"), to_attr="team_list")
    )


def people_page(*, user: User, query: str, status: str, team: Team | None, number: Any, size: int) -> Page:
    """One page of the people list, or of a search. The list itself (no words searched),
    the page staff open most, is a statement per shape of filter (rapport.lib.statements):
    its page of ids and their total are read narrow, then only those people in full. A
    search's query changes shape with its words and is built each time."""
    if query.strip():
        return page_of(person_search(user=user, query=query, status=status, team=team), number, size)
    filtered = status in _FILTERED
    values: dict[str, Any] = {"status": status} if filtered else {}
    if team is not None:
        values["team"] = team.pk
    listed = _LISTED[filtered, team is not None].bound(user, **values)
    page = page_of(replace(listed, order=_LIST_ORDER), number, size)
    found = by_id(_PEOPLE_BY_ID, [row[0] for row in page.object_list])
    page.object_list = [found[row[0]] for row in page.object_list if row[0] in found]
    return page


def _listed(viewer: User, *, by_status: bool, by_team: bool) -> QuerySet[Any]:
    """The ids of the people on the list, with the columns that order it."""
    status = Slot("status", CharField()) if by_status else None
    team = Slot("team") if by_team else None
    return (
        _matching(viewer, status=status, team=team)
        .order_by()
        .values_list("id", "preferred_name", "legal_family_name")
    )


_LIST_ORDER = ("preferred_name", "legal_family_name", "id")  # Person's own (Meta.ordering)
_LISTED = {
    (by_status, by_team): ForViewer(partial(_listed, by_status=by_status, by_team=by_team))
    for by_status in (True, False)
    for by_team in (True, False)
}
_PEOPLE_BY_ID = Statement(
    lambda: _as_listed(Person.objects.filter(pk__one_of=Slot("ids", IdList())).order_by())
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
