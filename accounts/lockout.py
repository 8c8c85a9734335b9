"""Slowing password spraying: a few guesses at many accounts from one address.

django-axes locks one username from one address after AXES_FAILURE_LIMIT failures. A
sprayer stays under that for every account, so failures are also counted per address
across all usernames, in the database (shared by every app process), over the same
cool-off window.
"""

from datetime import timedelta

from axes.models import AccessFailureLog
from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from rapport.lib.client_address import client_ip


def cooloff() -> timedelta:
    return timedelta(hours=float(settings.AXES_COOLOFF_TIME))


def address_is_throttled(request: HttpRequest) -> bool:
    """Too many failed log-ins from this address, whichever accounts they named."""
    address = client_ip(request)
    if address is None:
        return False
    since = timezone.now() - cooloff()
    failures = AccessFailureLog.objects.filter(ip_address=address, attempt_time__gte=since).count()
    return failures >= settings.RAPPORT_ADDRESS_FAILURE_LIMIT
