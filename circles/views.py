"""Circle, contact and organisation pages: load through the access rule, call a service."""

import re

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_http_methods

from audit.models import AuditEvent
from audit.services import audit_record, audit_shown
from circles import selectors, services
from circles.access import open_contact, relationship_of
from circles.cadence import lapsed_relationships, lapsed_rows
from circles.forms import (
    CircleAddition,
    ContactEditForm,
    EndRelationshipForm,
    OrganisationEditForm,
    OrganisationForm,
    RelationshipEditForm,
    existing_parties,
)
from circles.models import Contact, Organisation, Relationship
from people.access import open_person
from rapport.lib.concurrency import apply_or_explain
from rapport.lib.editing import versioned_edit
from rapport.lib.paging import page_of
from rapport.lib.requests import StaffRequest

GROUPS = {g.value: g for g in Relationship.Group}
# The directory holds every practitioner of the service, so it grows with the service:
# counted up to this many, past which staff search rather than page (rapport.lib.paging).
CONTACTS_COUNTED = 500


def _group(group: str) -> Relationship.Group:
    if group not in GROUPS:
        raise Http404("No such group")
    return GROUPS[group]


@require_http_methods(["GET", "POST"])
def circle_add(request: StaffRequest, person_id: int, group: str) -> HttpResponse:
    kind = _group(group)
    person = open_person(request, person_id, page="add to circle form")
    addition = CircleAddition(request.POST or None, user=request.user, group=kind)
    if request.method == "POST" and addition.is_valid():
        party = addition.existing or addition.new.save(commit=False)
        if isinstance(party, Contact):
            party.kind = kind
        services.relationship_add(
            actor=request.user,
            person=person,
            relationship=addition.relationship.save(commit=False),
            party=party,
            request=request,
        )
        messages.success(
            request,
            format_html("<bdi>{}</bdi> is now in <bdi>{}</bdi>'s circle.", party, person.preferred_name),
        )
        return redirect("person:page", person_id=person.pk)
    return render(
        request,
        "circles/circle_add.html",
        {"person": person, "group": kind, "addition": addition},
    )


@require_GET
def circle_pick(request: StaffRequest, person_id: int, group: str) -> HttpResponse:
    """Search-as-you-type for someone already known (htmx answer)."""
    kind = _group(group)
    open_person(request, person_id, page="circle search")
    query = request.GET.get("q", "").strip()[:80]
    matches: list[Contact | Organisation] = []
    if len(query) >= 2:
        found = existing_parties(request.user, kind)
        if kind == Relationship.Group.PARTNER:
            matches = list(selectors.organisation_search(query=query).filter(pk__in=found.values("pk"))[:10])
        else:
            matches = list(selectors.contact_search(user=request.user, query=query, kind=kind)[:10])
    return render(request, "circles/_pick_results.html", {"matches": matches, "query": query, "group": kind})


@require_http_methods(["GET", "POST"])
def relationship_edit(request: StaffRequest, person_id: int, relationship_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="circle edit form")
    relationship = relationship_of(person, relationship_id)
    form = RelationshipEditForm(request.POST or None, instance=relationship, group=relationship.group)
    return versioned_edit(
        request,
        form,
        save=lambda: services.relationship_update(
            actor=request.user,
            relationship=form.instance,
            changed=form.changed_data,
            expected_version=form.cleaned_data["version"],
            request=request,
        ),
        template="circles/relationship_form.html",
        context={"person": person, "relationship": relationship},
        done=lambda: redirect("person:page", person_id=person.pk),
    )


@require_http_methods(["GET", "POST"])
def relationship_end(request: StaffRequest, person_id: int, relationship_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="circle end form")
    relationship = relationship_of(person, relationship_id)
    form = EndRelationshipForm(request.POST or None, relationship=relationship)
    if (
        request.method == "POST"
        and form.is_valid()
        and apply_or_explain(
            form,
            lambda: services.relationship_end(
                actor=request.user,
                relationship=relationship,
                on=form.cleaned_data["ended_on"],
                reason=form.cleaned_data["reason"],
                expected_version=form.cleaned_data["version"],
                request=request,
            ),
        )
    ):
        messages.success(
            request, format_html("<bdi>{}</bdi> is no longer in the current circle.", relationship.party)
        )
        return redirect("person:page", person_id=person.pk)
    return render(
        request,
        "circles/relationship_end.html",
        {"person": person, "relationship": relationship, "form": form},
    )


@require_GET
def contact_list(request: StaffRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:80]
    kind = request.GET.get("kind", "")
    if kind not in Contact.Kind.values:
        kind = ""
    contacts = selectors.contact_search(user=request.user, query=query, kind=kind)
    sides = selectors.contact_search_sides(user=request.user, query=query, kind=kind)
    page = page_of(contacts, request.GET.get("page"), settings.PAGE_SIZE, most=CONTACTS_COUNTED, sides=sides)
    template = "circles/contact_list.html"
    if request.htmx and request.htmx.target == "results":
        template += "#results"
    return render(
        request, template, {"page": page, "query": query, "kind": kind, "kinds": Contact.Kind.choices}
    )


