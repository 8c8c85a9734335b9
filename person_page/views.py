"""The person page and what changed in their record and circle."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from circles.history import person_changes
from people.access import open_person
from person_page.selectors import person_page as shown_on_the_page
from rapport.lib.requests import StaffRequest


@require_GET
def person_page(request: StaffRequest, person_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="profile", related=("key_worker",))
    context = shown_on_the_page(person=person, viewer=request.user, today=timezone.localdate())
    return render(request, "person_page/page.html", context)


@require_GET
def person_history(request: StaffRequest, person_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="history")
    return render(request, "person_page/history.html", {"person": person, "changes": person_changes(person)})
