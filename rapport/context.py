"""Template context shared by every page."""

from django.http import HttpRequest


def section(request: HttpRequest) -> dict[str, str]:
    """Which part of the site a page belongs to, for the main navigation."""
    return {"section": request.path.strip("/").split("/", 1)[0]}
