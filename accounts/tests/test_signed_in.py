"""Reading who is signed in keeps Django's rules: an expired session or an inactive
account signs no one in."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def _signed_in(client) -> bool:
    answer = client.get(reverse("session_check"))
    return answer.status_code == 200 and answer.json()["signed_in"] is True


def test_a_signed_in_member_of_staff_stays_signed_in(client, worker) -> None:
    client.force_login(worker)
    assert _signed_in(client) and _signed_in(client)


def test_an_expired_session_signs_no_one_in(client, worker) -> None:
    client.force_login(worker)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    assert not _signed_in(client)


def test_an_account_made_inactive_is_signed_out_at_once(client, worker) -> None:
    client.force_login(worker)
    worker.is_active = False
    worker.save(update_fields=["is_active"])
    assert not _signed_in(client)


def test_a_session_naming_no_such_user_signs_no_one_in(client, worker) -> None:
    client.force_login(worker)
    session = client.session
    session["_auth_user_id"] = str(10**30)  # no id column holds it
    session.save()
    assert not _signed_in(client)
