"""Every URL pattern of the project, for the walks that try each page (access, hostile input)."""

from collections.abc import Iterator
from html.parser import HTMLParser

from django.urls import URLPattern, URLResolver, get_resolver


def _walk(patterns: list, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str, set[str]]]:
    for entry in patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            yield from _walk(entry.url_patterns, route, ns)
        elif isinstance(entry, URLPattern):
            converters = set(getattr(entry.pattern, "converters", {}))
            yield (f"{namespace}:{entry.name}" if namespace else entry.name or route), route, converters


def project_patterns() -> list[tuple[str, str, set[str]]]:
    """(name, route, parameter names) of every page but Django's own admin."""
    return [p for p in _walk(get_resolver().url_patterns) if not p[1].startswith("admin/")]


def fill(route: str, values: dict[str, object]) -> str:
    path = "/" + route
    for name, value in values.items():
        for conv in ("int", "str"):
            path = path.replace(f"<{conv}:{name}>", str(value))
    return path


class FormFields(HTMLParser):
    """The names of the fields of a page's forms, by method ('get' or 'post')."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, set[str]] = {"get": set(), "post": set()}
        self._method = "get"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag == "form":
            self._method = (attr.get("method") or "get").lower()
        elif tag in ("input", "select", "textarea") and attr.get("name") not in (None, "csrfmiddlewaretoken"):
            self.fields.setdefault(self._method, set()).add(str(attr["name"]))


def form_fields(html: str) -> dict[str, set[str]]:
    parser = FormFields()
    parser.feed(html)
    return parser.fields
