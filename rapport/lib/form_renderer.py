"""The form renderer: the project's templates (settings.FORM_RENDERER), with lists of
choices and the field around them written out directly.

A list of choices (a select, ticks, radio buttons) is one template node after another per
option: the timeline's filter of eleven kinds of record took about 3 ms to draw, a tenth of
the page, for a panel that is closed when the page opens, and the people list's two
selects took 1.5 ms. Written here, each option is a few string joins. The field around
a widget (its label, help and errors) cost about 0.7 ms more, on every field of every form.

What is written here is exactly what the project's templates draw
(templates/django/forms/field.html, widgets/select.html and multiple_input.html), byte for byte;
rapport/tests/test_form_renderer.py compares the two for every kind of list the forms use
and for generated ones. Anything these functions do not know (an option drawn by another
template, a label or group that is not text) is drawn by the templates, as before. Change
a template and the test shows what to change here.
"""

from collections.abc import Callable
from typing import Any

from django.forms.renderers import TemplatesSetting
from django.utils.functional import Promise
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

SELECT_OPTION = "django/forms/widgets/select_option.html"
TICK_OPTIONS = ("django/forms/widgets/checkbox_option.html", "django/forms/widgets/radio_option.html")


def _text(value: Any) -> str:
    """`{{ value }}` for text: escaped unless already safe."""
    return conditional_escape(value)


def _as_s(value: Any) -> str:
    """`{{ value|stringformat:'s' }}`: the value as %s, escaped unless it was safe."""
    written = str(value)  # what "%s" % value writes, a tuple included
    return written if isinstance(value, SafeData) else conditional_escape(written)


def _attrs(attrs: dict[str, Any]) -> str:
    """django/forms/widgets/attrs.html: a name alone for True, nothing for False."""
    out = []
    for name, value in attrs.items():
        if value is False:
            continue
        out.append(f" {_text(name)}" if value is True else f' {_text(name)}="{_as_s(value)}"')
    return "".join(out)


def _is_text(value: Any) -> bool:
    return isinstance(value, str | Promise)


def select(widget: dict[str, Any]) -> str | None:
    parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            if not _is_text(group_name):
                return None
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in group_choices:
            if option["template_name"] != SELECT_OPTION or not _is_text(option["label"]):
                return None
            parts.append(
                f'\n  <option value="{_as_s(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_text(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts).strip()


def ticks(widget: dict[str, Any]) -> str | None:
    """Ticks and radio buttons (multiple_input.html)."""
    attrs = widget["attrs"]
    head = "<div"
    if attrs.get("id"):
        head += f' id="{_text(attrs["id"])}"'
    if attrs.get("class"):
        head += f' class="{_text(attrs["class"])}"'
    parts = [head + ">"]
    for group, options, _index in widget["optgroups"]:
        if group:
            if not _is_text(group):
                return None
            parts.append(f"\n  <div><label>{_text(group)}</label>")
        for option in options:
            if option["template_name"] not in TICK_OPTIONS or not _is_text(option["label"]):
                return None
            parts.append(_tick(option))
        if group:
            parts.append("\n  </div>")
    parts.append("\n</div>")
    return "".join(parts).strip()


def _tick(option: dict[str, Any]) -> str:
    option_attrs = option["attrs"]
    label_open = label_close = ""
    if option["wrap_label"]:
        target = f' for="{_text(option_attrs["id"])}"' if option_attrs.get("id") else ""
        label_open = f'<label{target} dir="auto">'
        label_close = f" {_text(option['label'])}</label>"
    value = "" if option["value"] is None else f' value="{_as_s(option["value"])}"'
    tick = (
        f'<input type="{_text(option["type"])}" name="{_text(option["name"])}"{value}{_attrs(option_attrs)}>'
    )
    return f"<div>\n    \n{label_open}{tick}\n{label_close}\n\n</div>"


def field_group(field: Any) -> str | None:
    """A field with its label, help and errors (templates/django/forms/field.html)."""
    label = field.label
    if not _is_text(label):
        return None
    kind = field.widget_type
    errors = field.errors
    required = ' <span class="req">(required)</span>' if field.field.required else ""
    helped = ""
    if field.help_text:
        helped = f'<div class="helptext" id="{_text(field.auto_id)}_helptext">{_text(field.help_text)}</div>'
    errors_shown = _text(errors) if errors else ""  # an empty list draws nothing
    classes = (" has-error" if errors else "") + (" field-check" if kind == "checkbox" else "")
    if field.use_fieldset:
        described = field.aria_describedby
        described = f' aria-describedby="{_text(described)}"' if described else ""
        inner = (
            f"\n  <fieldset{described}>\n  <legend>{_text(label)}{required}</legend>\n  {helped}"
            f"\n  {errors_shown}\n  {_text(field)}\n  </fieldset>\n"
        )
    elif kind == "checkbox":
        inner = (
            f'\n  {_text(field)} <label for="{_text(field.id_for_label)}">{_text(label)}</label>'
            f"\n  {helped}\n  {errors_shown}\n"
        )
    elif kind == "hidden":
        inner = f"{_text(field)}\n"
    else:
        inner = (
            f'\n  <label for="{_text(field.id_for_label)}">{_text(label)}{required}</label>'
            f"\n  {helped}\n  {errors_shown}\n  {_text(field)}\n"
        )
    return f'<div class="field{classes}">\n{inner}\n</div>'.strip()


_WRITTEN_HERE: dict[str, tuple[str, Callable[[Any], str | None]]] = {
    "django/forms/widgets/select.html": ("widget", select),
    "django/forms/widgets/checkbox_select.html": ("widget", ticks),
    "django/forms/widgets/radio.html": ("widget", ticks),
    "django/forms/field.html": ("field", field_group),
}


class Renderer(TemplatesSetting):
    """The project's templates, with lists of choices written out directly."""

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        known = _WRITTEN_HERE.get(template_name)
        if known is not None and known[0] in context:
            written = known[1](context[known[0]])
            if written is not None:
                return mark_safe(written)  # every value in it was escaped above
        return super().render(template_name, context, request)
