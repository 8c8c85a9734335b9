"""Who may see a commitment: through its person, or, for one about no one in particular
(a team meeting's action), its owner and the staff of the meeting's team."""

from django.db.models import Q
from django.http import Http404

from accounts.models import Team, User
from commitments.models import Commitment, CommitmentQuerySet
from people.access import about_someone_visible_to


def commitments_visible_to(user: User) -> CommitmentQuerySet:
    if not user.is_authenticated or not user.is_active:
        return Commitment.objects.none()
    if user.is_administrator:
        return Commitment.objects.all()
    my_teams = Team.objects.of(user)
    return Commitment.objects.filter(
        about_someone_visible_to(user)
        | Q(person__isnull=True, owner=user)
        | Q(person__isnull=True, meeting__team__in=my_teams)
    )


def access_commitment(user: User, commitment_id: int) -> Commitment:
    try:
        return commitments_visible_to(user).select_related("person", "owner").get(pk=commitment_id)
    except Commitment.DoesNotExist:
        raise Http404("No such commitment") from None
