"""consent hands its follow-up work to the app that keeps it (commitments); a decision never
passes with no one keeping it, and the follow-up shares the decision's transaction."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from audit.models import AuditEvent
from commitments.consent_follow_up import CommitmentsKeeper
from consent import follow_up
from consent.models import Disclosure, SafetyOverride, Topic
from consent.sharing import Override, share
from rapport.testing.factories import RelationshipFactory

OVERRIDE = Override(reason="He gives her tablets at weekends.", lawful_basis="vital_interests")


def _share_by_override(worker, person):
    son = RelationshipFactory(person=person, role="Son")
    share(
        actor=worker,
        person=person,
        recipient=son,
        topics=[Topic.objects.get(code="health")],
        override=OVERRIDE,
    )


def test_commitments_keeps_it_once_the_apps_are_ready() -> None:
    assert isinstance(follow_up.keeper(), CommitmentsKeeper)


def test_an_override_with_no_one_to_review_it_is_refused(monkeypatch, worker, person) -> None:
    monkeypatch.setattr(follow_up, "_keeper", None)
    with pytest.raises(ImproperlyConfigured):
        _share_by_override(worker, person)
    assert not SafetyOverride.objects.exists() and not Disclosure.objects.exists()


def test_a_review_that_fails_takes_the_override_and_the_sharing_with_it(monkeypatch, worker, person) -> None:
    def fail(**_: object) -> None:
        raise RuntimeError("no review")

    monkeypatch.setattr(follow_up.keeper(), "open_override_review", fail)
    events = AuditEvent.objects.count()
    with pytest.raises(RuntimeError):
        _share_by_override(worker, person)
    assert not SafetyOverride.objects.exists() and not Disclosure.objects.exists()
    assert AuditEvent.objects.count() == events
