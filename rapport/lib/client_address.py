"""The address a request came from, read the same way for the audit trail and lock-out."""

import ipaddress
from typing import Any

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest, *args: Any) -> str | None:
    """The caller's address. Behind RAPPORT_PROXY_COUNT trusted proxies it is that many
    entries from the right of X-Forwarded-For; anything further left could be forged.

    django-axes calls this too (AXES_CLIENT_IP_CALLABLE), so a lock-out is keyed on the
    same client address the audit trail records, never on the proxy's own address."""
    remote = request.META.get("REMOTE_ADDR") or None
    proxies = settings.RAPPORT_PROXY_COUNT
    if not proxies:
        return remote
    chain = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(chain) < proxies:
        return remote
    try:
        return str(ipaddress.ip_address(chain[-proxies]))
    except ValueError:
        return remote
