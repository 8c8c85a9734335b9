"""A personal calendar (.ics) of meetings and due commitments.

Calendar apps copy what they read to other services, so entries name no person and
carry no details: the kind of thing, when, and a link back into Rapport.
"""

from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from accounts.models import User
from commitments.access import commitments_visible_to
from meetings.access import meetings_visible_to

PAST_DAYS = 30
FUTURE_DAYS = 120


def calendar_for(user: User, today: date | None = None) -> bytes:
    today = today or timezone.localdate()
    site = settings.RAPPORT_SITE_URL
    calendar = Calendar()
    calendar.add("prodid", "-//Rapport//Personal calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Rapport")
    start = timezone.now() - timedelta(days=PAST_DAYS)
    meetings = meetings_visible_to(user).filter(
        staff=user, held_at__gte=start, held_at__lte=timezone.now() + timedelta(days=FUTURE_DAYS)
    )
    for meeting in meetings.select_related("team"):
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@rapport")
        event.add("summary", f"{meeting.get_kind_display()} ({meeting.team.name})")
        event.add("dtstart", meeting.held_at)
        event.add("dtend", meeting.held_at + timedelta(hours=1))
        event.add("dtstamp", meeting.created_at)
        event.add("url", f"{site}/meetings/{meeting.pk}/")
        calendar.add_component(event)
    owed = (
        commitments_visible_to(user)
        .open()
        .filter(owner=user, due_on__lte=today + timedelta(days=FUTURE_DAYS))
    )
    for commitment in owed:
        event = Event()
        event.add("uid", f"commitment-{commitment.pk}@rapport")
        event.add("summary", f"Due: {commitment.get_kind_display().lower()}")
        event.add("dtstart", commitment.due_on)
        event.add("dtend", commitment.due_on + timedelta(days=1))
        event.add("dtstamp", commitment.created_at)
        event.add("url", f"{site}/commitments/{commitment.pk}/close/")
        calendar.add_component(event)
    return calendar.to_ical()
