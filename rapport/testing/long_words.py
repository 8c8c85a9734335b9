"""A person and a full circle in which every free-text field holds one long unbroken word.

Item 11 of issue 9: a long unbroken word (an email address) must never make a page wider
than the screen. The fields are found by walking the models, not listed by hand, so a
free-text field added tomorrow is filled (and its pages checked) without anyone remembering.
"""

from datetime import timedelta

from django.apps import apps
from django.db import models
from django.utils import timezone

from accounts.models import User
from consent.models import ConsentRecord, SharePack, Topic
from consent.sharing import Override, share
from meetings.models import Decision
from people.models import Person
from rapport.testing.factories import (
    ChangeFactory,
    CommitmentFactory,
    ContactFactory,
    FeedbackFactory,
    InteractionFactory,
    MeetingFactory,
    OrganisationFactory,
    RelationshipFactory,
    ServiceFactory,
)
from recognition.models import Recognition
from signposting.models import Signposting

LENGTH = 250
# Apps whose rows no page shows as free text (the audit trail is append-only and chained).
SKIP_APPS = {"audit", "rapport", "reminders", "auth", "contenttypes", "sessions", "admin", "axes"}
# Fields that are identifiers or derived values rather than text someone types.
SKIP_FIELDS = {"username", "password", "nhs_number", "phone", "ods_code", "search_text", "channel", "purpose"}


def long_word(max_length: int | None) -> str:
    """An email-like word of 250 characters (or the field's limit): no space to break at."""
    length = min(LENGTH, max_length or LENGTH)
    tail = "@example.org"
    return ("x" * (length - len(tail)) + tail) if length > 2 * len(tail) else "x" * length


def free_text_fields(model: type[models.Model]) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField)
        and not f.choices
        and not isinstance(f, models.SlugField)
        and f.name not in SKIP_FIELDS
    ]


def fill_every_free_text_field() -> list[str]:
    """Overwrite every free-text field of every row with a long word; returns what was filled."""
    filled = []
    for model in apps.get_models():
        if model._meta.app_label in SKIP_APPS:
            continue
        fields = free_text_fields(model)
        if fields:
            model._default_manager.update(**{f.name: long_word(f.max_length) for f in fields})
            filled += [f"{model._meta.label}.{f.name}" for f in fields]
    return filled


def seed_full_circle(person: Person, worker: User, leader: User) -> dict[str, object]:
    """One record of every kind around `person`, each named, written and linked."""
    team = person.teams.get()
    practice = OrganisationFactory(dsa_signed_on=timezone.localdate() - timedelta(days=30))
    family = RelationshipFactory(person=person, role="Son", is_key_contact=True, contact_every_days=7)
    gp = RelationshipFactory(
        person=person,
        group="practitioner",
        role="GP",
        contact=ContactFactory(kind="practitioner", organisation=practice, email="gp@example.org"),
    )
    partner = RelationshipFactory(
        person=person, contact=None, organisation=practice, group="partner", role="GP"
    )
    owed = CommitmentFactory(
        person=person, owner=worker, owed_to_relationship=family, details="x", outcome="x"
    )
    CommitmentFactory(person=person, owner=worker, due_on=timezone.localdate() - timedelta(days=3))
    InteractionFactory(person=person, staff=worker, with_kind="circle", relationship=family)
    change = ChangeFactory(person=person, recorded_by=worker, action_taken="x")
    feedback = FeedbackFactory(person=person, handler=worker, outcome="x", learning="x")
    meeting = MeetingFactory(team=team, people=[person], recorded_by=leader, location="x", notes="x")
    meeting.staff.add(worker, leader)
    Decision.objects.create(meeting=meeting, text="x")
    service = ServiceFactory(area="x", website="https://example.org/")
    Signposting.objects.create(person=person, relationship=family, service=service, by=worker, notes="x")
    Recognition.objects.create(
        kind="thanks", person=person, relationship=family, given_by=worker, what_for="x"
    )
    Recognition.objects.create(kind="colleague", colleague=worker, given_by=leader, what_for="x")
    topic = Topic.objects.order_by("position").first()
    assert topic is not None
    ConsentRecord.objects.create(
        person=person,
        recipient=family,
        topic=topic,
        decision="given",
        how="verbal",
        recorded_by=worker,
        notes="x",
        review_on=timezone.localdate() + timedelta(days=90),
    )
    share(actor=worker, person=person, recipient=family, topics=[topic])
    share(
        actor=worker,
        person=person,
        recipient=gp,
        topics=[topic],
        override=Override(reason="x", lawful_basis="vital_interests"),
    )
    pack = SharePack.objects.create(
        person=person, recipient=gp, purpose="x", content={}, bundle={}, by=worker
    )
    for someone in (worker, leader):
        someone.job_title = "x"
        someone.email = "x@example.org"
        someone.save(update_fields=["job_title", "email"])
    return {
        "person_id": person.pk,
        "relationship_id": family.pk,
        "contact_id": family.contact_id,
        "commitment_id": owed.pk,
        "change_id": change.pk,
        "feedback_id": feedback.pk,
        "meeting_id": meeting.pk,
        "pack_id": pack.pk,
        "group": "family",
        "organisation_id": practice.pk,
        "user_id": worker.pk,
        "team_id": team.pk,
        "colleague_id": worker.pk,
        "service_id": service.pk,
        "topic_id": topic.pk,
        "token": "not-a-real-token",
        "partner": partner.pk,
    }
