"""Lists of choices that are awkward to draw, shared by the tests of how forms draw them
(rapport/tests/test_select_widget.py, test_form_renderer.py)."""

from django import forms

AWKWARD = [("", "---------"), ("a&b", "Fish & chips"), ('say "hi"', "<b>bold</b>"), (3, "Three")]
GROUPED = [
    ("Near", [("n1", "Next door"), ("n2", "Same street")]),
    ("Far", [("f1", "Abroad")]),
    ("x", "Loose"),
]


class OtherOption(forms.Select):
    option_template_name = "django/forms/widgets/input.html"  # not overridden by the project


class OtherTick(forms.CheckboxSelectMultiple):
    option_template_name = "django/forms/widgets/input.html"  # not the usual option
