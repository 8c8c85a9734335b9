"""The person's one timeline: every kind in one order, filters, and who may see what."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from chronology.kinds import KINDS
from chronology.views import PER_PAGE
from consent.models import SharePack
from rapport.testing.factories import (
    CommitmentFactory,
    InteractionFactory,
    MeetingFactory,
    PersonFactory,
    RelationshipFactory,
)
from rapport.testing.records import History, history_of_every_kind
from recognition.models import Recognition

LONDON = ZoneInfo("Europe/London")


def at(day: int, hour: int = 12) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=LONDON)


@pytest.fixture
def everything(person, worker) -> History:
    """One record of every kind, a day apart from 20 March back: conversation newest, consent oldest."""
    return history_of_every_kind(person, worker, newest=at(20))


def _timeline(client, person, query=None):
    response = client.get(reverse("chronology:timeline", args=[person.pk]), query or {})
    assert response.status_code == 200
    return response


def _labels(response) -> list[str]:
    return [entry.kind for entry in response.context["entries"]]


def test_every_kind_in_one_order_newest_first(client, worker, person, everything) -> None:
    client.force_login(worker)
    response = _timeline(client, person)
    assert _labels(response) == [
        "conversation",
        "change",
        "done",
        "owed",
        "feedback",
        "meeting",
        "thanks",
        "signposting",
        "share_pack",
        "shared",
        "consent",
    ]
    assert {kind.code for kind in KINDS} == set(_labels(response))
    body = response.content.decode()
    for words in (
        "Joan asked how Mum slept",
        "Rang Joan",
        "Compliment from Joan Hughes (Daughter)",
        "Lovely birthday tea",
        "Care review",
        "Thanks to Joan Hughes (Daughter)",
        "Carers&#x27; Centre",
        "Shared with Brookside Surgery (GP practice)",
        "Health shared with Brookside Surgery (GP practice)",
        "With their consent",
        "Agreed: Health to Brookside Surgery (GP practice)",
        "Recorded by <bdi>Wendy Worker</bdi>",
        "20 Mar 2026, 12:00",
        "16 Mar 2026",
    ):
        assert words in body, words


def test_each_entry_links_to_its_own_page(client, worker, person, everything) -> None:
    client.force_login(worker)
    pack = SharePack.objects.get()
    body = _timeline(client, person).content.decode()
    for url in (
        reverse("share_packs:detail", args=[person.pk, pack.pk]),
        reverse("share_packs:detail", args=[person.pk, pack.pk]) + "?print=1",
        reverse("share_packs:fhir", args=[person.pk, pack.pk]),
        reverse("changes:detail", args=[person.pk, person.changes.get().pk]),
        reverse("meetings:detail", args=[person.meetings.get().pk]),
        reverse("feedback:detail", args=[person.pk, person.feedback.get().pk]),
    ):
        assert f'href="{url}"' in body, url
    assert "Download FHIR" in body and ">Print<" in body


def test_filter_by_kind(client, worker, person, everything) -> None:
    client.force_login(worker)
    response = _timeline(client, person, {"kind": ["share_pack", "feedback"]})
    assert _labels(response) == ["feedback", "share_pack"]
    assert not response.context["ignored"]
    body = response.content.decode()
    assert 'value="share_pack" checked' in body.replace('id="id_kind_8" ', "")
    assert ": Complaints, concerns and compliments; Share packs</span></summary>" in body


def test_filter_by_member_leaves_out_kinds_that_name_no_one(client, worker, person, everything) -> None:
    client.force_login(worker)
    assert _labels(_timeline(client, person, {"member": everything.daughter.pk})) == [
        "conversation",
        "done",
        "owed",
        "feedback",
        "thanks",
        "signposting",
    ]
    response = _timeline(client, person, {"member": everything.practice.pk, "kind": "consent"})
    assert _labels(response) == ["consent"]
    assert "Consent decisions; with or about Brookside Surgery (GP practice)" in response.content.decode()


def test_an_ended_relationship_is_not_offered(client, worker, person, everything) -> None:
    daughter = everything.daughter
    daughter.started_on = date.today() - timedelta(days=30)
    daughter.ended_on = date.today() - timedelta(days=1)
    daughter.save(update_fields=["started_on", "ended_on"])
    client.force_login(worker)
    response = _timeline(client, person, {"member": daughter.pk})
    assert response.context["ignored"]
    assert f'value="{daughter.pk}"' not in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"kind": "nonsense"},
        {"kind": ["conversation", "<script>"]},
        {"member": "abc"},
        {"member": "99999999999999999999999"},
        {"member": "-1"},
        {"member": ["", "x"]},
    ],
)
def test_bad_filters_are_left_out_with_a_word(client, worker, person, everything, query) -> None:
    client.force_login(worker)
    response = _timeline(client, person, query)
    assert response.context["ignored"]
    assert "so it was left out" in response.content.decode()
    assert len(response.context["entries"]) >= 1  # what was valid still applies


def test_someone_elses_relationship_is_not_a_choice_and_names_no_one(
    client, worker, person, other_person, everything
) -> None:
    stranger = RelationshipFactory(
        person=other_person, role="Son", contact__given_name="Zebedee", contact__family_name="Stone"
    )
    client.force_login(worker)
    response = _timeline(client, person, {"member": stranger.pk, "page": "not-a-number"})
    body = response.content.decode()
    assert response.context["ignored"] and "Zebedee" not in body
    assert len(response.context["entries"]) == len(KINDS)  # the member was dropped, not applied


def test_a_meeting_that_also_discussed_someone_hidden_is_left_out(
    client, worker, person, other_person, administrator
) -> None:
    MeetingFactory(team=person.teams.get(), people=[person], title="Peggy's review", held_at=at(2))
    MeetingFactory(team=person.teams.get(), people=[person, other_person], title="Joint panel", held_at=at(3))
    client.force_login(worker)
    body = _timeline(client, person).content.decode()
    assert "Peggy&#x27;s review" in body and "Joint panel" not in body
    assert _labels(_timeline(client, person)) == ["meeting"]
    client.force_login(administrator)
    assert "Joint panel" in _timeline(client, person).content.decode()


def test_a_colleagues_supervision_stays_private(client, worker, teammate, leader, person) -> None:
    MeetingFactory(
        team=person.teams.get(),
        kind="supervision",
        supervisee=teammate,
        recorded_by=leader,
        people=[person],
        title="Tom's supervision",
    )
    client.force_login(worker)
    assert "supervision" not in _timeline(client, person).content.decode().lower().split("<main")[1]
    client.force_login(teammate)
    assert "Tom&#x27;s supervision" in _timeline(client, person).content.decode()


def test_a_worker_of_another_team_gets_404(client, outsider, person, everything) -> None:
    client.force_login(outsider)
    assert client.get(reverse("chronology:timeline", args=[person.pk])).status_code == 404


def test_records_of_other_people_never_appear(client, worker, person, other_person) -> None:
    InteractionFactory(person=other_person, summary="About Stanley only")
    CommitmentFactory(person=other_person, title="Stanley's call back")
    client.force_login(worker)
    body = _timeline(client, person).content.decode()
    assert "Stanley" not in body and "Nothing recorded yet." in body


def test_colleague_recognition_is_not_thanks_on_the_timeline(client, worker, leader, person) -> None:
    Recognition.objects.create(
        kind=Recognition.Kind.COLLEAGUE,
        person=person,
        colleague=worker,
        given_by=leader,
        what_for="Stayed late",
    )
    client.force_login(worker)
    assert "Stayed late" not in _timeline(client, person).content.decode()


def test_long_free_text_is_cut_and_the_page_keeps_its_width(client, worker, person) -> None:
    word = "x" * 250
    InteractionFactory(person=person, staff=worker, summary=f"{word} " + "and more " * 100)
    client.force_login(worker)
    body = _timeline(client, person).content.decode()
    assert word in body and "and more " * 100 not in body and "…" in body


def test_pages_of_thirty_keep_the_filter(client, worker, person, everything) -> None:
    daughter = everything.daughter
    for n in range(34):
        InteractionFactory(
            person=person,
            staff=worker,
            with_kind="circle",
            relationship=daughter,
            occurred_at=at(1) + timedelta(hours=n),
        )
    client.force_login(worker)
    first = _timeline(client, person, {"kind": ["conversation", "change"], "member": daughter.pk})
    assert len(first.context["entries"]) == PER_PAGE
    body = first.content.decode()
    assert "kind=conversation&amp;kind=change" in body and "page=2" in body
    second = _timeline(client, person, {"kind": ["conversation", "change"], "member": daughter.pk, "page": 2})
    assert len(second.context["entries"]) == 35 - PER_PAGE
    assert second.context["entries"][-1].when == at(1)


def test_opening_the_timeline_is_audited(client, worker, person) -> None:
    from audit.models import AuditEvent

    client.force_login(worker)
    _timeline(client, person)
    assert AuditEvent.objects.filter(person_id=person.pk, actor=worker, summary="Viewed timeline").exists()


def test_another_persons_share_pack_cannot_be_reopened_through_this_one(client, worker, person, team) -> None:
    sibling = PersonFactory(teams=[team])
    rel = RelationshipFactory(person=sibling)
    pack = SharePack.objects.create(
        person=sibling, recipient=rel, purpose="x", content={}, bundle={}, by=worker
    )
    client.force_login(worker)
    assert client.get(reverse("share_packs:detail", args=[person.pk, pack.pk])).status_code == 404
    assert client.get(reverse("share_packs:fhir", args=[person.pk, pack.pk])).status_code == 404


def test_the_member_filter_offers_only_the_current_circle(client, worker, person, everything) -> None:
    RelationshipFactory(person=PersonFactory(teams=person.teams.all()), role="Neighbour")
    client.force_login(worker)
    choices = _timeline(client, person).context["form"].fields["member"].choices
    assert choices[0] == ("", "Anyone")
    assert {value for value, _ in choices} == {"", str(everything.daughter.pk), str(everything.practice.pk)}


def test_a_line_shows_its_time_where_the_service_is() -> None:
    """A record made at 23:30 UTC on a summer evening happened at 00:30 the next day in
    London: the line says so, in its text and in its machine-readable datetime."""
    from datetime import UTC, date, datetime

    from chronology.kinds import Entry

    late = Entry(
        kind="interaction",
        label="Conversation",
        when=datetime(2026, 7, 1, 23, 30, tzinfo=UTC),
        title="",
        by="",
    )
    assert late.when_shown == "2 Jul 2026, 00:30" and late.when_iso == "2026-07-02T00:30:00+01:00"
    day_only = Entry(kind="change", label="Change", when=date(2026, 7, 1), title="", by="")
    assert day_only.when_shown == "1 Jul 2026" and day_only.when_iso == "2026-07-01"
