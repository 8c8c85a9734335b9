from datetime import date

import pytest

from changes.rules import tell_by, who_needs_to_know
from circles.models import Contact, Organisation, Relationship
from rapport.testing.factories import UserFactory


def _practitioner(role: str, profession: str = "") -> Relationship:
    contact = Contact(kind="practitioner", given_name="A", family_name=role, profession=profession)
    return Relationship(group="practitioner", contact=contact, role=role)


def _family(role: str, kept_informed: bool) -> Relationship:
    contact = Contact(kind="family", given_name="B", family_name=role)
    return Relationship(group="family", contact=contact, role=role, kept_informed=kept_informed)


def _organisation(kind: str, role: str) -> Relationship:
    return Relationship(group="partner", organisation=Organisation(name=role, kind=kind), role=role)


@pytest.fixture
def circle() -> list[Relationship]:
    return [
        _practitioner("GP"),
        _practitioner("District nurse"),
        _practitioner("Social worker"),
        _practitioner("Named nurse", profession="Community psychiatric nurse"),
        _organisation("gp", "GP practice"),
        _organisation("pharmacy", "Pharmacy"),
        _family("Daughter", kept_informed=True),
        _family("Son", kept_informed=False),
    ]


@pytest.fixture
def staff(db):
    return UserFactory(username="keyworker"), UserFactory(username="noticer")


def _names(recipients) -> set[str]:
    return {r.relationship.role if r.relationship else f"staff:{r.staff.username}" for r in recipients}


def test_a_fall_goes_to_the_gp_nurse_practice_key_worker_and_the_daughter(circle, staff) -> None:
    key, noticer = staff
    told = who_needs_to_know(
        area="fall", significance="significant", circle=circle, key_worker=key, recorded_by=noticer
    )
    assert _names(told) == {"GP", "District nurse", "GP practice", "Daughter", "staff:keyworker"}


def test_a_change_in_mood_reaches_mental_health_by_profession(circle, staff) -> None:
    key, noticer = staff
    told = who_needs_to_know(
        area="mood", significance="moderate", circle=circle, key_worker=key, recorded_by=noticer
    )
    assert "Named nurse" in _names(told) and "Social worker" in _names(told)
    assert "District nurse" not in _names(told)


def test_a_minor_change_goes_to_the_key_worker_only(circle, staff) -> None:
    key, noticer = staff
    told = who_needs_to_know(
        area="fall", significance="minor", circle=circle, key_worker=key, recorded_by=noticer
    )
    assert _names(told) == {"staff:keyworker"}


def test_the_key_worker_who_noticed_it_is_not_told_again(circle, staff) -> None:
    key, _ = staff
    told = who_needs_to_know(
        area="fall", significance="minor", circle=circle, key_worker=key, recorded_by=key
    )
    assert told == []


def test_changes_in_needs_go_to_the_council_and_social_worker(staff) -> None:
    _, noticer = staff
    circle = [
        _organisation("council", "Adult social care"),
        _practitioner("Social worker"),
        _practitioner("GP"),
    ]
    told = who_needs_to_know(
        area="needs", significance="moderate", circle=circle, key_worker=None, recorded_by=noticer
    )
    assert _names(told) == {"Adult social care", "Social worker"}


@pytest.mark.parametrize(
    "significance, noticed, due",
    [
        ("urgent", date(2026, 11, 27), date(2026, 11, 27)),
        ("significant", date(2026, 11, 27), date(2026, 11, 27)),
        ("moderate", date(2026, 11, 27), date(2026, 11, 30)),  # Friday -> Monday
        ("minor", date(2026, 12, 24), date(2026, 12, 30)),  # over Christmas
    ],
)
def test_how_soon_people_are_told(significance, noticed, due) -> None:
    assert tell_by(significance, noticed) == due
