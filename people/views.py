"""People pages. Thin: load through the access rule, validate a form, call a service."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_http_methods

from audit.services import audit_shown
from people import selectors, services
from people.access import leads_any_team_of, open_person
from people.forms import DischargeForm, PersonEditForm, PersonForm, PersonSearchForm, ReadmitForm
from rapport.lib.concurrency import apply_or_explain
from rapport.lib.editing import asks_to_show_again, shown_without_errors, versioned_edit
from rapport.lib.paging import page_of
from rapport.lib.requests import StaffRequest
from rapport.lib.roles import administrator_required


@require_GET
def person_list(request: StaffRequest) -> HttpResponse:
    form = PersonSearchForm(request.GET or None, user=request.user)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    query = data.get("q") or ""
    page = selectors.people_page(
        user=request.user,
        query=query,
        status=data.get("status") or "active",
        team=data.get("team"),
        number=request.GET.get("page"),
        size=settings.PAGE_SIZE,
    )
    audit_shown(
        actor=request.user,
        people=list(page),
        summary=f"Shown in a search for “{query}”" if query else "Shown on the people list",
        request=request,
    )
    template = "people/person_list.html"
    if request.htmx and request.htmx.target == "results":
        template += "#results"
    return render(request, template, {"form": form, "page": page, "query": data.get("q") or ""})


@require_http_methods(["GET", "POST"])
def person_create(request: StaffRequest) -> HttpResponse:
    form = PersonForm(request.POST or None, user=request.user)
    if asks_to_show_again(request):
        shown_without_errors(form)
    elif request.method == "POST" and form.is_valid():
        person = services.person_create(
            actor=request.user,
            person=form.save(commit=False),
            teams=form.cleaned_data["teams"],
            request=request,
        )
        messages.success(request, format_html("<bdi>{}</bdi> has been added.", person.preferred_name))
        return redirect("person:page", person_id=person.pk)
    return render(request, "people/person_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def person_edit(request: StaffRequest, person_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="edit form")
    form = PersonEditForm(request.POST or None, instance=person, user=request.user)
    return versioned_edit(
        request,
        form,
        save=lambda: services.person_update(
            actor=request.user,
            person=form.instance,
            changed=form.changed_data,
            expected_version=form.cleaned_data["version"],
            teams=form.cleaned_data["teams"],
            reason=form.cleaned_data["change_reason"],
            request=request,
        ),
        template="people/person_form.html",
        context={"person": person},
        done=lambda: redirect("person:page", person_id=person.pk),
    )


@require_http_methods(["GET", "POST"])
def person_discharge(request: StaffRequest, person_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="discharge form")
    form = DischargeForm(request.POST or None, person=person)
    if not person.is_active:
        messages.info(request, format_html("<bdi>{}</bdi> is already discharged.", person.preferred_name))
        return redirect("person:page", person_id=person.pk)
    if (
        request.method == "POST"
        and form.is_valid()
        and apply_or_explain(
            form,
            lambda: services.person_discharge(
                actor=request.user,
                person=person,
                on=form.cleaned_data["discharged_on"],
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
                request=request,
            ),
        )
    ):
        messages.success(request, format_html("<bdi>{}</bdi> has been discharged.", person.preferred_name))
        return redirect("person:page", person_id=person.pk)
    return render(request, "people/person_discharge.html", {"form": form, "person": person})


@require_http_methods(["GET", "POST"])
def person_readmit(request: StaffRequest, person_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="re-admit form")
    if person.is_active:
        messages.info(
            request, format_html("<bdi>{}</bdi> is already receiving support.", person.preferred_name)
        )
        return redirect("person:page", person_id=person.pk)
    form = ReadmitForm(request.POST or None, person=person)
    if (
        request.method == "POST"
        and form.is_valid()
        and apply_or_explain(
            form,
            lambda: services.person_readmit(
                actor=request.user,
                person=person,
                on=form.cleaned_data["admitted_on"],
                expected_version=form.cleaned_data["version"],
                request=request,
            ),
        )
    ):
        messages.success(
            request, format_html("<bdi>{}</bdi> is receiving support again.", person.preferred_name)
        )
        return redirect("person:page", person_id=person.pk)
    return render(request, "people/person_readmit.html", {"form": form, "person": person})


@require_GET
def person_audit(request: StaffRequest, person_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="access log")
    if not leads_any_team_of(request.user, person):
        raise PermissionDenied("Only team leaders of this person's teams can see who has looked.")
    events = page_of(
        person.audit_events.select_related("actor").order_by("-at", "-id"), request.GET.get("page"), 50
    )
    return render(request, "people/person_audit.html", {"person": person, "events": events})


@require_GET
@administrator_required
def person_duplicates(request: StaffRequest) -> HttpResponse:
    """Records sharing an NHS number, found without telling any worker (administrators only)."""
    people = list(selectors.possible_duplicates())
    audit_shown(actor=request.user, people=people, summary="Shown among possible duplicates", request=request)
    return render(request, "people/person_duplicates.html", {"people": people})
