"""Factories for tests: synthetic people with a fixed seed, never real data."""

import random
from datetime import date, timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory
from faker import Faker

from accounts.models import Membership, Team, User
from changes.models import Change
from circles.models import Contact, Organisation, Relationship
from commitments.models import Commitment
from feedback.clocks import deadlines
from feedback.models import Feedback
from interactions.models import Interaction
from interactions.services import note_last_contact
from meetings.models import Meeting
from people.demo import synthetic_nhs_number
from people.models import Person
from signposting.models import Service

factory.Faker._DEFAULT_LOCALE = "en_GB"
Faker.seed(2026)
_rng = random.Random(2026)
_taken: set[str] = set()


class TeamFactory(DjangoModelFactory[Team]):
    class Meta:
        model = Team
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Team {n}")
    kind = Team.Kind.CARE_HOME


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    role = User.Role.WORKER
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def teams(self, create: bool, extracted: list[Team] | None, **kwargs: object) -> None:
        for team in extracted or []:
            Membership.objects.create(user=self, team=team, leads=self.role == User.Role.LEADER)


class PersonFactory(DjangoModelFactory[Person]):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    legal_given_names = factory.Faker("first_name")
    legal_family_name = factory.Faker("last_name")
    preferred_name = factory.LazyAttribute(lambda p: p.legal_given_names)
    date_of_birth = factory.Faker("date_of_birth", minimum_age=20, maximum_age=99)
    nhs_number = factory.LazyFunction(lambda: synthetic_nhs_number(_rng, _taken))

    @factory.post_generation
    def teams(self, create: bool, extracted: list[Team] | None, **kwargs: object) -> None:
        if extracted:
            self.teams.set(extracted)


class OrganisationFactory(DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Brookside Medical Practice {n}")
    kind = Organisation.Kind.GP_SURGERY


class ContactFactory(DjangoModelFactory[Contact]):
    class Meta:
        model = Contact

    kind = Contact.Kind.FAMILY
    given_name = factory.Faker("first_name")
    family_name = factory.Faker("last_name")


class RelationshipFactory(DjangoModelFactory[Relationship]):
    class Meta:
        model = Relationship

    person = factory.SubFactory(PersonFactory)
    contact = factory.SubFactory(ContactFactory)
    group = factory.LazyAttribute(lambda r: r.contact.kind if r.contact else Relationship.Group.PARTNER)
    role = "Daughter"


class CommitmentFactory(DjangoModelFactory[Commitment]):
    class Meta:
        model = Commitment

    person = factory.SubFactory(PersonFactory)
    title = factory.Sequence(lambda n: f"Ring back about appointment {n}")
    owner = factory.SubFactory(UserFactory)
    created_by = factory.SelfAttribute("owner")
    due_on = factory.LazyFunction(lambda: date.today() + timedelta(days=1))


class InteractionFactory(DjangoModelFactory[Interaction]):
    class Meta:
        model = Interaction
        skip_postgeneration_save = True

    person = factory.SubFactory(PersonFactory)
    staff = factory.SubFactory(UserFactory)
    with_kind = "person"
    summary = "Talked about the week ahead."

    @factory.post_generation
    def last_contact(self, create: bool, extracted: object, **kwargs: object) -> None:
        """What `interaction_log` does: the relationship remembers its latest conversation."""
        if create and self.relationship_id is not None:
            note_last_contact(self.relationship_id, self.occurred_at)


class ChangeFactory(DjangoModelFactory[Change]):
    class Meta:
        model = Change

    person = factory.SubFactory(PersonFactory)
    area = Change.Area.FALL
    significance = Change.Significance.SIGNIFICANT
    description = "Found on the bedroom floor at 7am; says she slipped getting up."
    recorded_by = factory.SubFactory(UserFactory)


class FeedbackFactory(DjangoModelFactory[Feedback]):
    class Meta:
        model = Feedback

    person = factory.SubFactory(PersonFactory)
    kind = Feedback.Kind.COMPLAINT
    from_name = "A neighbour"
    about = "The morning visit was over an hour late three days running."
    handler = factory.SubFactory(UserFactory)
    recorded_by = factory.SelfAttribute("handler")
    received_on = factory.LazyFunction(date.today)
    acknowledge_by = factory.LazyAttribute(lambda f: deadlines(f.kind, f.received_on)[0])
    respond_by = factory.LazyAttribute(lambda f: deadlines(f.kind, f.received_on)[1])


class MeetingFactory(DjangoModelFactory[Meeting]):
    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    kind = Meeting.Kind.MULTI_AGENCY
    title = "Discharge planning meeting"
    team = factory.SubFactory(TeamFactory)
    held_at = factory.LazyFunction(timezone.now)
    recorded_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def people(self, create: bool, extracted: list[Person] | None, **kwargs: object) -> None:
        if extracted:
            self.people.set(extracted)


class ServiceFactory(DjangoModelFactory[Service]):
    class Meta:
        model = Service

    name = factory.Sequence(lambda n: f"Riverside Carers' Centre {n}")
    topic = Service.Topic.CARERS
    helps_with = "Advice, breaks and a weekly support group for unpaid carers."
    how_to_contact = "Phone 01632 960 555, weekdays 9 to 5."
