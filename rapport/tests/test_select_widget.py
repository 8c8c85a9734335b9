"""The project's select.html (templates/django/forms/widgets) draws exactly what Django's own
draws, for every kind of list of choices the forms use: plain, grouped, several chosen,
yes/no/unknown, choices from the database, awkward values and attributes, and an option of
another template (which it still includes)."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, TemplatesSetting

from people.models import Team

AWKWARD = [("", "---------"), ("a&b", "Fish & chips"), ('say "hi"', "<b>bold</b>"), (3, "Three")]
GROUPED = [
    ("Near", [("n1", "Next door"), ("n2", "Same street")]),
    ("Far", [("f1", "Abroad")]),
    ("x", "Loose"),
]


class OtherOption(forms.Select):
    option_template_name = "django/forms/widgets/input.html"  # not overridden by the project


def drawn(widget: forms.Widget, value: object, attrs: dict[str, object] | None = None) -> tuple[str, str]:
    ours = widget.render("pick", value, attrs=attrs, renderer=TemplatesSetting())
    djangos = widget.render("pick", value, attrs=attrs, renderer=DjangoTemplates())
    return ours, djangos


@pytest.mark.parametrize(
    "widget, value",
    [
        (forms.Select(choices=AWKWARD), "a&b"),
        (forms.Select(choices=AWKWARD), None),
        (forms.Select(choices=AWKWARD, attrs={"required": True, "disabled": False, "data-x": "<y>"}), 3),
        (forms.Select(choices=GROUPED), "n2"),
        (forms.SelectMultiple(choices=GROUPED), ["n1", "f1"]),
        (forms.NullBooleanSelect(), True),
        (forms.Select(choices=[]), ""),
        (OtherOption(choices=AWKWARD), "a&b"),
    ],
)
def test_the_list_of_choices_is_drawn_as_django_draws_it(widget: forms.Widget, value: object) -> None:
    ours, djangos = drawn(widget, value, attrs={"id": "id_pick", "aria-describedby": "pick_hint"})
    assert ours == djangos
    assert "<select" in ours


def test_the_project_draws_with_its_own_template() -> None:
    from django.template.loader import get_template

    origin = get_template("django/forms/widgets/select.html").origin.name
    assert "/templates/django/forms/widgets/select.html" in origin
    assert "site-packages" not in origin


@pytest.mark.django_db
def test_choices_from_the_database_are_drawn_as_django_draws_them() -> None:
    chosen = Team.objects.create(name="Willow & Ash")
    Team.objects.create(name='The "Quiet" Room')
    field = forms.ModelChoiceField(queryset=Team.objects.order_by("name"), empty_label="All my teams")
    ours, djangos = drawn(field.widget, chosen.pk)
    assert ours == djangos
    assert "Willow &amp; Ash" in ours
