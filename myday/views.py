"""My day: the landing page for every member of staff."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from myday.selectors import my_day
from rapport.lib.requests import StaffRequest


@require_GET
def my_day_page(request: StaffRequest) -> HttpResponse:
    day = my_day(request.user)
    return render(request, "myday/my_day.html", {"day": day, "today": day.today})
