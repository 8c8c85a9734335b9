"""A person with one record of every kind around them: the values each URL parameter takes,
and a history of every kind a day apart, for the timeline."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import time_machine
from django.utils import timezone

from accounts.models import User
from circles.models import Relationship
from consent.models import ConsentRecord, SharePack, Topic
from consent.sharing import share
from interactions.models import Interaction
from people.models import Person
from rapport.testing.factories import (
    ChangeFactory,
    CommitmentFactory,
    FeedbackFactory,
    InteractionFactory,
    MeetingFactory,
    OrganisationFactory,
    RelationshipFactory,
    ServiceFactory,
    UserFactory,
)
from recognition.models import Recognition
from signposting.models import Signposting


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


@dataclass
class History:
    daughter: Relationship
    practice: Relationship
    conversation: Interaction
    pack: SharePack


def history_of_every_kind(person: Person, staff: User, *, newest: datetime, words: str = "") -> History:
    """One record of every kind about the person, a day apart from `newest` back, in this
    order: conversation, change, update done, update owed, compliment, meeting, thanks,
    signposting, share pack, disclosure, consent decision. `words` ends every free text."""

    def days_before(n: int) -> datetime:
        return newest - timedelta(days=n)

    def on(n: int) -> date:
        return timezone.localdate(days_before(n))

    daughter = RelationshipFactory(
        person=person, role="Daughter", contact__given_name="Joan", contact__family_name="Hughes"
    )
    practice = RelationshipFactory(
        person=person,
        contact=None,
        organisation=OrganisationFactory(name="Brookside Surgery"),
        group="partner",
        role="GP practice",
    )
    conversation = InteractionFactory(
        person=person,
        staff=staff,
        with_kind="circle",
        relationship=daughter,
        occurred_at=newest,
        summary=f"Joan asked how Mum slept {words}",
    )
    ChangeFactory(
        person=person, recorded_by=staff, observed_at=days_before(1), description=f"Slipped {words}"
    )
    CommitmentFactory(
        person=person,
        kind="update",
        title="Tell Joan about the fall",
        owner=staff,
        created_by=staff,
        owed_to_relationship=daughter,
        status="done",
        created_at=days_before(3),
        closed_at=days_before(2),
        closed_by=staff,
        outcome=f"Rang Joan {words}",
    )
    FeedbackFactory(
        person=person,
        kind="compliment",
        from_relationship=daughter,
        from_name="",
        handler=staff,
        received_on=on(4),
        about=f"Lovely birthday tea {words}",
    )
    MeetingFactory(
        team=person.teams.first(),
        people=[person],
        recorded_by=staff,
        title="Care review",
        held_at=days_before(5),
    )
    Recognition.objects.create(
        kind=Recognition.Kind.THANKS,
        person=person,
        relationship=daughter,
        given_by=staff,
        given_on=on(6),
        what_for=f"Brought the photos in {words}",
    )
    Signposting.objects.create(
        person=person,
        relationship=daughter,
        service=ServiceFactory(name="Carers' Centre"),
        by=staff,
        signposted_on=on(7),
        notes=words,
    )
    pack = SharePack.objects.create(
        person=person,
        recipient=practice,
        # A purpose is a line (200 characters at most): PostgreSQL refuses a longer one.
        purpose=f"Falls clinic referral {words}"[: SharePack._meta.get_field("purpose").max_length],
        content={},
        bundle={"resourceType": "Bundle", "type": "collection", "entry": []},
        by=staff,
        created_at=days_before(8),
    )
    health = Topic.objects.get(code="health")
    # The decision is recorded, and the health news then shared through the one gate, two
    # hours before the share pack: on the timeline, between the pack and the decision.
    with time_machine.travel(days_before(8) - timedelta(hours=2), tick=False):
        ConsentRecord.objects.create(
            person=person,
            recipient=practice,
            topic=health,
            decision="given",
            how="written",
            decided_on=on(9),
            recorded_by=staff,
            notes=words,
        )
        share(actor=staff, person=person, recipient=practice, topics=[health], channel="letter")
    return History(daughter, practice, conversation, pack)
