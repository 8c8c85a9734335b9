"""Lists of choices written out by the form renderer (rapport/lib/form_renderer.py) are
exactly what the project's templates draw: for every kind of list the forms use, for
awkward values, labels and attributes, and for lists generated at random."""

import pytest
from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy
from hypothesis import given
from hypothesis import strategies as st

from chronology.forms import TimelineFilterForm
from people.models import Team
from rapport.lib.form_renderer import Renderer, field_group, select, ticks
from rapport.testing.choices import AWKWARD, GROUPED, OtherOption, OtherTick

SAFE_AND_LAZY = [
    ("s", mark_safe("<em>safe</em>")),
    ("l", gettext_lazy("Lazy & late")),
    (mark_safe("<v>"), "v"),
    ((1, 2), "a tuple"),
]
ATTRS = [
    None,
    {"id": "id_pick", "aria-describedby": "pick_hint"},
    {"required": True, "disabled": False, "data-x": "<y>"},
]


WIDGETS = [
    (forms.Select(choices=AWKWARD), "a&b"),
    (forms.Select(choices=AWKWARD), None),
    (forms.Select(choices=GROUPED), "n2"),
    (forms.Select(choices=SAFE_AND_LAZY), "l"),
    (forms.Select(choices=[(1, 1), (2, 2)]), 2),  # labels that are not text: drawn by the template
    (forms.SelectMultiple(choices=GROUPED), ["n1", "f1"]),
    (forms.NullBooleanSelect(), True),
    (forms.NullBooleanSelect(), None),
    (forms.Select(choices=[]), ""),
    (OtherOption(choices=AWKWARD), "a&b"),
    (forms.CheckboxSelectMultiple(choices=AWKWARD), ["a&b", "3"]),
    (forms.CheckboxSelectMultiple(choices=GROUPED), ["n1"]),
    (forms.CheckboxSelectMultiple(choices=SAFE_AND_LAZY), ["s"]),
    (forms.CheckboxSelectMultiple(choices=AWKWARD, attrs={"class": "ticks", "data-x": "<y>"}), []),
    (forms.RadioSelect(choices=AWKWARD), 3),
    (forms.RadioSelect(choices=GROUPED), "f1"),
    (forms.RadioSelect(choices=[]), None),
    (OtherTick(choices=AWKWARD), ["a&b"]),
]


def both(widget: forms.Widget, value: object, attrs: dict[str, object] | None) -> tuple[str, str]:
    ours = widget.render("pick", value, attrs=attrs, renderer=Renderer())
    templates = widget.render("pick", value, attrs=attrs, renderer=TemplatesSetting())
    return ours, templates


@pytest.mark.parametrize("widget, value", WIDGETS)
@pytest.mark.parametrize("attrs", ATTRS)
def test_each_kind_of_list_is_written_as_the_templates_draw_it(widget, value, attrs) -> None:
    ours, templates = both(widget, value, attrs)
    assert ours == templates


def test_the_usual_lists_are_written_here_not_by_the_templates() -> None:
    """Otherwise the test above would compare the templates with themselves."""
    assert select(forms.Select(choices=AWKWARD).get_context("pick", "a&b", None)["widget"]) is not None
    assert ticks(forms.RadioSelect(choices=GROUPED).get_context("pick", "f1", None)["widget"]) is not None
    assert select(OtherOption(choices=AWKWARD).get_context("pick", "", None)["widget"]) is None
    assert select(forms.Select(choices=[(1, 1)]).get_context("pick", 1, None)["widget"]) is None


def test_the_settings_name_this_renderer() -> None:
    assert isinstance(forms.Form().renderer, Renderer)


@pytest.mark.django_db
def test_choices_from_the_database_are_written_as_the_templates_draw_them() -> None:
    chosen = Team.objects.create(name="Willow & Ash")
    Team.objects.create(name='The "Quiet" Room')
    field = forms.ModelChoiceField(queryset=Team.objects.order_by("name"), empty_label="All my teams")
    ours, templates = both(field.widget, chosen.pk, ATTRS[1])
    assert ours == templates and "Willow &amp; Ash" in ours


def test_a_whole_field_is_drawn_as_before() -> None:
    """The timeline's filter, as the page draws it: label, help, ticks and a select."""
    data = {"kind": ["conversation", "nonsense"]}
    ours = TimelineFilterForm(data, circle=[])
    templates = TimelineFilterForm(data, circle=[], renderer=TemplatesSetting())
    assert isinstance(ours[name := "kind"].renderer, Renderer)
    assert isinstance(templates[name].renderer, TemplatesSetting) and templates.errors
    for name in ("kind", "member"):
        assert ours[name].as_field_group() == templates[name].as_field_group()


TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=12)
CHOICE = st.tuples(st.one_of(TEXT, st.integers(0, 99)), TEXT)
CHOICES = st.lists(st.one_of(CHOICE, st.tuples(TEXT, st.lists(CHOICE, max_size=3))), max_size=5)


@given(
    kind=st.sampled_from(
        [forms.Select, forms.SelectMultiple, forms.CheckboxSelectMultiple, forms.RadioSelect]
    ),
    choices=CHOICES,
    chosen=st.lists(TEXT, max_size=2),
    attrs=st.dictionaries(
        st.sampled_from(["id", "class", "data-x", "required"]), st.one_of(TEXT, st.booleans())
    ),
)
def test_generated_lists_are_written_as_the_templates_draw_them(kind, choices, chosen, attrs) -> None:
    widget = kind(choices=choices)
    value = chosen if widget.allow_multiple_selected else (chosen[0] if chosen else None)
    ours, templates = both(widget, value, attrs)
    assert ours == templates


class EveryKindOfField(forms.Form):
    name = forms.CharField(label="Name & title", help_text="As they like to be called.")
    note = forms.CharField(label=gettext_lazy("Note"), required=False, widget=forms.Textarea)
    agreed = forms.BooleanField(label="They agreed", help_text="Tick when <they> say so.", required=False)
    must = forms.BooleanField(label="Required tick")
    hidden = forms.CharField(widget=forms.HiddenInput, required=False)
    kinds = forms.MultipleChoiceField(
        label="Kinds", choices=AWKWARD[1:], widget=forms.CheckboxSelectMultiple, help_text="Any."
    )
    way = forms.ChoiceField(label="Way", choices=AWKWARD, widget=forms.RadioSelect, required=False)
    team = forms.ChoiceField(label="Team", choices=GROUPED)
    when = forms.DateField(label="When", required=False)
    labelled = forms.CharField(label=mark_safe("<abbr>NHS</abbr> number"), required=False)


@pytest.mark.parametrize(
    "data, auto_id",
    [
        (None, "id_%s"),
        ({}, "id_%s"),
        (
            {"name": "Ann", "kinds": ["nonsense"], "way": "?", "team": "n1", "when": "soon", "must": "on"},
            "id_%s",
        ),
        ({"name": "Ann"}, False),
        ({"name": "x" * 3, "agreed": "on", "kinds": ["a&b"], "team": "x"}, "f-%s"),
    ],
)
def test_each_kind_of_field_is_drawn_as_the_template_draws_it(data, auto_id) -> None:
    """Label, help, errors and widget, with and without ids, with and without errors."""
    ours = EveryKindOfField(data, auto_id=auto_id)
    templates = EveryKindOfField(data, auto_id=auto_id, renderer=TemplatesSetting())
    for name in EveryKindOfField.base_fields:
        assert field_group(ours[name]) is not None  # written here, not by the template
        assert ours[name].as_field_group() == templates[name].as_field_group(), name
