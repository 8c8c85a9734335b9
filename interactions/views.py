"""Logging a conversation (the person's timeline, in `chronology`, shows them with the rest)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.html import format_html
from django.views.decorators.http import require_http_methods

from consent.sharing import ShareRefused, warn_if_agreement_lapsed
from interactions.forms import InteractionForm
from interactions.services import interaction_log
from people.access import open_person
from rapport.lib.requests import StaffRequest


@require_http_methods(["GET", "POST"])
def interaction_create(request: StaffRequest, person_id: int) -> HttpResponse:
    person = open_person(request, person_id, page="log a conversation form")
    form = InteractionForm(request.POST or None, person=person, initial=_preset(request))
    if request.method == "POST" and form.is_valid():
        interaction = form.save(commit=False)
        interaction.person = person
        try:
            interaction_log(
                actor=request.user,
                interaction=interaction,
                counterpart=form.counterpart,
                promise=form.cleaned_data["promise"],
                promise_due=form.cleaned_data["promise_due"],
                shared=form.cleaned_data["shared_topics"],
                override=form.safety_override,
                request=request,
            )
        except ShareRefused as refused:
            interaction.pk = None  # rolled back: the form shows again with everything typed
            form.explain_refusal(refused)
        else:
            messages.success(
                request, format_html("Conversation with <bdi>{}</bdi> logged.", interaction.counterpart)
            )
            warn_if_agreement_lapsed(request, interaction.disclosures.all())
            return redirect("person:page", person_id=person.pk)
    return render(request, "interactions/interaction_form.html", {"person": person, "form": form})


def _preset(request: StaffRequest) -> dict[str, str]:
    """Links such as 'Log a call with Joan' preselect who it was with."""
    with_whom = request.GET.get("with", "")
    return {"with_whom": with_whom} if with_whom else {}
