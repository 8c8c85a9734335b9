"""The administrators' audit trail check: the page asks for a check and shows it; the walk of
the whole trail (millions of events on a service of some years) runs in the background,
never inside a request."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from audit import chain, checks
from audit.models import AuditEvent, ChainCheck
from audit.services import audit_record
from audit.tests.tampering import behind_the_applications_back
from rapport.settings import TASKS as DB_TASKS  # production's: the database queue

PAGE = reverse("audit:check")


@pytest.fixture
def signed_in(client, administrator):
    client.force_login(administrator)
    return client


def _ask(client, django_capture_on_commit_callbacks, after: int = 0):
    """Press the button; the queued walk runs once the request has committed (the tests'
    task backend runs a task as it is queued); then read the page it leads back to."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(PAGE, {"after": after})
    assert response.status_code == 302 and response["Location"] == PAGE
    return client.get(PAGE)


def test_only_administrators_may_look_or_ask(client, worker, trail) -> None:
    client.force_login(worker)
    assert client.get(PAGE).status_code == 403
    assert client.post(PAGE, {"after": 0}).status_code == 403
    assert not ChainCheck.objects.exists()


def test_the_page_never_walks_the_trail(signed_in, trail, monkeypatch) -> None:
    def walked(*args, **kwargs):
        raise AssertionError("the page walked the trail")

    monkeypatch.setattr(checks, "verify", walked)
    page = signed_in.get(PAGE).content.decode()
    assert "has not been checked here yet" in page and "Check the whole trail now" in page


def test_a_check_asked_for_runs_in_the_background_and_is_shown(
    signed_in, administrator, trail, django_capture_on_commit_callbacks
) -> None:
    page = _ask(signed_in, django_capture_on_commit_callbacks).content.decode()
    check = ChainCheck.objects.get()
    assert check.status == ChainCheck.Status.DONE and check.under_way is None
    assert check.asked_by == administrator and check.checked == len(trail) + 1  # its own event too
    assert "The check has started" in page
    assert "The audit trail was intact" in page and f"{check.checked} events checked" in page
    asked = AuditEvent.objects.get(object_type="chaincheck")
    assert asked.actor == administrator and asked.object_id == str(check.pk)


def test_tampering_is_reported_with_the_first_broken_link(
    signed_in, trail, django_capture_on_commit_callbacks
) -> None:
    with behind_the_applications_back() as cursor:
        cursor.execute("UPDATE audit_auditevent SET reason = 'edited' WHERE id = %s", [trail[1].pk])
    page = _ask(signed_in, django_capture_on_commit_callbacks).content.decode()
    assert "has been tampered with" in page
    assert f"event {trail[1].seq}" in page and "changed or inserted" in page
    assert ChainCheck.objects.get().broken_at == trail[1].seq


def test_one_check_at_a_time(signed_in, administrator, trail, django_capture_on_commit_callbacks) -> None:
    running = ChainCheck.objects.create(asked_by=administrator, status=ChainCheck.Status.RUNNING)
    page = _ask(signed_in, django_capture_on_commit_callbacks).content.decode()
    assert "already under way" in page and "A check is running" in page
    assert "Check the whole trail now" not in page
    assert list(ChainCheck.objects.all()) == [running]
    with pytest.raises(IntegrityError), transaction.atomic():  # the database refuses a second
        ChainCheck.objects.create(asked_by=administrator)


def test_the_page_follows_a_running_check_and_announces_its_end(
    signed_in, administrator, trail, django_capture_on_commit_callbacks
) -> None:
    check = ChainCheck.objects.create(asked_by=administrator, status=ChainCheck.Status.RUNNING, checked=5000)
    part = signed_in.get(PAGE, headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 3s"' in part and "5,000 events checked so far" in part
    assert "<h1>" not in part and "hx-swap-oob" not in part
    ChainCheck.objects.filter(pk=check.pk).update(status=ChainCheck.Status.WAITING)
    with django_capture_on_commit_callbacks(execute=True):
        checks.run_check(check.pk)
    part = signed_in.get(PAGE, headers={"HX-Request": "true"}).content.decode()
    assert "every 3s" not in part and "The audit trail was intact" in part
    assert 'hx-swap-oob="true"' in part and "The check has finished: the audit trail is intact." in part


def test_a_silent_check_gives_way_to_a_new_one(
    signed_in, administrator, trail, django_capture_on_commit_callbacks
) -> None:
    lost = ChainCheck.objects.create(
        asked_by=administrator,
        status=ChainCheck.Status.RUNNING,
        checked=10000,
        heard_at=timezone.now() - checks.STALLED_AFTER - timedelta(seconds=1),
    )
    page = signed_in.get(PAGE).content.decode()
    assert "has not reported for over 10 minutes" in page and "Check the whole trail now" in page
    _ask(signed_in, django_capture_on_commit_callbacks)
    lost.refresh_from_db()
    assert lost.status == ChainCheck.Status.STOPPED and lost.under_way is None
    assert ChainCheck.objects.filter(status=ChainCheck.Status.DONE).count() == 1


def test_a_walk_that_fails_is_shown_as_unfinished(signed_in, administrator, trail, monkeypatch) -> None:
    def broken_database(progress=None):
        raise RuntimeError("connection lost")

    check = ChainCheck.objects.create(asked_by=administrator)
    monkeypatch.setattr(checks, "verify", broken_database)
    with pytest.raises(RuntimeError):
        checks.run_check(check.pk)
    check.refresh_from_db()
    assert check.status == ChainCheck.Status.STOPPED and check.under_way is None
    page = signed_in.get(PAGE).content.decode()
    assert "The last check did not finish" in page and "Check the whole trail now" in page


def test_a_check_already_run_is_not_run_again(administrator, trail) -> None:
    check = ChainCheck.objects.create(asked_by=administrator)
    assert checks.run_check(check.pk) is not None
    assert checks.run_check(check.pk) is None


def test_events_written_during_the_walk_are_not_mistaken_for_tampering(
    worker, person, trail, monkeypatch
) -> None:
    """A running service writes events while the walk reads: the walk ends where the chain
    stood when it began."""
    end_of_chain = chain._end_of_chain

    def then_someone_looks() -> int:
        end = end_of_chain()
        audit_record(actor=worker, action="view", obj=person, person_id=person.pk, summary="Viewed later")
        return end

    monkeypatch.setattr(chain, "_end_of_chain", then_someone_looks)
    report = chain.verify()
    assert report.intact and report.checked == len(trail)


@override_settings(TASKS=DB_TASKS)
def test_a_check_waits_for_the_audit_worker_not_the_digests(
    signed_in, trail, django_capture_on_commit_callbacks, monkeypatch
) -> None:
    """A walk of millions of events must not hold the worker the morning digest needs: the
    check goes to its own queue, which only the audit worker takes. (The real worker, but
    it may not close the test's connection, which holds the test's transaction.)"""
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    _ask(signed_in, django_capture_on_commit_callbacks)
    check = ChainCheck.objects.get()
    call_command("db_worker", batch=True, queue_name="default", startup_delay=False, verbosity=0)
    check.refresh_from_db()
    assert check.status == ChainCheck.Status.WAITING
    assert "A check is waiting to start" in signed_in.get(PAGE).content.decode()
    call_command("db_worker", batch=True, queue_name="audit", startup_delay=False, verbosity=0)
    check.refresh_from_db()
    assert check.status == ChainCheck.Status.DONE and check.checked == len(trail) + 1
