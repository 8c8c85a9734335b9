"""The benchmark's lived-in service: years of records per person, built in bulk, still
keeping the audit chain and the disclosure gate."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count

from audit.chain import verify
from audit.models import AuditEvent
from commitments.models import Commitment
from consent.models import ConsentRecord, Disclosure
from consent.sharing import record_past_disclosures
from interactions.models import Interaction
from people.models import Person
from rapport.lib.bulk import RefusedBulkWrite, _converter, insert_rows


@pytest.fixture
def lived_in(db, capsys) -> None:
    call_command("bench_data", people=30, years=2)


def test_each_record_holds_years_of_history(lived_in) -> None:
    people = Person.objects.count()
    assert people == 30
    assert Interaction.objects.count() > 30 * 20
    assert Commitment.objects.count() > 30 * 10
    assert Commitment.objects.open().count() < Commitment.objects.count() / 5  # most are closed
    assert AuditEvent.objects.count() > 30 * 40
    assert Disclosure.objects.count() > 0
    # Every disclosure rests on an agreement of the same person, recipient and topic.
    for disclosure in Disclosure.objects.select_related("consent"):
        agreement = disclosure.consent
        assert agreement is not None and agreement.decision == "given"
        assert (agreement.person_id, agreement.recipient_id, agreement.topic_id) == (
            disclosure.person_id, disclosure.recipient_id, disclosure.topic_id)  # fmt: skip
    busiest = Interaction.objects.values("person").annotate(n=Count("pk")).order_by("-n").first()
    assert busiest and busiest["n"] > 20


def test_the_audit_chain_still_holds(lived_in) -> None:
    report = verify()
    assert report.intact and report.checked == AuditEvent.objects.count()


def test_sharing_cannot_be_bulk_written_around_the_gate(lived_in) -> None:
    with pytest.raises(RefusedBulkWrite):
        insert_rows(Disclosure, ["id"], [(10**9,)])
    refused = ConsentRecord.objects.filter(decision="refused").first()
    assert refused is not None
    row = (10**9, refused.person_id, refused.recipient_id, refused.topic_id, refused.recorded_at,
           refused.recorded_by_id, "phone", "consent", refused.pk)  # fmt: skip
    before = Disclosure.objects.count()
    with pytest.raises(ValueError, match="does not rest on a recorded agreement"):
        record_past_disclosures([row])
    assert Disclosure.objects.count() == before


def test_a_second_load_is_refused(lived_in) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("bench_data", people=5, years=1)


# The page's own queries (session, person, audit, circle, the UNION and its count), one per kind.
TIMELINE_MOST = 21


def test_pages_ask_the_same_number_of_questions_after_years_more(db, client) -> None:
    """Deep, not only wide: the busy pages after one year of records, then after six."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from accounts.models import User
    from people.demo import DemoSize, load_demo
    from rapport.lived_in import load_years

    load_demo(DemoSize(people=12))
    load_years(1, seed=1)
    amara, chloe = User.objects.get(username="amara"), User.objects.get(username="chloe")
    someone = Person.objects.filter(teams__memberships__user=amara).order_by("pk").first()
    assert someone is not None
    pages = [
        (amara, reverse("home")),
        (chloe, reverse("home")),
        (chloe, reverse("overview:page")),
        (amara, reverse("person:page", args=[someone.pk])),
        (amara, reverse("chronology:timeline", args=[someone.pk])),
        (amara, reverse("consent:page", args=[someone.pk])),
        (amara, reverse("people:list")),
        (amara, reverse("people:list") + "?q=a"),
        (amara, reverse("commitments:work")),
    ]

    def counts() -> list[int]:
        found = []
        for user, path in pages:
            client.force_login(user)
            client.get(path)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(path).status_code == 200, path
            found.append(len(queries))
        return found

    before = counts()
    load_years(5, seed=2)
    assert Interaction.objects.count() > 12 * 60  # years more of conversations
    after = counts()
    # The timeline reads one query per kind of record on its page: which kinds the newest 20
    # entries hold changes as years are added, so it is held to its ceiling, not to equality.
    timeline = [p for _, p in pages].index(reverse("chronology:timeline", args=[someone.pk]))
    assert max(before[timeline], after[timeline]) <= TIMELINE_MOST
    before[timeline] = after[timeline] = 0
    assert after == before, list(zip([p for _, p in pages], before, after, strict=True))


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2024, 3, 31, 1, 30, tzinfo=UTC),
        datetime(2024, 3, 31, 1, 30, 0, 250, tzinfo=UTC),
        datetime(2024, 10, 27, 1, 30, tzinfo=ZoneInfo("Europe/London")),
        None,
    ],
)
def test_a_moment_written_in_bulk_is_stored_as_django_stores_it(db, moment) -> None:
    convert = _converter(Interaction._meta.get_field("occurred_at"))
    if connection.vendor != "sqlite":
        assert convert is None  # COPY takes the value itself
    else:
        assert convert is not None and convert(moment) == connection.ops.adapt_datetimefield_value(moment)
