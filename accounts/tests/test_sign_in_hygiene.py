"""Signing in behind a proxy, password spraying, and what a shared device keeps."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from rapport.testing.factories import UserFactory

PROXY = "10.0.0.2"  # the README's single reverse proxy
GOOD = "correct-horse-battery"


def _from(address: str) -> Client:
    """A browser at `address`, reaching Rapport through the proxy, which sets a
    single-entry X-Forwarded-For exactly as nginx's $proxy_add_x_forwarded_for does."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address)


def _try(client: Client, username: str, password: str) -> int:
    return client.post(reverse("login"), {"username": username, "password": password}).status_code


@override_settings(RAPPORT_PROXY_COUNT=1, AXES_FAILURE_LIMIT=5)
def test_failures_from_one_address_do_not_lock_the_user_out_elsewhere(worker) -> None:
    attacker, nurse = _from("198.51.100.66"), _from("203.0.113.10")
    for _ in range(5):
        _try(attacker, "worker", "wrong")
    assert _try(attacker, "worker", GOOD) == 429  # the attacker's address is locked
    assert _try(nurse, "worker", GOOD) == 302  # the real user, elsewhere, signs in


@override_settings(RAPPORT_PROXY_COUNT=1, AXES_FAILURE_LIMIT=5, RAPPORT_ADDRESS_FAILURE_LIMIT=10)
def test_password_spraying_from_one_address_is_slowed(db) -> None:
    victims = [UserFactory(username=f"staff{n}") for n in range(12)]
    sprayer = _from("198.51.100.77")
    for user in victims[:10]:
        assert _try(sprayer, user.username, "Winter2026!") == 200
    response = sprayer.post(reverse("login"), {"username": victims[11].username, "password": GOOD})
    assert response.status_code == 200 and "too many failed log-ins from this network" in (
        response.content.decode()
    )
    assert _try(_from("203.0.113.10"), victims[11].username, GOOD) == 302


def test_signing_in_again_gives_a_new_session_id(client, worker) -> None:
    client.post(reverse("login"), {"username": "worker", "password": GOOD})
    first = client.cookies["sessionid"].value
    client.post(reverse("login"), {"username": "worker", "password": GOOD})
    assert client.cookies["sessionid"].value != first


def test_pages_naming_people_are_not_stored(client, worker, person) -> None:
    client.force_login(worker)
    response = client.get(reverse("person:page", args=[person.pk]))
    assert "no-store" in response["Cache-Control"]


def test_sign_out_clears_what_the_browser_kept(client, worker) -> None:
    client.force_login(worker)
    response = client.post(reverse("logout"))
    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_the_not_found_page_carries_a_content_security_policy(client, worker) -> None:
    client.force_login(worker)
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and "default-src 'self'" in response["Content-Security-Policy"]


def test_flash_messages_stay_on_the_server(client, worker, person) -> None:
    client.force_login(worker)
    client.post(reverse("people:discharge", args=[person.pk]), {})
    assert "messages" not in client.cookies


def test_an_idle_session_is_signed_out(client, worker, settings) -> None:
    import time_machine

    settings.RAPPORT_IDLE_MINUTES = 30
    with time_machine.travel("2026-11-26 09:00", tick=False) as clock:
        client.post(reverse("login"), {"username": "worker", "password": GOOD})
        assert client.get(reverse("home")).status_code == 200
        clock.shift(29 * 60)
        assert client.get(reverse("home")).status_code == 200  # still in use
        clock.shift(31 * 60)
        response = client.get(reverse("home"))
        assert response.status_code == 302 and "/accounts/login/" in response.url
        assert client.get(reverse("home")).status_code == 302


@pytest.mark.parametrize(
    "password", ["Winter2026!", "P4ssw0rd2026", "short-pw", "Liverpool2026", "password1234"]
)
def test_guessable_passwords_are_refused(password) -> None:
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_passphrase_is_accepted() -> None:
    from django.contrib.auth.password_validation import validate_password

    validate_password("teapot lantern orchard seven")


def test_pages_are_compressed(client, worker, person) -> None:
    client.force_login(worker)
    response = client.get(reverse("people:list"), HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
