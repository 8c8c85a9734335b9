from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from consent.rules import GIVEN, REFUSED, WITHDRAWN, Fact, Recipient, may_share

T0 = datetime(2026, 1, 1, tzinfo=UTC)
SON = Recipient(relationship_id=1, organisation_id=None)
GP = Recipient(relationship_id=2, organisation_id=10)  # a GP working at practice 10


def fact(
    rel: int, decision: str, hours: int, topic: str = "care", org: int | None = None, rid: int = 0
) -> Fact:
    at = T0 + timedelta(hours=hours)
    return Fact(rel, org, topic, decision, at, at.date(), rid)


def test_nothing_recorded_means_no() -> None:
    verdict = may_share(facts=[], recipient=SON, topic="care", at=T0, topic_name="Care updates")
    assert not verdict.allowed and "No consent is recorded for sharing care updates" in verdict.reason


def test_agreed_for_care_but_not_health() -> None:
    facts = [fact(1, GIVEN, 0, "care"), fact(1, REFUSED, 0, "health")]
    later = T0 + timedelta(days=1)
    assert may_share(facts=facts, recipient=SON, topic="care", at=later).allowed
    refused = may_share(facts=facts, recipient=SON, topic="health", at=later, topic_name="Health")
    assert not refused.allowed and "refused on 1 Jan 2026" in refused.reason


def test_withdrawal_takes_effect_from_its_moment() -> None:
    facts = [fact(1, GIVEN, 0), fact(1, WITHDRAWN, 48)]
    assert may_share(facts=facts, recipient=SON, topic="care", at=T0 + timedelta(hours=24)).allowed
    after = may_share(facts=facts, recipient=SON, topic="care", at=T0 + timedelta(hours=49))
    assert not after.allowed and "withdrawn" in after.reason


def test_a_decision_recorded_later_does_not_reach_back() -> None:
    facts = [fact(1, GIVEN, 10)]
    assert not may_share(facts=facts, recipient=SON, topic="care", at=T0 + timedelta(hours=5)).allowed


def test_consent_to_the_practice_covers_its_gps_unless_a_gp_is_refused() -> None:
    practice = [fact(5, GIVEN, 0, "health", org=10)]
    assert may_share(facts=practice, recipient=GP, topic="health", at=T0 + timedelta(hours=1)).allowed
    own_refusal = [*practice, fact(2, REFUSED, 0, "health")]
    assert not may_share(facts=own_refusal, recipient=GP, topic="health", at=T0 + timedelta(hours=1)).allowed
    other_practice = Recipient(relationship_id=3, organisation_id=11)
    assert not may_share(
        facts=practice, recipient=other_practice, topic="health", at=T0 + timedelta(hours=1)
    ).allowed


decisions = st.sampled_from([GIVEN, REFUSED, WITHDRAWN])
facts_strategy = st.lists(
    st.builds(
        fact,
        rel=st.sampled_from([1, 2, 5]),
        decision=decisions,
        hours=st.integers(0, 100),
        topic=st.sampled_from(["care", "health"]),
        org=st.sampled_from([None, 10]),
        rid=st.integers(0, 1000),
    ),
    max_size=12,
    unique_by=lambda f: f.record_id,  # each record has its own id, as in the database
)


@given(facts_strategy, st.sampled_from([SON, GP]), st.sampled_from(["care", "health"]), st.integers(0, 120))
def test_allowed_only_when_the_deciding_record_is_a_given_one_in_force(facts, recipient, topic, hour) -> None:
    at = T0 + timedelta(hours=hour)
    verdict = may_share(facts=facts, recipient=recipient, topic=topic, at=at)
    if verdict.allowed:
        deciding = [f for f in facts if f.record_id == verdict.record_id and f.topic == topic]
        assert deciding and all(f.recorded_at <= at for f in deciding)
        assert any(f.decision == GIVEN for f in deciding)
        own = [
            f
            for f in facts
            if f.topic == topic and f.recorded_at <= at and f.relationship_id == recipient.relationship_id
        ]
        if own:  # the recipient's own latest decision must be a given one
            assert max(own, key=lambda f: (f.recorded_at, f.record_id)).decision == GIVEN


@given(facts_strategy, st.sampled_from([SON, GP]), st.sampled_from(["care", "health"]), st.integers(0, 120))
def test_a_latest_withdrawal_or_refusal_never_allows(facts, recipient, topic, hour) -> None:
    at = T0 + timedelta(hours=hour)
    own = [
        f
        for f in facts
        if f.topic == topic and f.recorded_at <= at and f.relationship_id == recipient.relationship_id
    ]
    if own and max(own, key=lambda f: (f.recorded_at, f.record_id)).decision in (WITHDRAWN, REFUSED):
        assert not may_share(facts=facts, recipient=recipient, topic=topic, at=at).allowed


def test_the_date_shown_is_the_decision_date() -> None:
    decided = Fact(1, None, "care", WITHDRAWN, T0, date(2025, 12, 30), 1)
    assert "30 Dec 2025" in may_share(facts=[decided], recipient=SON, topic="care", at=T0).reason
