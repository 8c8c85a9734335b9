import re

from django.urls import reverse
from icalendar import Calendar

from rapport.testing.factories import CommitmentFactory, MeetingFactory


def _make_link(client, user) -> str:
    client.force_login(user)
    page = client.post(reverse("reminders:mine"), {"action": "create"}).content.decode()
    return re.search(r'value="http://testserver(/calendar/[^"]+\.ics)"', page).group(1)


def test_the_feed_has_meetings_and_due_dates_and_no_names(client, worker, person, team) -> None:
    meeting = MeetingFactory(team=team, people=[person], kind="review", title="Peggy's review")
    meeting.staff.add(worker)
    CommitmentFactory(person=person, owner=worker, title="Ring Joan about Peggy")
    path = _make_link(client, worker)
    client.logout()
    response = client.get(path)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    summaries = sorted(str(event["summary"]) for event in calendar.walk("VEVENT"))
    assert summaries == ["Care review (Willow House)", "Due: promise"]
    assert b"Peggy" not in response.content and b"Joan" not in response.content


def test_a_wrong_or_revoked_link_is_refused(client, worker) -> None:
    path = _make_link(client, worker)
    assert client.get(path.replace(".ics", "x.ics")).status_code == 404
    client.post(reverse("reminders:mine"), {"action": "revoke"})
    assert client.get(path).status_code == 404


def test_a_new_link_replaces_the_old(client, worker) -> None:
    first = _make_link(client, worker)
    second = _make_link(client, worker)
    assert client.get(first).status_code == 404 and client.get(second).status_code == 200


def test_the_link_is_shown_once_and_only_its_hash_is_stored(client, worker) -> None:
    path = _make_link(client, worker)
    token = path.removeprefix("/calendar/").removesuffix(".ics")
    assert token not in client.get(reverse("reminders:mine")).content.decode()
    assert worker.calendar_feed.token_hash != token and len(worker.calendar_feed.token_hash) == 64


def test_a_stopped_account_has_no_calendar(client, worker) -> None:
    path = _make_link(client, worker)
    worker.is_active = False
    worker.save()
    assert client.get(path).status_code == 404
