"""Synthetic demo data: a lived-in service, never real people. Fixed seed by default.

NHS numbers come only from the 999 range, which the NHS never issues.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from faker import Faker
from nhs_number import calculate_checksum
from simple_history.utils import bulk_create_with_history

from accounts.demo import TEAMS, more_teams, more_workers, named_staff
from accounts.models import Membership, Team, User
from changes.demo import load_changes
from circles.models import Channel, Contact, Organisation, Relationship
from commitments.demo import load_follow_through
from consent.demo import load_consent
from feedback.demo import load_feedback
from meetings.demo import load_meetings
from people.models import Person
from signposting.demo import load_services

# role, title, sex of the first name (F, M, or "" for either)
FAMILY_ROLES = [
    ("Daughter", "Mrs", "F"),
    ("Son", "Mr", "M"),
    ("Wife", "Mrs", "F"),
    ("Husband", "Mr", "M"),
    ("Sister", "Ms", "F"),
    ("Brother", "Mr", "M"),
    ("Niece", "Ms", "F"),
    ("Nephew", "Mr", "M"),
    ("Mother", "Mrs", "F"),
    ("Father", "Mr", "M"),
    ("Friend", "", ""),
]
PROFESSIONS = [
    ("GP", "gp"),
    ("District nurse", "community"),
    ("Social worker", "council"),
    ("Occupational therapist", "community"),
    ("Physiotherapist", "community"),
    ("Speech and language therapist", "community"),
    ("Community psychiatric nurse", "community"),
    ("Pharmacist", "pharmacy"),
]
ORG_NAMES = {
    Organisation.Kind.GP_SURGERY: ["{} Medical Practice", "{} Surgery", "{} Health Centre"],
    Organisation.Kind.PHARMACY: ["{} Pharmacy", "{} Chemist"],
    Organisation.Kind.COMMUNITY_HEALTH: ["{} Community Health Team"],
    Organisation.Kind.COUNCIL: ["{} Borough Council Adult Social Care"],
    Organisation.Kind.HOUSING: ["{} Housing Association"],
    Organisation.Kind.VOLUNTARY: ["{} Carers' Centre", "{} Age Friendly Club", "{} Befriending Service"],
}


@dataclass
class DemoSize:
    people: int
    seed: int = 2026
    # People per care worker. The named demo workers alone are enough for a small demo; a
    # large one gets more workers so each caseload stays about this size.
    caseload: int = 100
    # People per team. A provider grows by opening services, not by one team supporting
    # thousands: beyond the three named teams, a large demo gets more teams of this size.
    team_size: int = 200


def synthetic_nhs_number(rng: random.Random, taken: set[str]) -> str:
    while True:
        body = "999" + f"{rng.randrange(1_000_000):06d}"
        check = calculate_checksum(body)
        number = f"{body}{check}"
        if check is not None and check < 10 and number not in taken:
            taken.add(number)
            return number


def _organisations(fake: Faker, rng: random.Random, count: int) -> list[Organisation]:
    organisations = []
    kinds = list(ORG_NAMES)
    for i in range(count):
        kind = kinds[i % len(kinds)]
        name = rng.choice(ORG_NAMES[kind]).format(fake.unique.city())
        organisations.append(
            Organisation(
                name=name,
                kind=kind,
                ods_code=f"ZZ{i:04d}" if kind in ("gp", "pharmacy", "community") else "",
                secure_channel=rng.choice([Channel.SECURE_EMAIL, Channel.PORTAL, Channel.PHONE]),
                secure_address=f"{name.split()[0].lower()}.team@nhs.example" if kind != "voluntary" else "",
                phone=f"01632 {960000 + i % 1000:06d}"[:12],
                address=fake.address(),
            )
        )
    for row in organisations:  # bulk_create skips save(), which keeps the search column
        row.search_text = row.fold_search_fields()
    return bulk_create_with_history(organisations, Organisation, batch_size=500)


def _first_name(fake: Faker, sex: str) -> str:
    if sex == "F":
        return str(fake.first_name_female())
    if sex == "M":
        return str(fake.first_name_male())
    return str(fake.first_name())


def _phone(rng: random.Random) -> str:
    # Ofcom's drama ranges: never a real subscriber.
    return f"07700 900{rng.randrange(1000):03d}"


@transaction.atomic
def load_demo(size: DemoSize) -> dict[str, int]:
    rng = random.Random(size.seed)
    fake = Faker("en_GB")
    fake.seed_instance(size.seed)
    teams = {name: Team.objects.create(name=name, kind=kind, description=desc) for name, kind, desc in TEAMS}
    staff = named_staff(teams)
    named_teams = dict(teams)
    if size.people > size.team_size * len(TEAMS):
        teams |= more_teams(fake, size)
    staff += more_workers(fake, teams, size, have=sum(u.role == User.Role.WORKER for u in staff))
    workers_by_team: dict[str, list[User]] = {name: [] for name in teams}
    name_of = {team.pk: name for name, team in teams.items()}
    workers_only = Membership.objects.filter(leads=False, user__role=User.Role.WORKER).order_by("pk")
    for membership in workers_only.select_related("user"):
        workers_by_team[name_of[membership.team_id]].append(membership.user)
    organisations = _organisations(fake, rng, max(12, size.people // 8))
    by_kind: dict[str, list[Organisation]] = {}
    for org in organisations:
        by_kind.setdefault(org.kind, []).append(org)

    practitioners = []
    for i in range(max(16, size.people // 4)):
        profession, org_kind = PROFESSIONS[i % len(PROFESSIONS)]
        sex = rng.choice("FM")
        practitioners.append(
            Contact(
                kind=Contact.Kind.PRACTITIONER,
                title="Dr" if profession == "GP" else rng.choice(["", "Ms" if sex == "F" else "Mr"]),
                given_name=_first_name(fake, sex),
                family_name=fake.last_name(),
                profession=profession,
                organisation=rng.choice(by_kind.get(org_kind) or organisations),
                phone=_phone(rng),
                email=f"practitioner{i}@nhs.example",
                preferred_channel=rng.choice([Channel.SECURE_EMAIL, Channel.PHONE]),
                availability=rng.choice(["Weekdays 9 to 5", "Mornings", "Tuesdays and Thursdays", ""]),
            )
        )
    for row in practitioners:  # bulk_create skips save(), which keeps the search column
        row.search_text = row.fold_search_fields()
    practitioners = bulk_create_with_history(practitioners, Contact, batch_size=1000)

    today = date.today()
    taken: set[str] = set()
    team_list = list(teams.values())
    people, person_teams = [], []
    for i in range(size.people):
        sex = rng.choice("FM")
        given = fake.first_name_female() if sex == "F" else fake.first_name_male()
        middle = fake.first_name_female() if sex == "F" else fake.first_name_male()
        family = fake.last_name()
        team = team_list[i % len(team_list)]
        born = today - timedelta(days=rng.randrange(20 * 365, 98 * 365))
        preferred = rng.choice([given, given, given[:3] if len(given) > 4 else given, middle])
        people.append(
            Person(
                legal_given_names=f"{given} {middle}",
                legal_family_name=family,
                preferred_name=preferred,
                pronouns="she/her" if sex == "F" else "he/him",
                date_of_birth=born,
                nhs_number=synthetic_nhs_number(rng, taken),
                first_language=rng.choice(["English"] * 8 + ["Polish", "Punjabi", "Welsh", "Urdu"]),
                communication_needs=rng.choice(
                    [
                        "",
                        "Wears hearing aids; speak clearly and face them.",
                        "Prefers short sentences and pictures.",
                        "Reading glasses needed for letters.",
                    ]
                ),
                what_matters=rng.choice(
                    [
                        "Seeing the grandchildren on Sundays.",
                        "Keeping my garden tidy.",
                        "Choosing my own clothes each morning.",
                        "Going to the market on Fridays.",
                        "Music from the 1960s, and a cup of tea with two sugars.",
                    ]
                ),
                beliefs_and_culture=rng.choice(
                    [
                        "",
                        "Catholic: would like Communion brought on Sundays.",
                        "Muslim: halal meals; prays five times a day.",
                        "Vegetarian.",
                    ]
                ),
                routines_and_choices=rng.choice(
                    [
                        "Early riser; breakfast by 7.",
                        "Likes a bath, not a shower, in the evening.",
                        "Afternoon nap after lunch.",
                        "",
                    ]
                ),
                key_worker=rng.choice(workers_by_team[team.name] or [None]) if rng.random() < 0.8 else None,
                review_date=today + timedelta(days=rng.randrange(-30, 180)),
                admitted_on=today - timedelta(days=rng.randrange(30, 3000)),
            )
        )
        person_teams.append(team)
    for someone in people:  # bulk_create skips save(), which keeps the search column
        someone.search_text = someone.fold_names()
    people = bulk_create_with_history(people, Person, batch_size=1000)
    Person.teams.through.objects.bulk_create(
        [
            Person.teams.through(person_id=p.pk, team_id=t.pk)
            for p, t in zip(people, person_teams, strict=True)
        ],
        batch_size=2000,
    )

    family_contacts: list[Contact] = []
    relationships: list[Relationship] = []
    for person in people:
        for n in range(rng.choice([1, 1, 2, 2, 3])):
            role, title, name_sex = rng.choice(FAMILY_ROLES)
            surname = person.legal_family_name if role != "Friend" else fake.last_name()
            contact = Contact(
                kind=Contact.Kind.FAMILY,
                title=title,
                given_name=_first_name(fake, name_sex),
                family_name=surname,
                phone=_phone(rng),
                email=f"family{len(family_contacts)}@example.com",
                preferred_channel=rng.choice([Channel.PHONE, Channel.EMAIL, Channel.TEXT]),
                availability=rng.choice(["Evenings", "Weekends", "Any time", "After 4pm on weekdays"]),
            )
            contact.form_of_address = (
                f"{title} {surname}" if title and rng.random() < 0.5 else contact.given_name
            )
            family_contacts.append(contact)
            relationships.append(
                Relationship(
                    person=person,
                    group=Relationship.Group.FAMILY,
                    contact=contact,
                    role=role,
                    next_of_kin=n == 0,
                    is_key_contact=n == 0,
                    lpa_health_welfare=n == 0 and rng.random() < 0.3,
                    lpa_property_finance=n == 0 and rng.random() < 0.3,
                    contact_channel=contact.preferred_channel,
                    contact_every_days=rng.choice([7, 14, 28, None]),
                    started_on=person.admitted_on,
                )
            )
        for practitioner in rng.sample(practitioners, k=min(2, len(practitioners))):
            relationships.append(
                Relationship(
                    person=person,
                    group=Relationship.Group.PRACTITIONER,
                    contact=practitioner,
                    role=practitioner.profession,
                    started_on=person.admitted_on,
                    contact_channel=practitioner.preferred_channel,
                )
            )
        for kind in (Organisation.Kind.GP_SURGERY, Organisation.Kind.PHARMACY):
            relationships.append(
                Relationship(
                    person=person,
                    group=Relationship.Group.PARTNER,
                    organisation=rng.choice(by_kind[kind]),
                    role="GP practice" if kind == Organisation.Kind.GP_SURGERY else "Pharmacy",
                    started_on=person.admitted_on,
                )
            )
    for row in family_contacts:  # bulk_create skips save(), which keeps the search column
        row.search_text = row.fold_search_fields()
    bulk_create_with_history(family_contacts, Contact, batch_size=2000)
    for rel in relationships:
        if rel.contact is not None:
            rel.contact_id = rel.contact.pk
    bulk_create_with_history(relationships, Relationship, batch_size=2000)
    workers = {p.pk: workers_by_team[t.name] for p, t in zip(people, person_teams, strict=True)}
    follow_through = load_consent(rng, workers, relationships, today)
    follow_through |= load_follow_through(rng, people, workers, relationships, today)
    follow_through |= load_changes(rng, people, workers, relationships, today)
    follow_through |= load_feedback(rng, people, workers, relationships, today)
    people_by_team: dict[str, list[Person]] = {}
    for person, team in zip(people, person_teams, strict=True):
        people_by_team.setdefault(team.name, []).append(person)
    follow_through |= load_meetings(rng, people_by_team, named_teams, staff, today)
    follow_through |= load_services()
    return {
        "people": len(people),
        "contacts": len(family_contacts) + len(practitioners),
        "organisations": len(organisations),
        "relationships": len(relationships),
        "staff": len(staff),
        **follow_through,
    }
