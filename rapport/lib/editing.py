"""The edit page of a versioned record: save, or show the conflict with both versions."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.forms.utils import ErrorDict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from rapport.lib.concurrency import save_or_conflict
from rapport.lib.requests import StaffRequest


def shown_without_errors(*shown: Any) -> None:
    """Not a submission: show what was typed without complaining about what is not yet."""
    for item in shown:
        if isinstance(item, forms.BaseFormSet):
            for form in item.forms:
                form._errors = ErrorDict()
            # Django's own caches of a formset's errors, filled as full_clean() would.
            item._errors = [ErrorDict() for _ in item.forms]  # type: ignore[attr-defined]
            item._non_form_errors = item.error_class()  # type: ignore[attr-defined]
        else:
            item._errors = ErrorDict()


def asks_to_show_again(request: HttpRequest) -> bool:
    """A form sent by a button that asks to see it again, with lists that follow what was
    chosen (a team's staff): shown again with everything typed kept, and nothing saved."""
    return request.method == "POST" and SHOW_AGAIN in request.POST


SHOW_AGAIN = "show_again"


def versioned_edit(
    request: StaffRequest,
    form: forms.ModelForm[Any],
    *,
    save: Callable[[], object],
    template: str,
    context: dict[str, Any],
    done: Callable[[], HttpResponse],
) -> HttpResponse:
    conflict = None
    if asks_to_show_again(request):
        shown_without_errors(form)
    elif request.method == "POST" and form.is_valid():
        conflict = save_or_conflict(form, save)
        if conflict is None:
            messages.success(request, "Changes saved.")
            return done()
    return render(request, template, {**context, "form": form, "conflict": conflict})
