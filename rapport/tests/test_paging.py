"""A list page reads its rows and its total in one query, and pages exactly as Django's
Paginator does: the same rows, the same count, the same answer to a bad page number."""

from datetime import datetime
from typing import Any

import pytest
from django.core.paginator import Paginator
from django.db.models import F, QuerySet, Value

from interactions.models import Interaction
from people.models import Person
from rapport.lib.paging import OneQueryPaginator, page_of
from rapport.testing.factories import InteractionFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seven() -> None:
    PersonFactory.create_batch(7)


@pytest.mark.parametrize("asked", [1, 2, 3, "3", 4, 99, 0, -1, "two", None, "", "99999999999999999999999"])
def test_the_same_pages_as_django(seven: None, asked: object) -> None:
    people = Person.objects.order_by("pk")
    ours, theirs = page_of(people, asked, 3), Paginator(people, 3).get_page(asked)
    assert [p.pk for p in ours] == [p.pk for p in theirs]
    assert (ours.number, ours.paginator.count, ours.paginator.num_pages) == (
        theirs.number,
        theirs.paginator.count,
        theirs.paginator.num_pages,
    )
    assert (ours.has_next(), ours.has_previous()) == (theirs.has_next(), theirs.has_previous())


def test_a_page_with_rows_is_one_query(seven: None, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    with django_assert_num_queries(1):
        page = page_of(Person.objects.order_by("pk"), 2, 3)
        assert page.paginator.count == 7 and len(page) == 3 and page.has_next()


def test_an_empty_list_still_counts(django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    page = page_of(Person.objects.order_by("pk"), 1, 3)
    assert page.paginator.count == 0 and list(page) == []


@pytest.mark.parametrize("asked", [1, 2, 3])
def test_orphans_join_the_last_page_as_in_django(seven: None, asked: int) -> None:
    people = Person.objects.order_by("pk")
    ours = OneQueryPaginator(people, 3, orphans=1).get_page(asked)
    theirs = Paginator(people, 3, orphans=1).get_page(asked)
    assert [p.pk for p in ours] == [p.pk for p in theirs]
    assert ours.paginator.num_pages == theirs.paginator.num_pages


def test_distinct_and_values_queries_count_the_usual_way(seven: None) -> None:
    distinct = page_of(Person.objects.order_by("pk").distinct(), 1, 3)
    values = page_of(Person.objects.order_by("pk").values_list("pk", flat=True), 3, 3)
    assert distinct.paginator.count == 7 and len(distinct) == 3
    assert values.paginator.count == 7 and list(values) == list(
        Person.objects.order_by("pk").values_list("pk", flat=True)[6:]
    )


def _union_of_people_and_their_talk() -> QuerySet[Any]:
    """Narrow rows of two kinds in one order, as the timeline reads them."""
    people = (
        Person.objects.order_by()
        .annotate(kind=Value("person"), at=F("created_at"))
        .values_list("kind", "pk", "at")
    )
    talks = (
        Interaction.objects.order_by()
        .annotate(kind=Value("talk"), at=F("occurred_at"))
        .values_list("kind", "pk", "at")
    )
    return people.union(talks, all=True).order_by("-at", "kind", "-pk")


@pytest.mark.parametrize("asked", [1, 2, 3, 4, 5, 99, 0, -1, "two", None, "99999999999999999999999"])
def test_a_union_pages_as_django_does_with_its_values_converted(seven: None, asked: object) -> None:
    for person in Person.objects.all()[:3]:
        InteractionFactory(person=person)
    rows = _union_of_people_and_their_talk()
    ours, theirs = page_of(rows, asked, 3), Paginator(rows, 3).get_page(asked)
    assert list(ours) == list(theirs)
    assert all(isinstance(at, datetime) for _, _, at in ours)  # SQLite's text became a date and time
    assert (ours.number, ours.paginator.count, ours.paginator.num_pages) == (
        theirs.number,
        theirs.paginator.count,
        theirs.paginator.num_pages,
    )


def test_a_union_page_is_one_query(seven: None, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    with django_assert_num_queries(1):
        page = page_of(_union_of_people_and_their_talk(), 2, 3)
        assert page.paginator.count == 7 and len(page) == 3


def test_an_empty_union_is_one_empty_page() -> None:
    page = page_of(_union_of_people_and_their_talk(), 3, 3)
    assert page.paginator.count == 0 and list(page) == [] and page.number == 1
    nothing = (
        Person.objects.filter(pk__in=[])
        .order_by()
        .values_list("pk")
        .union(Person.objects.filter(pk__in=[]).order_by().values_list("pk"))
    )
    assert list(page_of(nothing.order_by("-pk"), 1, 3)) == []


@pytest.mark.parametrize("asked", [1, 2, 3, 4, 99, 0, "two", None, "99999999999999999999999"])
def test_chosen_narrow_then_loaded_in_full_pages_as_django_does(seven: None, asked: object) -> None:
    people = Person.objects.order_by("-pk")
    ours = page_of(people, asked, 3, load=lambda rows: rows.annotate(loaded=Value(1)))
    theirs = Paginator(people, 3).get_page(asked)
    assert [p.pk for p in ours] == [p.pk for p in theirs]
    assert all(getattr(p, "loaded", None) == 1 for p in ours)  # every row on the page read through load
    assert (ours.number, ours.paginator.count) == (theirs.number, theirs.paginator.count)
