"""No crash on any input: every page, posted hostile values, as staff of the right and of
another team. A 500 fails; so does any row written by a request that was refused.

Bounded for the suite (a few derandomised examples per page); `make fuzz` runs it with the
"fuzz" hypothesis profile for many random examples.
"""

import os
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from people.models import Person
from rapport.testing.records import records_around
from rapport.testing.urlwalk import fill, form_fields, project_patterns

EXAMPLES = int(os.environ.get("RAPPORT_FUZZ_EXAMPLES", "3"))
PATTERNS = [p for p in project_patterns() if p[0] not in ("logout",)]
# Query parameters pages read beside their forms' own fields.
QUERY_NAMES = ["page", "q", "person", "people", "kind", "status", "team", "next", "topic", "recipient"]
HOSTILE_WORDS = [
    "99999999999999999999999",
    "-99999999999999999999999",
    "9223372036854775808",
    "2147483647",
    "2147483648",
    "-1",
    "0",
    "",
    " ",
    "1e309",
    "NaN",
    "[]",
    "\x00",
    "a\x00b",
    "<script>alert(1)</script>",
    "\u202egnp.exe",
    "\ufeff",
    "😀" * 50,
    "x" * 20_000,
    "9" * 5_000,
    "2026-13-45",
    "0001-01-01",
    "9999-12-31",
    "9999-12-31T23:59",
    "rel:99999999999999999999999",
    "rel:x",
    "staff:-1",
    "person:0",
    "org:1:2",
    "../../etc/passwd",
]
hostile_value = st.one_of(
    st.sampled_from(HOSTILE_WORDS),
    st.text(max_size=40),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
)
# A field may be missing, sent once, or repeated.
field_value = st.one_of(st.none(), hostile_value, st.lists(hostile_value, min_size=2, max_size=3))
_WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)
# Bookkeeping a refused request may write: the looks, the session, failed sign-ins, the
# repeat guard's claim, and an authenticator being set up (and slowed after a wrong code).
_MAY_WRITE_WHEN_REFUSED = ("audit_", "django_session", "axes_", "rapport_recentsubmission", "otp_")


def _writes(queries: list[dict]) -> list[str]:
    return [
        q["sql"][:160]
        for q in queries
        if _WRITE.match(q["sql"]) and not any(t in q["sql"] for t in _MAY_WRITE_WHEN_REFUSED)
    ]


def _form(draw_values: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in draw_values.items() if v is not None}


@pytest.fixture
def world(person: Person, worker, outsider) -> dict[str, object]:
    return {"values": records_around(person), "worker": worker, "outsider": outsider}


def _learn_fields(client: Client, path: str) -> dict[str, set[str]]:
    page = client.get(path)
    return form_fields(page.content.decode(errors="replace")) if page.status_code == 200 else {}


def _refused_or_done(client: Client, name: str, path: str, form: dict, who: str) -> None:
    with CaptureQueriesContext(connection) as queries:
        response = client.post(path, form)
    assert response.status_code < 500, f"POST {name} {form!r} as {who}"
    if response.status_code not in (301, 302, 303):
        assert not _writes(queries.captured_queries), f"refused POST {name} wrote as {who}"


# Every field of every form set at once to each of these: the values most likely to crash.
SWEEP = [
    "99999999999999999999999",
    "-99999999999999999999999",
    "2147483648",
    "",
    "\x00",
    "x" * 20_000,
    "9999-12-31",
    "rel:99999999999999999999999",
]


@pytest.mark.parametrize("name, route, params", PATTERNS, ids=[p[0] for p in PATTERNS])
def test_each_hostile_value_in_every_field(world, name, route, params) -> None:
    path = fill(route, world["values"])
    for who in ("worker", "outsider"):
        client = Client(raise_request_exception=False)
        client.force_login(world[who])
        fields = _learn_fields(client, path)
        for word in SWEEP:
            query = dict.fromkeys(sorted(fields.get("get", set()) | set(QUERY_NAMES)), word)
            assert client.get(path, query).status_code < 500, f"GET {name} {word[:30]!r} as {who}"
            form = dict.fromkeys(sorted(fields.get("post", set()) | {"version"}), word)
            _refused_or_done(client, name, path, form, who)
            _refused_or_done(client, name, path, {k: [word, "1"] for k in form}, who)  # repeated


@pytest.mark.parametrize("name, route, params", PATTERNS, ids=[p[0] for p in PATTERNS])
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_hostile_values_never_crash_or_write(world, name, route, params, data) -> None:
    values = dict(world["values"])
    if params and data.draw(st.booleans(), label="hostile id in the address"):
        values.update({p: data.draw(st.sampled_from(["99999999999999999999999", "0"])) for p in params})
    path = fill(route, values)
    for who in ("worker", "outsider"):
        client = Client(raise_request_exception=False)
        client.force_login(world[who])
        fields = _learn_fields(client, fill(route, world["values"]))
        query_names = sorted(fields.get("get", set()) | set(QUERY_NAMES))
        query = _form({n: data.draw(field_value, label=f"?{n}") for n in query_names})
        assert client.get(path, query).status_code < 500, f"GET {name} {query!r} as {who}"
        post_names = sorted(fields.get("post", set()) | {"version"})
        _refused_or_done(
            client, name, path, _form({n: data.draw(field_value, label=n) for n in post_names}), who
        )


@pytest.mark.parametrize("method", ["put", "patch", "delete", "options"])
def test_other_methods_are_refused_plainly(client, worker, method) -> None:
    client.force_login(worker)
    for name, route, params in PATTERNS:
        if params:
            continue
        assert getattr(client, method)("/" + route).status_code < 500, f"{method} {name}"


@pytest.mark.parametrize("signed_in", [True, False])
def test_a_body_in_another_charset_is_refused(client, worker, signed_in) -> None:
    if signed_in:
        client.force_login(worker)
    response = client.post(  # the test client encodes the body in the declared charset
        "/accounts/login/",
        "username=worker&password=x",
        content_type="application/x-www-form-urlencoded; charset=utf-16",
    )
    assert response.status_code == 400 and b"UTF-8" in response.content


def test_a_nul_byte_in_a_search_is_refused(client, worker) -> None:
    client.force_login(worker)
    response = client.get("/people/", {"q": "Peg\x00gy"})
    assert response.status_code == 400


def test_an_out_of_range_person_on_the_new_meeting_page(client, worker) -> None:
    client.force_login(worker)
    assert client.get("/meetings/new/", {"person": "99999999999999999999999"}).status_code == 200
    response = client.post("/meetings/new/", {"people": "99999999999999999999999", "title": "x"})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
