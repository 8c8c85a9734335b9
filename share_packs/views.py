"""Share packs (a page of their own, reading consent, changes and commitments): choose, see
exactly what will leave, send; then print or fetch as FHIR."""

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_http_methods

from consent.models import SharePack
from people.access import open_person
from people.models import Person
from rapport.lib.requests import StaffRequest
from share_packs.contents import SECTIONS, build_pack
from share_packs.forms import SharePackForm
from share_packs.services import share_pack_send


def _pack_of(person: Person, pack_id: int) -> SharePack:
    try:
        return person.share_packs.select_related("recipient__contact", "recipient__organisation", "by").get(
            pk=pack_id
        )
    except SharePack.DoesNotExist:
        raise Http404("No such share pack") from None


@require_http_methods(["GET", "POST"])
def share_pack_create(request: StaffRequest, person_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="share pack form")
    form = SharePackForm(request.POST or None, person=person)
    preview = None
    if request.method == "POST" and form.is_valid():
        recipient = form.cleaned_data["recipient"].relationship
        if request.POST.get("action") == "send":
            try:
                pack = share_pack_send(
                    actor=request.user,
                    person=person,
                    recipient=recipient,
                    purpose=form.cleaned_data["purpose"],
                    channel=form.cleaned_data["channel"],
                    sections=form.cleaned_data["sections"],
                    request=request,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, format_html("Share pack recorded as sent to <bdi>{}</bdi>.", recipient.party)
                )
                return redirect("share_packs:detail", person_id=person.pk, pack_id=pack.pk)
        preview = build_pack(person, recipient, form.cleaned_data["sections"])
    return render(
        request,
        "share_packs/share_pack_form.html",
        {
            "person": person,
            "form": form,
            "preview": preview,
            "titles": {k: t for k, (t, _) in SECTIONS.items()},
        },
    )


@require_GET
def share_pack_detail(request: StaffRequest, person_id: int, pack_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="share pack")
    pack = _pack_of(person, pack_id)
    return render(
        request,
        "share_packs/share_pack.html",
        {"person": person, "pack": pack, "titles": {k: t for k, (t, _) in SECTIONS.items()}},
    )


@require_GET
def share_pack_fhir(request: StaffRequest, person_id: int, pack_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="share pack FHIR bundle")
    pack = _pack_of(person, pack_id)
    response = HttpResponse(json.dumps(pack.bundle, indent=2), content_type="application/fhir+json")
    response["Content-Disposition"] = f'attachment; filename="share-pack-{pack.pk}.json"'
    return response
