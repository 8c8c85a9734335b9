"""Finding members of staff: the administrators' staff list, and the staff a form offers."""

from collections.abc import Iterable

from django.db.models import Prefetch, Q, QuerySet

from accounts.models import Membership, Team, User
from rapport.lib.ids import ids_among


def staff_offered(
    user: User, *, choosable: QuerySet[Team], teams: Iterable[object] = (), chosen: Iterable[object] = ()
) -> QuerySet[User]:
    """The staff a form's list offers: members of the user's own teams and of `teams` (the
    meeting's, or those the person is supported by), and anyone already chosen; always among
    the active members of the `choosable` teams, the staff the user may name at all.

    An administrator may name anyone: offering every member of staff of the provider made
    lists of hundreds of options (a meeting's "Staff attending", "Supervisee" and each
    action's "Who" took 200 ms at 20,000 people). The teams the record is about bring their
    own staff instead. For anyone else, their own teams are what they may name, so this
    changes nothing for them. Whoever is already chosen stays offered: a choice never
    vanishes, and checking a choice against this list is checking it against every member
    of staff the user may name."""
    near = Q(memberships__team__in=Team.objects.of(user).values("pk"))
    if team_ids := ids_among(teams):
        near |= Q(memberships__team__in=sorted(team_ids))
    may_name = User.objects.filter(is_active=True, memberships__team__in=choosable).values("pk")
    return (
        User.objects.filter(pk__in=may_name)
        .filter(near | Q(pk__in=sorted(ids_among(chosen))))
        .distinct()
        .order_by("first_name", "last_name", "pk")
    )


def offers_staff_by_team(user: User) -> bool:
    """Whether the teams a form names change whom staff_offered offers this user: only for
    an administrator, who may name staff beyond their own teams."""
    return bool(user.is_administrator)


def staff_search(query: str = "") -> QuerySet[User]:
    """Everyone with a log-in, those still able to sign in first, by name; narrowed by each
    word of `query` to those whose name, username or job title contains it. A provider has
    hundreds of staff: the list is searched and paginated, never shown whole."""
    found = User.objects.all()
    for word in query.split()[:5]:
        found = found.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(username__icontains=word)
            | Q(job_title__icontains=word)
        )
    return found.prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("team").order_by("team__name"))
    ).order_by("-is_active", "first_name", "last_name", "pk")
