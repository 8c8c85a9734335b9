"""Reads of commitments; callers have applied the access rule to the person."""

from django.db.models import QuerySet

from commitments.models import Commitment
from rapport.lib.columns import party, staff_name
from rapport.lib.lookups import IdList
from rapport.lib.statements import Slot, Statement, by_id

OWED_ON_PERSON_PAGE = 30


def with_parties(commitments: QuerySet[Commitment]) -> QuerySet[Commitment]:
    return commitments.select_related(
        "person",
        "owner",
        "owed_to_staff",
        "owed_to_relationship__contact",
        "owed_to_relationship__organisation",
        "meeting",
    )


def as_lines(commitments: QuerySet[Commitment], *, person_known: bool = False) -> QuerySet[Commitment]:
    """Commitments as `commitments/_commitment.html` shows them: their own fields and only the
    names of the people in them. Whole related rows (the person's record, every column of
    four staff and parties) made each row about 130 columns, and building those cost more
    than anything else on My day and the person page. When the page is about one person
    (`person_known`), the caller sets `.person` itself and the join is left out."""
    related = [
        "owner",
        "owed_to_staff",
        "owed_to_relationship__contact",
        "owed_to_relationship__organisation",
    ]
    fields = [
        "kind",
        "title",
        "person_id",
        "owed_to_person",
        "owed_to_relationship_id",
        "owed_to_staff_id",
        "owner_id",
        "due_on",
        "status",
        "needs_consent_check",
        "meeting_id",
        "meeting__title",
        *party("owed_to_relationship"),
        *staff_name("owner"),
        *staff_name("owed_to_staff"),
    ]
    if not person_known:
        related.append("person")
        fields.append("person__preferred_name")
    return commitments.select_related("meeting", *related).only(*fields)


LINES = Statement(lambda: as_lines(Commitment.objects.filter(pk__one_of=Slot("ids", IdList()))))


def lines_by_id(ids: list[int]) -> dict[int, Commitment]:
    """Commitments as lines (`as_lines`) by id: one statement, however many ids."""
    return by_id(LINES, ids)


OWED = Statement(
    lambda: as_lines(Commitment.objects.open().filter(person_id=Slot("person")), person_known=True).order_by(
        "due_on", "id"
    )[:OWED_ON_PERSON_PAGE]
)
