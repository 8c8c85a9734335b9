"""Finding members of staff, for the administrators' staff list."""

from django.db.models import Prefetch, Q, QuerySet

from accounts.models import Membership, User


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
