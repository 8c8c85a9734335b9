"""A column reference's direct identity is exactly Django's own, so equality, hashing and
the queries built from them do not change (rapport/lib/column_identity.py)."""

from django.apps import apps
from django.db.models import CharField, IntegerField
from django.db.models.expressions import Col, Expression

from people.models import Person
from rapport.lib.column_identity import fast_identity

djangos_identity = Expression.__dict__["identity"].func


def every_column() -> list[Col]:
    columns = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            columns += [
                field.get_col(model._meta.db_table),
                field.get_col("T3"),
                Col(model._meta.db_table, field),
                Col("T2", field, CharField()),
                Col(alias="U0", target=field, output_field=IntegerField()),
                Col(None, field),
            ]
    return columns


def test_the_same_identity_as_django_for_every_column_of_every_model() -> None:
    columns = every_column()
    assert len(columns) > 500
    for column in columns:
        assert fast_identity(column) == djangos_identity(column), column
        assert column.identity == djangos_identity(column), column


def test_equal_columns_hash_alike_and_different_ones_differ() -> None:
    name = Person._meta.get_field("legal_family_name")
    given = Person._meta.get_field("legal_given_names")
    one, again = Col("people_person", name), Col("people_person", name)
    assert one == again and hash(one) == hash(again) and len({one, again}) == 1
    assert one != Col("T2", name) and one != Col("people_person", given)
    assert one != Col("people_person", name, CharField())  # as Django: the output field given counts


def test_a_subclass_keeps_djangos_general_identity() -> None:
    class Shown(Col):
        pass

    field = Person._meta.get_field("legal_family_name")
    column = Shown("people_person", field)
    assert column.identity == djangos_identity(column) and column.identity[0] is Shown


def test_queries_are_written_exactly_as_with_djangos_identity() -> None:
    """Ordered, joined, annotated and combined queries compile to the same SQL either way."""
    from django.db.models import Count, F

    from interactions.models import Interaction

    def queries() -> list[str]:
        people = Person.objects.select_related("key_worker").order_by("legal_family_name", "-pk")
        talks = Interaction.objects.select_related("staff", "relationship__contact").order_by("-occurred_at")
        counted = Person.objects.annotate(n=Count("interactions"))
        counted = counted.order_by("-n", F("legal_family_name").asc())
        both = people.order_by().values_list("pk").union(talks.order_by().values_list("person_id"), all=True)
        both = both.order_by("-pk")
        emails = talks.values("staff__email")
        return [str(q.query) for q in (people, talks, counted, both, people[:5], emails)]

    fast = queries()
    patched = Col.__dict__["identity"]
    del Col.identity  # type: ignore[attr-defined]
    try:
        assert "identity" not in Col.__dict__
        general = queries()
    finally:
        Col.identity = patched  # type: ignore[attr-defined]
    assert fast == general
