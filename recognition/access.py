"""Colleagues a member of staff may look up: those who share a team (everyone, for administrators)."""

from django.db.models import QuerySet
from django.http import Http404

from accounts.models import Team, User


def colleagues_of(user: User) -> QuerySet[User]:
    if user.is_administrator:
        return User.objects.filter(is_active=True)
    return User.objects.filter(is_active=True, memberships__team__in=Team.objects.of(user)).distinct()


def access_colleague(user: User, colleague_id: int) -> User:
    try:
        return colleagues_of(user).get(pk=colleague_id)
    except User.DoesNotExist:
        raise Http404("No such colleague") from None