@require_http_methods(["GET", "POST"])
def contact_edit(request: StaffRequest, contact_id: int) -> HttpResponse:
    contact = open_contact(request, contact_id, page="edit form")
    form = ContactEditForm(request.POST or None, instance=contact, kind=contact.kind)
    return versioned_edit(
        request,
        form,
        save=lambda: _update_entry(request, form),
        template="circles/contact_form.html",
        context={"contact": contact},
        done=lambda: redirect("contact:page", contact_id=contact.pk),
    )


def _update_entry(request: StaffRequest, form: ContactEditForm | OrganisationEditForm) -> object:
    return services.directory_entry_update(
        actor=request.user,
        entry=form.instance,
        changed=form.changed_data,
        expected_version=form.cleaned_data["version"],
        request=request,
    )


@require_GET
def organisation_list(request: StaffRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:80]
    kind = request.GET.get("kind", "")
    if kind not in Organisation.Kind.values:
        kind = ""
    organisations = selectors.organisation_search(query=query, kind=kind)
    page = page_of(organisations, request.GET.get("page"), settings.PAGE_SIZE)
    template = "circles/organisation_list.html"
    if request.htmx and request.htmx.target == "results":
        template += "#results"
    return render(
        request,
        template,
        {"page": page, "query": query, "kind": kind, "kinds": Organisation.Kind.choices},
    )


@require_http_methods(["GET", "POST"])
def organisation_create(request: StaffRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.directory_entry_create(
            actor=request.user, entry=form.save(commit=False), request=request
        )
        messages.success(request, format_html("<bdi>{}</bdi> has been added to the directory.", organisation))
        return redirect("circles:organisation", organisation_id=organisation.pk)
    return render(request, "circles/organisation_form.html", {"form": form})


@require_GET
def organisation_detail(request: StaffRequest, organisation_id: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    audit_record(
        actor=request.user,
        action=AuditEvent.Action.VIEW,
        obj=organisation,
        summary="Viewed organisation page",
        request=request,
    )
    circles = selectors.circles_of_organisation(user=request.user, organisation=organisation)
    audit_shown(
        actor=request.user,
        people=[r.person_id for r in circles],
        summary=f"Shown in the circles of {organisation}",
        request=request,
    )
    return render(
        request,
        "circles/organisation_detail.html",
        {
            "organisation": organisation,
            "contacts": list(organisation.contacts.all()[: selectors.CIRCLES_SHOWN]),
            "lapsed_on": organisation.agreement_lapsed_on(timezone.localdate()),
            "circles": circles,
            "limit": selectors.CIRCLES_SHOWN,
        },
    )


@require_http_methods(["GET", "POST"])
def organisation_edit(request: StaffRequest, organisation_id: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    form = OrganisationEditForm(request.POST or None, instance=organisation)
    return versioned_edit(
        request,
        form,
        save=lambda: _update_entry(request, form),
        template="circles/organisation_form.html",
        context={"organisation": organisation},
        done=lambda: redirect("circles:organisation", organisation_id=organisation.pk),
    )


@require_GET
def keeping_in_touch(request: StaffRequest) -> HttpResponse:
    """Every agreed contact that has lapsed among the people this member of staff may see,
    a page at a time (My day shows the first few)."""
    today = timezone.localdate()
    # The page of ids and their count in one query (paging.OneQueryPaginator), then the rows.
    lapsed = lapsed_relationships(request.user, today).only("pk")
    page = page_of(lapsed, request.GET.get("page"), settings.PAGE_SIZE)
    rows = lapsed_rows([relationship.pk for relationship in page], today)
    audit_shown(
        actor=request.user,
        people=[row.relationship.person_id for row in rows],
        summary="Shown on the keeping-in-touch list",
        request=request,
    )
    return render(request, "circles/keeping_in_touch.html", {"page": page, "rows": rows})


FIELD_NAME = re.compile(r"[a-z][a-z0-9_-]{0,39}")


@require_GET
def organisation_choice(request: StaffRequest) -> HttpResponse:
    """Search-as-you-type for a contact's organisation (htmx answer, circles.widgets): ten at
    most, each a choice of the form's field named in `field`. The directory is open to all
    staff and names no one supported, so nothing is audited here."""
    field = request.GET.get("field", "")
    if not FIELD_NAME.fullmatch(field):
        field = "organisation"
    query = request.GET.get(f"{field}_q", "").strip()[:80]
    found = selectors.organisations_found(query)
    return render(
        request, "circles/_organisation_choice.html", {"found": found, "query": query, "field": field}
    )
