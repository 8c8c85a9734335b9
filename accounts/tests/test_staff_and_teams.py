from django.core import mail
from django.test import override_settings
from django.urls import reverse

from accounts.models import Membership, Team, User
from audit.models import AuditEvent


def _staff(**overrides):
    data = {
        "username": "newworker",
        "first_name": "Nia",
        "last_name": "Patel",
        "email": "nia@example.org",
        "role": "worker",
        "is_active": "on",
    }
    data.update(overrides)
    return data


def test_an_administrator_adds_a_worker_who_sets_her_own_password(
    client, administrator, team, django_capture_on_commit_callbacks
) -> None:
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:staff_create"), _staff(member_of=[team.pk]))
    assert response.status_code == 302
    nia = User.objects.get(username="newworker")
    assert not nia.has_usable_password()  # no administrator ever knows it
    assert list(nia.memberships.values_list("team__name", "leads")) == [("Willow House", False)]
    assert mail.outbox[0].to == ["nia@example.org"] and "Set your Rapport password" in mail.outbox[0].subject
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/password/reset/" in line)
    client.logout()
    page = client.get(link.split("testserver", 1)[-1], follow=True)
    form_url = page.redirect_chain[-1][0]
    done = client.post(
        form_url, {"new_password1": "teapot lantern orchard", "new_password2": "teapot lantern orchard"}
    )
    assert done.status_code == 302
    nia.refresh_from_db()
    assert nia.check_password("teapot lantern orchard")
    event = AuditEvent.objects.get(object_type="user", object_id=str(nia.pk), action="create")
    assert event.actor == administrator and "teams: — → Willow House" in event.reason


def test_a_leader_must_lead_a_team(client, administrator, team) -> None:
    client.force_login(administrator)
    response = client.post(reverse("accounts:staff_create"), _staff(role="leader"))
    assert "at least one team this team leader leads" in response.content.decode()
    assert not User.objects.filter(username="newworker").exists()


def test_a_new_member_of_staff_needs_an_email_address(client, administrator, team) -> None:
    client.force_login(administrator)
    response = client.post(reverse("accounts:staff_create"), _staff(member_of=[team.pk], email=""))
    assert "This field is required" in response.content.decode()
    assert not User.objects.filter(username="newworker").exists()


def test_promoting_to_leader_updates_memberships(client, administrator, worker, team) -> None:
    client.force_login(administrator)
    client.post(
        reverse("accounts:staff_edit", args=[worker.pk]),
        _staff(username="worker", role="leader", leads=[team.pk]),
    )
    worker.refresh_from_db()
    assert worker.role == "leader"
    assert list(Membership.objects.filter(user=worker).values_list("leads", flat=True)) == [True]
    event = AuditEvent.objects.get(object_type="user", object_id=str(worker.pk), action="update")
    assert "role: Care or support worker → Team leader" in event.reason
    assert "teams: Willow House → Willow House (leads)" in event.reason


def test_an_administrator_cannot_lock_themself_out(client, administrator) -> None:
    client.force_login(administrator)
    response = client.post(
        reverse("accounts:staff_edit", args=[administrator.pk]),
        _staff(username=administrator.username, role="admin", is_active=""),
    )
    assert "cannot stop your own log-in" in response.content.decode()


def test_teams_are_managed_in_the_app(client, administrator) -> None:
    client.force_login(administrator)
    client.post(
        reverse("accounts:team_create"), {"name": "Oak Lodge", "kind": "care_home", "is_active": "on"}
    )
    assert Team.objects.filter(name="Oak Lodge").exists()
    assert AuditEvent.objects.filter(object_type="team", summary="Added team Oak Lodge").exists()
    assert "Oak Lodge" in client.get(reverse("accounts:teams")).content.decode()


def test_workers_and_leaders_cannot_manage_staff(client, worker, leader) -> None:
    for user in (worker, leader):
        client.force_login(user)
        assert client.get(reverse("accounts:staff")).status_code == 403
        assert client.post(reverse("accounts:team_create"), {"name": "X"}).status_code == 403


class TestLogIn:
    def test_it_logs_in_and_lands_on_people(self, client, worker) -> None:
        response = client.post(reverse("login"), {"username": "worker", "password": "correct-horse-battery"})
        assert response.status_code == 302 and response.url == "/"

    @override_settings(AXES_FAILURE_LIMIT=3)
    def test_repeated_failures_lock_the_account(self, client, worker) -> None:
        for _ in range(3):
            response = client.post(reverse("login"), {"username": "worker", "password": "wrong"})
        assert response.status_code == 429
        assert "Too many failed log-ins" in response.content.decode()
        response = client.post(reverse("login"), {"username": "worker", "password": "correct-horse-battery"})
        assert response.status_code == 429  # even the right password waits out the lock

    def test_a_wrong_password_is_explained(self, client, worker) -> None:
        response = client.post(reverse("login"), {"username": "worker", "password": "nope"})
        assert "do not match" in response.content.decode()
