"""Template context shared by every page."""

from urllib.parse import quote

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def section(request: HttpRequest) -> dict[str, object]:
    """Which part of the site a page belongs to, for the main navigation, and the page's own
    address ready for a `?next=` link back to it. Lists put that link on every row; worked
    out once per page (and only when a page uses it), not once or twice per row."""
    return {
        "section": request.path.strip("/").split("/", 1)[0],
        "back_here": SimpleLazyObject(lambda: quote(request.get_full_path(), safe="/")),
    }
