"""The services directory, and signposting from a person's page."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_http_methods

from audit.services import audited_update
from people.access import open_person
from rapport.lib.editing import versioned_edit
from rapport.lib.paging import page_of
from rapport.lib.requests import StaffRequest
from rapport.lib.search_text import matching_words
from signposting.forms import ServiceEditForm, ServiceForm, SignpostingForm
from signposting.models import Service
from signposting.services import service_add, signpost


@require_GET
def service_list(request: StaffRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:80]
    topic = request.GET.get("topic", "")
    services = Service.objects.filter(is_active=True)
    if topic in Service.Topic.values:
        services = services.filter(topic=topic)
    for word in matching_words(query):
        services = services.filter(search_text__contains=word)
    page = page_of(services, request.GET.get("page"), settings.PAGE_SIZE)
    template = "signposting/service_list.html"
    if request.htmx and request.htmx.target == "results":
        template += "#results"
    return render(
        request, template, {"page": page, "query": query, "topic": topic, "topics": Service.Topic.choices}
    )


@require_http_methods(["GET", "POST"])
def service_create(request: StaffRequest) -> HttpResponse:
    form = ServiceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        service = service_add(actor=request.user, service=form.save(commit=False), request=request)
        messages.success(request, format_html("<bdi>{}</bdi> is in the directory.", service))
        return redirect("signposting:service", service_id=service.pk)
    return render(request, "signposting/service_form.html", {"form": form})


@require_GET
def service_detail(request: StaffRequest, service_id: int) -> HttpResponse:
    service = get_object_or_404(Service, pk=service_id)
    return render(request, "signposting/service_detail.html", {"service": service})


@require_http_methods(["GET", "POST"])
def service_edit(request: StaffRequest, service_id: int) -> HttpResponse:
    service = get_object_or_404(Service, pk=service_id)
    form = ServiceEditForm(request.POST or None, instance=service)
    return versioned_edit(
        request,
        form,
        save=lambda: audited_update(
            actor=request.user,
            record=form.instance,
            changed=form.changed_data,
            expected_version=form.cleaned_data["version"],
            summary=f"Changed {service} in the services directory",
            request=request,
        ),
        template="signposting/service_form.html",
        context={"service": service},
        done=lambda: redirect("signposting:service", service_id=service.pk),
    )


@require_http_methods(["GET", "POST"])
def signposting_create(request: StaffRequest, person_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="signposting form")
    form = SignpostingForm(request.POST or None, person=person)
    if request.method == "POST" and form.is_valid():
        signposting = form.save(commit=False)
        signposting.person = person
        signposting.relationship = form.cleaned_data["to"].relationship
        follow_up = form.cleaned_data["follow_up_on"] if form.cleaned_data["follow_up"] else None
        signpost(actor=request.user, signposting=signposting, follow_up_on=follow_up, request=request)
        messages.success(
            request,
            format_html(
                "Signposted <bdi>{}</bdi> to <bdi>{}</bdi>.", signposting.to_whom, signposting.service
            ),
        )
        return redirect("person:page", person_id=person.pk)
    return render(request, "signposting/signposting_form.html", {"person": person, "form": form})
