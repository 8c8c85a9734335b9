"""The columns a page needs to name someone, for `QuerySet.only()`.

Following a foreign key with `select_related` fetches and builds every column of the row:
a commitment line with its person, owner and party came to about 130 columns, and building
them cost more than anything else on the busiest pages. A line names people; these are the
columns their names are made of (`User.display_name`, `Contact.full_name`,
`Relationship.party` and `role`).
"""

from django.db.models import Model

STAFF_NAME = ("first_name", "last_name", "username")
CONTACT_NAME = ("title", "given_name", "family_name")


def staff_name(path: str) -> list[str]:
    """A member of staff reached through `path`."""
    return [f"{path}__{name}" for name in STAFF_NAME]


def party(path: str = "") -> list[str]:
    """Someone in a person's circle reached through `path` (a relationship), or of the
    relationship itself when there is no path: a contact or an organisation, and the role
    they have."""
    at = f"{path}__" if path else ""
    return [
        f"{at}role",
        f"{at}contact_id",
        f"{at}organisation_id",
        f"{at}organisation__name",
        *(f"{at}contact__{name}" for name in CONTACT_NAME),
    ]


def own(model: type[Model]) -> list[str]:
    """Every column of the model itself, for a row whose own fields a page reads in full
    while it only names the people it links to."""
    return [field.attname for field in model._meta.concrete_fields]
