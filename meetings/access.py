"""Who may see a meeting: the staff of its team, and only if they may see every person it
discussed (its notes and decisions are about them all). Supervision records are private to
the supervisee, those who attended, the team's leaders and administrators."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from accounts.models import Team, User
from meetings.models import Meeting
from people.access import about_someone_visible_to


def meetings_visible_to(user: User) -> QuerySet[Meeting]:
    if not user.is_authenticated or not user.is_active:
        return Meeting.objects.none()
    if user.is_administrator:
        return Meeting.objects.all()
    my_teams = Team.objects.of(user)
    led = Team.objects.led_by(user)
    private = Q(kind=Meeting.Kind.SUPERVISION) & ~(
        Q(supervisee=user)
        | Q(recorded_by=user)
        | Q(team__in=led)
        | Q(pk__in=Meeting.staff.through.objects.filter(user=user).values("meeting"))
    )
    someone_hidden = Meeting.people.through.objects.filter(meeting_id=OuterRef("pk")).exclude(
        about_someone_visible_to(user, "person_id")
    )
    return Meeting.objects.filter(team__in=my_teams).exclude(private).exclude(Exists(someone_hidden))


def access_meeting(user: User, meeting_id: int) -> Meeting:
    try:
        return (
            meetings_visible_to(user).select_related("team", "recorded_by", "supervisee").get(pk=meeting_id)
        )
    except Meeting.DoesNotExist:
        raise Http404("No such meeting") from None


def meetings_correctable_by(user: User) -> QuerySet[Meeting]:
    """Who may correct a record or add a late action: among those who may read it, the one
    who recorded it and the leaders of its team. A record is the recorder's account of the
    meeting, and its leaders answer for the team's records; letting every attendee rewrite
    it would make "who said this was what happened" unclear. Administrators manage accounts,
    not care records, so they read but do not correct."""
    mine = Q(recorded_by=user) | Q(team__in=Team.objects.led_by(user))
    return meetings_visible_to(user).filter(mine)


def may_correct(user: User, meeting: Meeting) -> bool:
    """For a meeting already loaded through access_meeting: one query."""
    return meetings_correctable_by(user).filter(pk=meeting.pk).exists()
