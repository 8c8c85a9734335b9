"""Staff and team changes made by administrators."""

from collections.abc import Iterable

from django.db import transaction

from accounts.models import Membership, Team, User


@transaction.atomic
def staff_save(
    *,
    user: User,
    member_of: Iterable[Team],
    leads: Iterable[Team],
    password: str = "",
) -> User:
    """Save a member of staff and make their team memberships exactly what was chosen."""
    if password:
        user.set_password(password)
    user.is_staff = user.role == User.Role.ADMIN
    user.save()
    wanted = {team.pk: False for team in member_of}
    wanted.update({team.pk: True for team in leads})
    for membership in user.memberships.all():
        if membership.team_id not in wanted:
            membership.delete()
        elif membership.leads != wanted[membership.team_id]:
            membership.leads = wanted[membership.team_id]
            membership.save(update_fields=["leads"])
        wanted.pop(membership.team_id, None)
    for team_id, leading in wanted.items():
        Membership.objects.create(user=user, team_id=team_id, leads=leading)
    return user
