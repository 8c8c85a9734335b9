"""`__one_of` finds exactly the rows `__in` finds, with the list as one parameter, on SQLite
and PostgreSQL (rapport/lib/lookups.py), and is as safe with values no row can hold."""

import pytest

from interactions.models import Interaction
from people.models import Person
from rapport.testing.factories import InteractionFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def talks() -> list[Interaction]:
    return [InteractionFactory(person=p) for p in PersonFactory.create_batch(4) for _ in range(2)]


@pytest.mark.parametrize("pick", [slice(0, 0), slice(0, 1), slice(1, 3), slice(0, 4)])
def test_the_same_rows_as_in(talks: list[Interaction], pick: slice) -> None:
    ids = sorted(Person.objects.values_list("pk", flat=True))[pick]
    found = set(Interaction.objects.filter(person_id__one_of=ids).values_list("pk", flat=True))
    assert found == set(Interaction.objects.filter(person_id__in=ids).values_list("pk", flat=True))
    assert set(Person.objects.filter(pk__one_of=ids).values_list("pk", flat=True)) == set(ids)
    assert Interaction.objects.filter(person__one_of=ids).count() == len(found)


def test_the_whole_list_is_one_parameter(talks: list[Interaction]) -> None:
    ids = list(Person.objects.values_list("pk", flat=True)) * 50
    chosen = Interaction.objects.filter(person_id__one_of=ids)
    _, params = chosen.query.sql_with_params()
    assert len(params) == 1 and chosen.count() == len(talks)


def test_values_no_row_can_hold_match_nothing_and_never_fail(talks: list[Interaction]) -> None:
    huge = 99999999999999999999999
    assert not Person.objects.filter(pk__one_of=[huge, -huge]).exists()
    one = Person.objects.first()
    assert one is not None
    assert list(Person.objects.filter(pk__one_of=[huge, one.pk, str(one.pk)])) == [one]
    with pytest.raises(TypeError):
        list(Person.objects.filter(pk__one_of=["not a number"]))
