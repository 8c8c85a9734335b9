"""Synthetic staff and teams for the demo: the named log-ins of the README, and for a large
demo, more services and enough care workers for realistic caseloads."""

import base64
from functools import cache
from typing import Protocol

from django.contrib.auth.hashers import make_password
from django_otp.plugins.otp_totp.models import TOTPDevice
from faker import Faker

from accounts.models import Membership, Team, User

DEMO_PASSWORD = "rapport-demo-2026"


class Size(Protocol):
    people: int
    caseload: int
    team_size: int


TEAMS = [
    ("Willow House", Team.Kind.CARE_HOME, "Residential home for 40 older people."),
    ("Northside Home Care", Team.Kind.HOME_CARE, "Home care visits across the north of the town."),
    (
        "Maple Court",
        Team.Kind.SUPPORTED_LIVING,
        "Supported living flats for adults with learning disabilities.",
    ),
]

# username, first, last, role, job title, member of, leads
STAFF = [
    ("amara", "Amara", "Okonjo", User.Role.WORKER, "Senior care worker", ["Willow House"], []),
    ("dan", "Dan", "Whitfield", User.Role.WORKER, "Care worker", ["Willow House"], []),
    ("ben", "Ben", "Castillo", User.Role.WORKER, "Home care worker", ["Northside Home Care"], []),
    ("priya", "Priya", "Raman", User.Role.WORKER, "Support worker", ["Maple Court"], []),
    (
        "chloe",
        "Chloe",
        "Brennan",
        User.Role.LEADER,
        "Registered manager",
        [],
        ["Willow House", "Maple Court"],
    ),
    ("noah", "Noah", "Adeyemi", User.Role.LEADER, "Branch manager", [], ["Northside Home Care"]),
    ("admin", "Alex", "Morgan", User.Role.ADMIN, "Systems administrator", [], []),
    # Leads Maple Court, only a member of Willow House; signs in with two-step verification.
    ("maya", "Maya", "Lindqvist", User.Role.LEADER, "Deputy manager", ["Willow House"], ["Maple Court"]),
]
# Maya's authenticator key, published in the README so the demo's two-step sign-in can be
# tried (add it to an authenticator app, or `oathtool --totp -b JBSWY3DPEHPK3PXP`).
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXP"


def named_staff(teams: dict[str, Team]) -> list[User]:
    users = []
    for username, first, last, role, title, member_of, leads in STAFF:
        user = User(
            username=username,
            first_name=first,
            last_name=last,
            role=role,
            job_title=title,
            email=f"{username}@example.org",
            is_staff=role == User.Role.ADMIN,
            is_superuser=role == User.Role.ADMIN,
        )
        user.password = _demo_password_hash()  # one hash for all: each costs half a second
        user.save()
        for name in member_of:
            Membership.objects.create(user=user, team=teams[name])
        for name in leads:
            Membership.objects.create(user=user, team=teams[name], leads=True)
        users.append(user)
    maya = next(u for u in users if u.username == "maya")
    TOTPDevice.objects.create(
        user=maya, name="Authenticator app", confirmed=True, key=base64.b32decode(DEMO_TOTP_SECRET).hex()
    )
    return users


TEAM_SUFFIXES = {
    Team.Kind.CARE_HOME: "House",
    Team.Kind.HOME_CARE: "Home Care",
    Team.Kind.SUPPORTED_LIVING: "Court",
}


@cache
def _demo_password_hash() -> str:
    """Hashed once and shared by every synthetic member of staff: hashing each at production
    strength would take minutes."""
    return make_password(DEMO_PASSWORD)


def _synthetic_staff(fake: Faker, prefix: str, role: str, title: str, count: int) -> list[User]:
    """`count` members of staff named prefix0001 onwards, with the demo password."""
    staff = [
        User(
            username=f"{prefix}{n:04d}",
            first_name=fake.first_name(),
            last_name=fake.last_name(),
            role=role,
            job_title=title,
            email=f"{prefix}{n:04d}@example.org",
            password=_demo_password_hash(),
        )
        for n in range(1, count + 1)
    ]
    return User.objects.bulk_create(staff, batch_size=500)


def more_teams(fake: Faker, size: Size) -> dict[str, Team]:
    """Further services, each with its own registered manager, for a large demo."""
    wanted = size.people // size.team_size - len(TEAMS)
    if wanted <= 0:
        return {}
    kinds = list(TEAM_SUFFIXES)
    teams = Team.objects.bulk_create(
        [
            Team(name=f"{fake.unique.last_name()} {TEAM_SUFFIXES[kinds[n % 3]]}", kind=kinds[n % 3])
            for n in range(wanted)
        ]
    )
    leaders = _synthetic_staff(fake, "leader", User.Role.LEADER, "Registered manager", wanted)
    Membership.objects.bulk_create(
        [Membership(user=u, team=t, leads=True) for u, t in zip(leaders, teams, strict=True)]
    )
    return {team.name: team for team in teams}


def more_workers(fake: Faker, teams: dict[str, Team], size: Size, have: int) -> list[User]:
    """Enough care workers for realistic caseloads, shared round the teams."""
    wanted = -(-size.people // size.caseload) - have
    if wanted <= 0:
        return []
    team_list = list(teams.values())[len(TEAMS) :] or list(teams.values())
    workers = _synthetic_staff(fake, "worker", User.Role.WORKER, "Care worker", wanted)
    Membership.objects.bulk_create(
        [Membership(user=w, team=team_list[n % len(team_list)]) for n, w in enumerate(workers)]
    )
    return workers
