"""Reads of feedback within the access rule."""

from datetime import date

from django.db.models import QuerySet

from accounts.models import User
from feedback.clocks import Clock, clocks_for
from feedback.models import Feedback
from people.access import about_someone_visible_to
from rapport.lib.columns import own, party, staff_name


def with_parties(feedback: QuerySet[Feedback]) -> QuerySet[Feedback]:
    """Feedback in full, naming the person, the handler and who it came from (only the
    columns of their names: whole rows were most of the cost of the lists)."""
    return feedback.select_related(
        "person", "handler", "from_relationship__contact", "from_relationship__organisation"
    ).only(
        *own(Feedback),
        "person__preferred_name",
        *staff_name("handler"),
        *party("from_relationship"),
    )


def open_with_clocks(user: User, *, handled_by: User | None = None) -> QuerySet[Feedback]:
    """Open complaints and concerns of people this user may see, nearest deadline first,
    naming their parties (see open_feedback)."""
    return with_parties(open_feedback(user, handled_by=handled_by))


def open_feedback(user: User, *, handled_by: User | None = None) -> QuerySet[Feedback]:
    """Open complaints and concerns of people this user may see, nearest deadline first:
    the rows alone, to choose a page from before its parties are read (with_parties)."""
    found = Feedback.objects.filter(
        status=Feedback.Status.OPEN,
        kind__in=[Feedback.Kind.COMPLAINT, Feedback.Kind.CONCERN],
    ).filter(
        about_someone_visible_to(user),
    )
    if handled_by is not None:
        found = found.filter(handler=handled_by)
    return found.order_by("respond_by", "received_on", "id")


def with_clocks(feedback: list[Feedback], today: date) -> list[tuple[Feedback, list[Clock]]]:
    return [(item, clocks_for(item, today)) for item in feedback]
