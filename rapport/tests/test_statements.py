"""A statement compiled once gives the rows Django's own query gives, for any values."""

from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection
from django.db.models import DateField
from django.test.utils import override_settings
from django.utils import timezone

from accounts.models import Membership, User
from changes.models import Change
from commitments.access import commitments_visible_to
from people.access import people_visible_to
from people.models import Person
from rapport.lib.lookups import IdList
from rapport.lib.statements import ForViewer, Slot, Statement, known_as
from rapport.testing.factories import ChangeFactory, CommitmentFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

NAMED = Statement(
    lambda: Person.objects.filter(pk=Slot("person")).only("id", "preferred_name", "key_worker_id")
)
CHANGES_SINCE = Statement(
    lambda: (
        Change.objects.filter(person_id=Slot("person"), observed_at__date__gte=Slot("since", DateField()))
        .select_related("recorded_by")
        .order_by("-observed_at", "-id")[:3]
    )
)
NAMES = Statement(lambda: Person.objects.filter(key_worker_id=Slot("worker")).values_list("id", flat=True))


def test_each_run_reads_the_rows_of_its_own_values(django_assert_num_queries) -> None:
    first, second = PersonFactory.create_batch(2)
    assert NAMED.rows(person=first.pk) == [first]
    with django_assert_num_queries(1):
        (found,) = NAMED.rows(person=second.pk)
    assert found == second and found.preferred_name == second.preferred_name
    assert NAMED.rows(person=0) == []
    assert NAMED.rows(person=2**70) == [] and NAMED.rows(person=-(2**70)) == []  # no column holds it


def test_joins_order_limits_and_dates_match_djangos_own_query(worker) -> None:
    person, other = PersonFactory.create_batch(2)
    for days in range(6):
        ChangeFactory(person=person, recorded_by=worker, observed_at=_days_ago(days))
        ChangeFactory(person=other, recorded_by=worker, observed_at=_days_ago(days))
    since = date.today() - timedelta(days=4)
    django_own = list(
        Change.objects.filter(person_id=person.pk, observed_at__date__gte=since)
        .select_related("recorded_by")
        .order_by("-observed_at", "-id")[:3]
    )
    rows = CHANGES_SINCE.rows(person=person.pk, since=since)
    assert rows == django_own and len(rows) == 3
    assert {r.recorded_by.pk for r in rows} == {worker.pk}
    assert CHANGES_SINCE.rows(person=other.pk, since=date.today() + timedelta(days=1)) == []
    assert sorted(NAMES.rows(worker=worker.pk)) == sorted(
        Person.objects.filter(key_worker=worker).values_list("id", flat=True)
    )


def test_how_columns_become_python_is_worked_out_once_and_still_applied(worker, monkeypatch) -> None:
    person = PersonFactory()
    ChangeFactory(person=person, recorded_by=worker, observed_at=_days_ago(1))
    ChangeFactory(person=person, recorded_by=worker, observed_at=_days_ago(2))
    since = date.today() - timedelta(days=30)
    first = CHANGES_SINCE.rows(person=person.pk, since=since)  # worked out here (or earlier)
    asked = []
    ops = type(connection.ops)
    original = ops.get_db_converters
    monkeypatch.setattr(ops, "get_db_converters", lambda self, e: asked.append(e) or original(self, e))
    again = CHANGES_SINCE.rows(person=person.pk, since=since)
    assert asked == []  # not asked again
    assert again == first and len(again) == 2
    assert all(isinstance(c.observed_at, datetime) and c.observed_at.tzinfo for c in again)
    assert all(isinstance(c.recorded_by.pk, int) for c in again)
    fresh = Statement(CHANGES_SINCE._build)  # a new statement works its own out
    assert fresh.rows(person=person.pk, since=since) == first and asked


def test_known_objects_are_given_without_a_query(django_assert_num_queries) -> None:
    person = PersonFactory()
    (row,) = NAMED.rows(person=person.pk)
    known_as([row], key_worker=None)
    with django_assert_num_queries(0):
        assert row.key_worker is None


