"""Scaling out keeps its promises: two app processes (as two hosts behind a load balancer)
on one PostgreSQL share sessions, lock-out and conflict detection, because none of them
lives in a process.

Runs the README's production start twice (gunicorn, production settings, one proxy) against
a scratch database of its own.
"""

import os
import re
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from rapport.tests.test_production_start import GUNICORN, ROOT, start_gunicorn

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="two hosts share a PostgreSQL"),
    pytest.mark.skipif(not GUNICORN.exists(), reason="gunicorn is installed with the project"),
]
HOST = "rapport.example.org"
CLIENT = "203.0.113.9"  # the care worker's address, as the proxy forwards it
SETUP = """
from accounts.models import Membership, Team, User
from people.models import Person
team = Team.objects.create(name="Willow House")
user = User.objects.create_user("wendy", password="correct-horse-battery", first_name="Wendy")
Membership.objects.create(user=user, team=team)
person = Person.objects.create(
    preferred_name="Peggy", legal_given_names="Margaret", legal_family_name="Hughes"
)
person.teams.add(team)
print(person.pk)
"""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Browser:
    """Cookies kept by hand: production cookies are Secure, and these requests reach the app
    over plain HTTP from the 'proxy' (X-Forwarded-Proto: https)."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}
        self.opener = urllib.request.build_opener(NoRedirect)

    def request(self, base: str, path: str, form: dict[str, str] | None = None) -> tuple[int, str]:
        headers = {
            "Host": HOST,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": CLIENT,
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        data = None
        if form is not None:
            form = {**form, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            data = urllib.parse.urlencode(form).encode()
            headers.update(Referer=f"https://{HOST}{path}", Origin=f"https://{HOST}")
        request = urllib.request.Request(base + path, data=data, headers=headers)
        try:
            response = self.opener.open(request, timeout=10)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        return response.status, response.read().decode(errors="replace")


@pytest.fixture
def two_hosts(tmp_path: Path) -> Iterator[tuple[str, str, int]]:
    name = f"rapport_two_hosts_{secrets.token_hex(4)}"
    admin = "postgresql://postgres@127.0.0.1:5432/postgres"
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'CREATE DATABASE "{name}"')
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "RAPPORT_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="rapport.settings",
        DJANGO_SECRET_KEY="production-like-secret-" + "s" * 40,
        DJANGO_ALLOWED_HOSTS=HOST,
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{name}",
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        RAPPORT_PROXY_COUNT="1",
        AXES_FAILURE_LIMIT="3",
    )
    servers = []
    try:
        for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
            subprocess.run(
                [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True
            )
        made = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", SETUP],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        person_id = int(made.stdout.decode().split()[-1])
        bases = []
        for _ in range(2):
            server, base = start_gunicorn(env)
            servers.append(server)
            bases.append(base)
        for base in bases:
            for _ in range(100):
                try:
                    Browser().request(base, "/accounts/login/")
                    break
                except OSError:
                    time.sleep(0.1)
        yield bases[0], bases[1], person_id
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)
        with psycopg.connect(admin, autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _sign_in(browser: Browser, base: str, password: str = "correct-horse-battery") -> int:
    browser.request(base, "/accounts/login/")
    return browser.request(base, "/accounts/login/", {"username": "wendy", "password": password})[0]


def test_two_hosts_share_sessions_conflicts_and_lock_out(two_hosts) -> None:
    host_a, host_b, person_id = two_hosts
    nurse = Browser()
    assert _sign_in(nurse, host_a) == 302
    edit = f"/people/{person_id}/edit/"
    status, page = nurse.request(host_b, edit)  # the session made on A is known to B
    assert status == 200
    version = re.search(r'name="version" value="(\d+)"', page)
    assert version is not None
    form = {
        "preferred_name": "Peggy",
        "legal_given_names": "Margaret",
        "legal_family_name": "Hughes",
        "first_language": "English",
        "teams": re.search(r'name="teams" value="(\d+)"', page).group(1),  # type: ignore[union-attr]
        "version": version.group(1),
        "change_reason": "She told us",
    }
    status, page = nurse.request(host_a, edit, {**form, "pronouns": "she/her"})
    assert status == 302, re.findall(r'<li><a href="#[^"]*">([^<]*)</a>', page)
    status, page = nurse.request(host_b, edit, {**form, "pronouns": "they/them"})  # opened before A saved
    assert status == 200 and "Someone else saved this record while you were editing" in page

    attacker = Browser()
    for _ in range(3):
        _sign_in(attacker, host_a, password="wrong")
    assert _sign_in(Browser(), host_b) == 429  # locked on every host, from that address
