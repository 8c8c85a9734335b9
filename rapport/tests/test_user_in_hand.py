"""Views are given the signed-in user itself, not lazy wrappers (rapport.middleware.user_in_hand),
and the two-step sign-in still knows whether the user has been verified."""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.utils.functional import LazyObject, SimpleLazyObject

from accounts.models import User
from rapport.middleware import user_in_hand


def test_a_signed_in_page_is_given_the_user_itself(client, worker) -> None:
    client.force_login(worker)
    response = client.get("/")
    assert response.status_code == 200
    user = response.wsgi_request.user
    assert type(user) is User and user.pk == worker.pk
    assert user.is_verified() is False  # django-otp's answer survives the unwrapping


def test_the_sign_in_page_is_given_an_anonymous_user(client, db) -> None:
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert type(response.wsgi_request.user) is AnonymousUser


def test_wrappers_within_wrappers_are_all_taken_off_and_worked_out_once(worker) -> None:
    asked = []

    def find() -> User:
        asked.append(1)
        return worker

    seen = []
    request = HttpRequest()
    request.user = SimpleLazyObject(lambda: SimpleLazyObject(find))  # type: ignore[assignment]
    user_in_hand(lambda r: seen.append(r.user) or HttpResponse())(request)
    assert seen == [worker] and not isinstance(seen[0], LazyObject)
    assert asked == [1]
