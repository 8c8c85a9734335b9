"""A person with one record of every kind around them: the values each URL parameter takes."""

from consent.models import SharePack
from people.models import Person
from rapport.testing.factories import (
    ChangeFactory,
    CommitmentFactory,
    FeedbackFactory,
    MeetingFactory,
    OrganisationFactory,
    RelationshipFactory,
    ServiceFactory,
    UserFactory,
)


def records_around(person: Person) -> dict[str, object]:
    team = person.teams.get()
    family = RelationshipFactory(person=person, role="Son")
    organisation = OrganisationFactory()
    owed = CommitmentFactory(person=person, owner=UserFactory(username="willow-worker", teams=[team]))
    return {
        "person_id": person.pk,
        "relationship_id": family.pk,
        "contact_id": family.contact_id,
        "commitment_id": owed.pk,
        "change_id": ChangeFactory(person=person).pk,
        "feedback_id": FeedbackFactory(person=person).pk,
        "meeting_id": MeetingFactory(team=team, people=[person]).pk,
        "pack_id": SharePack.objects.create(
            person=person, recipient=family, purpose="x", content={}, bundle={}, by=owed.owner
        ).pk,
        "group": "family",
        "organisation_id": organisation.pk,
        "user_id": owed.owner_id,
        "team_id": team.pk,
        "colleague_id": owed.owner_id,
        "service_id": ServiceFactory().pk,
        "topic_id": 1,
        "token": "not-a-real-token",
    }
