"""The administrators' check of the audit trail."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from audit.chain import verify
from rapport.lib.requests import StaffRequest
from rapport.lib.roles import administrator_required


@require_GET
@administrator_required
def chain_check(request: StaffRequest) -> HttpResponse:
    return render(request, "audit/chain_check.html", {"report": verify()})
