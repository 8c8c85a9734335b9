"""The request type every page receives."""

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from accounts.models import User


class StaffRequest(HttpRequest):
    """LoginRequiredMiddleware guards every page but log-in, so the user is always staff."""

    user: User
    htmx: HtmxDetails
