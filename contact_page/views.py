"""A contact's page, composed from circles (who they are, whose circles) and interactions
(recent conversations with them, only about people the viewer may see)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from audit.services import audit_shown
from circles import selectors
from circles.access import open_contact
from interactions.selectors import recent_with_contact
from people.access import people_visible_to
from rapport.lib.requests import StaffRequest


@require_GET
def contact_page(request: StaffRequest, contact_id: int) -> HttpResponse:
    contact = open_contact(request, contact_id, page="page")
    circles = selectors.circles_of_contact(user=request.user, contact=contact)
    audit_shown(
        actor=request.user,
        people=[r.person_id for r in circles],
        summary=f"Shown in the circles of {contact}",
        request=request,
    )
    conversations = recent_with_contact(contact, people_visible_to(request.user))
    return render(
        request,
        "contact_page/page.html",
        {
            "contact": contact,
            "circles": circles,
            "conversations": conversations,
            "limit": selectors.CIRCLES_SHOWN,
        },
    )
