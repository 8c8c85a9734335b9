"""Named users for every test: a worker, a teammate, a worker of another team,
a team leader and an administrator, plus people in each team."""

import os

import pytest
from hypothesis import Phase, settings

from accounts.models import Team, User
from people.models import Person
from rapport.testing.factories import PersonFactory, TeamFactory, UserFactory


@pytest.fixture
def team(db: None) -> Team:
    return TeamFactory(name="Willow House")


@pytest.fixture
def other_team(db: None) -> Team:
    return TeamFactory(name="Northside Home Care", kind=Team.Kind.HOME_CARE)


@pytest.fixture
def worker(team: Team) -> User:
    return UserFactory(username="worker", first_name="Wendy", last_name="Worker", teams=[team])


@pytest.fixture
def teammate(team: Team) -> User:
    return UserFactory(username="teammate", first_name="Tom", last_name="Mate", teams=[team])


@pytest.fixture
def outsider(other_team: Team) -> User:
    return UserFactory(username="outsider", first_name="Olly", last_name="Outside", teams=[other_team])


@pytest.fixture
def leader(team: Team) -> User:
    return UserFactory(
        username="leader", first_name="Lena", last_name="Lead", role=User.Role.LEADER, teams=[team]
    )


@pytest.fixture
def administrator(db: None) -> User:
    return UserFactory(username="administrator", role=User.Role.ADMIN)


@pytest.fixture
def person(team: Team) -> Person:
    return PersonFactory(
        legal_given_names="Margaret Rose",
        legal_family_name="Hughes",
        preferred_name="Peggy",
        teams=[team],
    )


@pytest.fixture
def other_person(other_team: Team) -> Person:
    return PersonFactory(preferred_name="Stanley", legal_family_name="Okafor", teams=[other_team])


# Property tests: the same examples on every `make test` run (CI must never be flaky);
# `make fuzz` loads the "fuzz" profile for a longer, random search.
# The suite does not shrink a failing example (a hostile 20,000-character value can take
# minutes to shrink): it reports it as found; `make fuzz` shrinks.
settings.register_profile(
    "suite",
    derandomize=True,
    deadline=None,
    print_blob=True,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
settings.register_profile("fuzz", max_examples=2000, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))
