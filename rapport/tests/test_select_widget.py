"""The project's select.html (templates/django/forms/widgets) draws exactly what Django's own
draws, for every kind of list of choices the forms use: plain, grouped, several chosen,
yes/no/unknown, choices from the database, awkward values and attributes, and an option of
another template (which it still includes)."""

from pathlib import Path

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, TemplatesSetting
from django.template import engines

from people.models import Team
from rapport.testing.choices import AWKWARD, GROUPED, OtherOption, OtherTick


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


def drawn_by_including(widget: forms.Widget, value: object, attrs: dict[str, object] | None) -> str:
    """What the project drew before writing the usual option in place: Django's own
    multiple_input.html, including each option through the project's templates."""
    djangos = Path(forms.__file__).parent / "templates/django/forms/widgets/multiple_input.html"
    template = engines["django"].from_string(djangos.read_text())
    return template.render(widget.get_context("pick", value, attrs)).strip()  # as a renderer does


@pytest.mark.parametrize(
    "widget, value",
    [
        (forms.CheckboxSelectMultiple(choices=AWKWARD), ["a&b", "3"]),
        (forms.CheckboxSelectMultiple(choices=GROUPED), ["n1"]),
        (forms.CheckboxSelectMultiple(choices=AWKWARD, attrs={"class": "ticks", "data-x": "<y>"}), []),
        (forms.RadioSelect(choices=AWKWARD), 3),
        (forms.RadioSelect(choices=GROUPED), "f1"),
        (forms.RadioSelect(choices=[]), None),
        (OtherTick(choices=AWKWARD), ["a&b"]),
    ],
)
def test_ticks_and_radio_buttons_are_drawn_as_before(widget: forms.Widget, value: object) -> None:
    for attrs in ({"id": "id_pick", "aria-describedby": "pick_hint"}, None):
        ours = widget.render("pick", value, attrs=attrs, renderer=TemplatesSetting())
        assert ours == drawn_by_including(widget, value, attrs)
    if widget.choices and not isinstance(widget, OtherTick):
        assert '<label for="id_pick_0" dir="auto"><input type=' in ours or "<label dir" in ours


def test_ticks_are_drawn_with_the_projects_own_template() -> None:
    from django.template.loader import get_template

    origin = get_template("django/forms/widgets/multiple_input.html").origin.name
    assert "/templates/django/forms/widgets/multiple_input.html" in origin
