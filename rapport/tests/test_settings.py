"""Production settings are strict and `check --deploy` is clean."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from rapport.lib.env import env_bool, env_int, env_str

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "rapport.settings",
    "DJANGO_SECRET_KEY": "a-long-random-production-key-" + "k3y" * 20,
    "DJANGO_ALLOWED_HOSTS": "rapport.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
}


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_in_production() -> None:
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key() -> None:
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}
    result = _manage("check", **env)
    assert result.returncode != 0 and "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts() -> None:
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_ALLOWED_HOSTS"}
    result = _manage("check", **env)
    assert result.returncode != 0 and "DJANGO_ALLOWED_HOSTS must be set" in result.stderr


def test_a_bad_boolean_stops_the_server() -> None:
    result = _manage("check", **PRODUCTION, DJANGO_DEBUG="maybe")
    assert result.returncode != 0 and "DJANGO_DEBUG must be true or false" in result.stderr


def test_env_readers(monkeypatch) -> None:
    monkeypatch.setenv("X_BOOL", "Yes")
    monkeypatch.setenv("X_INT", "12")
    monkeypatch.setenv("X_BAD_INT", "twelve")
    assert env_bool("X_BOOL", False) is True
    assert env_bool("X_UNSET", True) is True
    assert env_int("X_INT", 0) == 12
    with pytest.raises(ImproperlyConfigured):
        env_int("X_BAD_INT", 0)
    with pytest.raises(ImproperlyConfigured):
        env_str("X_UNSET")


def test_pages_carry_security_headers(client, worker) -> None:
    client.force_login(worker)
    response = client.get("/people/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_session_check_is_for_signed_in_staff_only(client, worker) -> None:
    from django.urls import reverse

    assert client.get(reverse("session_check")).status_code == 302
    client.force_login(worker)
    answer = client.get(reverse("session_check")).json()
    assert answer["signed_in"] is True and answer["idle_seconds_left"] > 0


@pytest.mark.parametrize(("switch", "prepared"), [(None, True), ("false", False)])
def test_postgresql_prepares_repeated_statements_unless_told_not_to(
    switch: str | None, prepared: bool
) -> None:
    env = {**PRODUCTION, "DATABASE_URL": "postgres://rapport@db.invalid:5432/rapport"}
    if switch is not None:
        env["DATABASE_PREPARED_STATEMENTS"] = switch
    shown = (
        "from django.conf import settings as s; o = s.DATABASES['default']['OPTIONS'];"
        " print(o.get('server_side_binding'), o.get('prepare_threshold'))"
    )
    result = _manage("shell", "--verbosity", "0", "-c", shown, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == (["True", "2"] if prepared else ["None", "None"])