def test_values_must_all_be_given_and_only_those() -> None:
    with pytest.raises(TypeError):
        NAMED.rows()
    with pytest.raises(TypeError):
        NAMED.rows(person=1, worker=2)


def test_a_value_fixed_when_built_is_refused() -> None:
    built_today = Statement(lambda: Change.objects.filter(observed_at__date=date.today()))
    with pytest.raises(ImproperlyConfigured, match="Slot"):
        built_today.rows()


def test_a_builder_closing_over_a_value_is_refused() -> None:
    person = 1
    with pytest.raises(ImproperlyConfigured, match="close over"):
        Statement(lambda: Person.objects.filter(pk=person))


SHAPES = iter(
    [
        lambda: Person.objects.filter(pk=Slot("person")),
        lambda: Person.objects.filter(key_worker_id=Slot("person")),
    ]
)


def test_a_statement_whose_shape_changes_between_runs_is_caught() -> None:
    shifting = Statement(lambda: next(SHAPES)())
    shifting.rows(person=1)
    with (
        override_settings(RAPPORT_CHECK_STATEMENTS=True),
        pytest.raises(AssertionError, match="changed shape"),
    ):
        shifting.rows(person=1)


def _days_ago(days: int) -> datetime:
    return timezone.now() - timedelta(days=days)


ANY_OF = Statement(lambda: Person.objects.filter(pk__one_of=Slot("ids", IdList())).order_by("pk"))


def test_a_list_of_ids_is_one_value_however_long() -> None:
    people = PersonFactory.create_batch(3)
    assert ANY_OF.rows(ids=[people[2].pk, people[0].pk]) == [people[0], people[2]]
    assert ANY_OF.rows(ids=[p.pk for p in people]) == people
    assert ANY_OF.rows(ids=[]) == []
    assert ANY_OF.rows(ids=[2**70, people[1].pk]) == [people[1]]  # beyond any id: matches nothing
    with pytest.raises(TypeError):
        ANY_OF.rows(ids=["one"])


VISIBLE_WORK = ForViewer(
    lambda viewer: commitments_visible_to(viewer).open().order_by("pk").values_list("pk", flat=True)
)


def test_a_viewers_statement_follows_the_access_rule_for_every_kind_of_viewer(
    team, other_team, worker, outsider, administrator, person, other_person
) -> None:
    both = UserFactory(role=User.Role.LEADER, teams=[team])
    Membership.objects.create(user=both, team=other_team)  # leads one team, a member of another
    for someone in (person, other_person):
        CommitmentFactory(person=someone, owner=worker)
    CommitmentFactory(person=None, owner=outsider)  # about no one: its owner's alone
    viewers = [worker, outsider, both, administrator, worker]  # and the first again, compiled
    for viewer in viewers:
        django_own = list(commitments_visible_to(viewer).open().order_by("pk").values_list("pk", flat=True))
        assert VISIBLE_WORK.rows(viewer) == django_own, viewer.username
    assert VISIBLE_WORK.rows(worker) != VISIBLE_WORK.rows(outsider)
    assert len(VISIBLE_WORK.rows(administrator)) == 3


def test_a_viewers_statement_may_not_read_what_the_kind_of_viewer_does_not_fix(worker) -> None:
    by_name = ForViewer(lambda viewer: Person.objects.filter(preferred_name=viewer.username))
    with pytest.raises(DatabaseError):  # Django fetched the name by the slot, which no database takes
        by_name.rows(worker)


def test_a_kind_of_viewer_the_rule_shows_nothing_gets_nothing(worker, person) -> None:
    CommitmentFactory(person=person, owner=worker)
    worker.is_active = False  # the rule's answer for an inactive account: none, known unasked
    assert VISIBLE_WORK.rows(worker) == []
    assert NOTHING_OR_ONE.rows(worker, person=person.pk) == []


NOTHING_OR_ONE = ForViewer(lambda viewer: people_visible_to(viewer).filter(pk=Slot("person")))
