"""Administrators keep the list of information topics consent is asked about."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_http_methods

from consent.forms_topics import TopicForm
from consent.models import Topic
from consent.services import topic_save
from rapport.lib.requests import StaffRequest
from rapport.lib.roles import administrator_required


@require_GET
@administrator_required
def topic_list(request: StaffRequest) -> HttpResponse:
    return render(request, "consent/topic_list.html", {"topics": Topic.objects.all()})


@require_http_methods(["GET", "POST"])
@administrator_required
def topic_edit(request: StaffRequest, topic_id: int | None = None) -> HttpResponse:
    topic = get_object_or_404(Topic, pk=topic_id) if topic_id else Topic()
    form = TopicForm(request.POST or None, instance=topic)
    if request.method == "POST" and form.is_valid():
        topic_save(
            actor=request.user, topic=form.save(commit=False), changed=form.changed_data, request=request
        )
        messages.success(request, format_html("<bdi>{}</bdi> saved.", form.instance.name))
        return redirect("consent:topics")
    return render(request, "consent/topic_form.html", {"form": form, "topic": topic})
