"""My reminders: the private calendar link; and the feed itself, reached by its secret."""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from rapport.lib.requests import StaffRequest
from reminders.calendar import calendar_for
from reminders.models import CalendarFeed


@require_http_methods(["GET", "POST"])
def my_reminders(request: StaffRequest) -> HttpResponse:
    feed = CalendarFeed.objects.filter(user=request.user).first()
    new_link = None
    if request.method == "POST":
        action = request.POST.get("action")
        with transaction.atomic():
            CalendarFeed.objects.filter(user=request.user).delete()
            if action == "create":
                token = CalendarFeed.new_token()
                feed = CalendarFeed.objects.create(user=request.user, token_hash=CalendarFeed.hash(token))
                new_link = request.build_absolute_uri(f"/calendar/{token}.ics")
            elif action == "revoke":
                feed = None
                messages.success(request, "Your calendar link no longer works.")
                return redirect("reminders:mine")
            else:
                messages.error(request, "Choose to create or stop the calendar link.")
                return redirect("reminders:mine")
    return render(
        request,
        "reminders/my_reminders.html",
        {"feed": feed, "new_link": new_link, "email": request.user.email},
    )


@login_not_required
@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    feed = CalendarFeed.objects.select_related("user").filter(token_hash=CalendarFeed.hash(token)).first()
    if feed is None or not feed.user.is_active:
        raise Http404("No such calendar")
    CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=timezone.now())
    response = HttpResponse(calendar_for(feed.user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="rapport.ics"'
    response["Cache-Control"] = "private, no-store"
    return response
