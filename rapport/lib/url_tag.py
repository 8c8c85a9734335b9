"""`{% url %}` as Django's, remembering the addresses it has worked out.

Loaded as a template builtin after Django's own tags (settings.TEMPLATES), so every
`{% url %}` in every template is this one. A busy page (My day, the person page, a list of
25 people) writes 60 to 150 links, and Django works each one out again from the URL
patterns: about 35 microseconds each on the benchmark machine, a few milliseconds a page
(`make bench` profiles). The URL patterns do not change while a process runs, so the same
name and arguments always give the same address under the same script prefix and URL
configuration; those are the key, beside the current application namespace Django also
uses. Only whole numbers and strings are remembered (ids, slugs); anything else, and every
name that does not reverse, goes through Django's way exactly as before. The memory is
bounded (least recently used addresses are forgotten first).

Where the addresses are worked out from (the URL configuration, the script prefix, the
current application) is read once per render and kept on its context: each is a look-up in
Django's per-request storage (asgiref's Local), a few microseconds apiece, which a page of
a hundred links had been paying a hundred times over. The escaped form of an address is
remembered beside it.
"""

from functools import lru_cache
from typing import Any

from django import template
from django.template.base import Parser, Token
from django.template.context import Context
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as djangos_url
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape

register = template.Library()
REMEMBERED = 8192  # addresses: a few hundred kilobytes at most
_UNSET = object()
_WHERE = "_rapport_url_where"  # kept on the Context of one render


@lru_cache(maxsize=REMEMBERED)
def address(
    view_name: str,
    args: tuple[Any, ...],
    kwargs: tuple[tuple[str, Any], ...],
    current_app: str | None,
    urlconf: Any,
    prefix: str,
) -> str:
    """Django's reverse(); `urlconf` and `prefix` are given so that they are part of the key."""
    return reverse(view_name, args=args, kwargs=dict(kwargs), current_app=current_app)


def _plain(value: Any) -> bool:
    return isinstance(value, int | str) and not isinstance(value, bool)


@lru_cache(maxsize=REMEMBERED)
def escaped(url: str) -> str:
    return str(conditional_escape(url))


def _where(context: Context) -> tuple[Any, Any, str]:
    """The current application, URL configuration and script prefix, as Django's tag reads
    them, read once per render (see the module's docstring)."""
    where: tuple[Any, Any, str] | None = getattr(context, _WHERE, None)
    if where is None:
        request = getattr(context, "request", None)
        current_app = getattr(request, "current_app", _UNSET)  # as Django's: the request's first,
        if current_app is _UNSET:  # then the namespace of the view that answered it
            current_app = getattr(getattr(request, "resolver_match", None), "namespace", None)
        where = (current_app, get_urlconf(), get_script_prefix())
        setattr(context, _WHERE, where)
    return where


class RememberedURLNode(URLNode):
    def render(self, context: Context) -> str:
        args = tuple(arg.resolve(context) for arg in self.args)
        kwargs = tuple(sorted((name, value.resolve(context)) for name, value in self.kwargs.items()))
        view_name = self.view_name.resolve(context)
        if not (_plain(view_name) and all(map(_plain, args)) and all(_plain(v) for _, v in kwargs)):
            return str(super().render(context))
        try:
            url = address(view_name, args, kwargs, *_where(context))
        except Exception:  # NoReverseMatch and the rest: Django's own way, its own errors
            return str(super().render(context))
        if self.asvar:
            context[self.asvar] = url
            return ""
        return escaped(url) if context.autoescape else url


@register.tag
def url(parser: Parser, token: Token) -> RememberedURLNode:
    """Parsed by Django's own `{% url %}`, so its syntax and errors are the same."""
    parsed = djangos_url(parser, token)
    return RememberedURLNode(parsed.view_name, parsed.args, parsed.kwargs, parsed.asvar)
