"""The edit page of a versioned record: save, or show the conflict with both versions."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import render

from rapport.lib.concurrency import save_or_conflict
from rapport.lib.requests import StaffRequest


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
    if request.method == "POST" and form.is_valid():
        conflict = save_or_conflict(form, save)
        if conflict is None:
            messages.success(request, "Changes saved.")
            return done()
    return render(request, template, {**context, "form": form, "conflict": conflict})
