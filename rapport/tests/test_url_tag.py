"""Every `{% url %}` gives exactly the address Django's own tag gives (rapport/lib/url_tag.py),
for every named URL of the project, after it has been remembered too, under another script
prefix, and with Django's errors."""

from unittest import mock

import pytest
from django.template import Context, Template, engines
from django.template.defaulttags import URLNode
from django.urls import (
    NoReverseMatch,
    URLPattern,
    URLResolver,
    get_resolver,
    get_script_prefix,
    reverse,
    set_script_prefix,
)
from django.urls.resolvers import RoutePattern

from rapport.lib.url_tag import RememberedURLNode, address


def named_urls() -> list[tuple[str, dict[str, object]]]:
    """(namespaced name, sample kwargs) of every named pattern, walked from the root."""
    found = []

    def walk(patterns: list[object], namespace: str, converters: dict[str, object]) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                space = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                walk(entry.url_patterns, space, {**converters, **entry.pattern.converters})
            elif isinstance(entry, URLPattern) and entry.name and isinstance(entry.pattern, RoutePattern):
                every = {**converters, **entry.pattern.converters}
                kwargs = {
                    name: 7 if type(c).__name__ == "IntConverter" else "abc" for name, c in every.items()
                }
                found.append((namespace + entry.name, kwargs))

    walk(get_resolver().url_patterns, "", {})
    return found


def render(source: str, **context: object) -> str:
    return engines["django"].from_string(source).render(context)


def test_the_tag_in_every_template_is_the_remembering_one() -> None:
    template = engines["django"].from_string("{% url 'people:list' %}")
    nodes = template.template.nodelist.get_nodes_by_type(URLNode)
    assert nodes and all(isinstance(node, RememberedURLNode) for node in nodes)


def test_every_named_url_gives_djangos_address_twice() -> None:
    urls = named_urls()
    assert len(urls) > 80
    for name, kwargs in urls:
        try:
            expected = reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue  # a converter of its own that wants another sample
        tag = "{% url name " + " ".join(f"{key}=v_{key}" for key in kwargs) + " %}"
        values = {f"v_{key}": value for key, value in kwargs.items()}
        assert render(tag, name=name, **values) == expected
        assert render(tag, name=name, **values) == expected  # remembered


def test_positional_arguments_as_var_and_escaping() -> None:
    assert render("{% url 'person:page' 12 %}") == reverse("person:page", args=[12])
    assert (
        render("{% url 'person:page' pk as there %}<{{ there }}>", pk=5)
        == f"<{reverse('person:page', args=[5])}>"
    )
    assert render("{% url 'people:list' %}?q={{ q }}", q="<b>") == f"{reverse('people:list')}?q=&lt;b&gt;"


def test_another_script_prefix_is_another_address() -> None:
    plain = render("{% url 'person:page' 3 %}")
    set_script_prefix("/rapport/")
    try:
        assert render("{% url 'person:page' 3 %}") == "/rapport" + plain
    finally:
        set_script_prefix("/")
    assert render("{% url 'person:page' 3 %}") == plain


def test_djangos_errors_stay_and_nothing_wrong_is_remembered() -> None:
    before = address.cache_info().currsize
    with pytest.raises(NoReverseMatch):
        render("{% url 'person:page' %}")
    with pytest.raises(NoReverseMatch):
        render("{% url 'no:such' 1 %}")
    assert render("{% url 'no:such' 1 as nowhere %}[{{ nowhere }}]") == "[]"
    assert address.cache_info().currsize == before


def test_other_values_go_through_djangos_own_tag() -> None:
    class Odd:
        def __str__(self) -> str:
            return "9"

    assert render("{% url 'person:page' odd %}", odd=Odd()) == reverse("person:page", args=[9])
    assert Template("{% url 'person:page' 4 %}").render(Context()) == reverse("person:page", args=[4])


def test_where_addresses_are_worked_out_from_is_read_once_a_render() -> None:
    links = (
        "{% url 'person:page' 1 %}{% url 'person:page' 2 %}"
        "{% for n in ns %}{% url 'person:page' n %}{% endfor %}"
    )
    with mock.patch("rapport.lib.url_tag.get_script_prefix", wraps=get_script_prefix) as prefix:
        first = render(links, ns=[3, 4])
        assert prefix.call_count == 1
        render(links, ns=[3, 4])
        assert prefix.call_count == 2  # another render, read again
    assert first == "".join(reverse("person:page", args=[n]) for n in (1, 2, 3, 4))
