from django.test import override_settings
from django.urls import reverse

from accounts.models import Membership, Team, User


def _staff(**overrides):
    data = {
        "username": "newworker",
        "first_name": "Nia",
        "last_name": "Patel",
        "email": "nia@example.org",
        "role": "worker",
        "is_active": "on",
        "new_password": "a-long-enough-passphrase",
    }
    data.update(overrides)
    return data


def test_an_administrator_adds_a_worker_to_a_team(client, administrator, team) -> None:
    client.force_login(administrator)
    response = client.post(reverse("accounts:staff_create"), _staff(member_of=[team.pk]))
    assert response.status_code == 302
    nia = User.objects.get(username="newworker")
    assert nia.check_password("a-long-enough-passphrase")
    assert list(nia.memberships.values_list("team__name", "leads")) == [("Willow House", False)]


def test_a_leader_must_lead_a_team(client, administrator, team) -> None:
    client.force_login(administrator)
    response = client.post(reverse("accounts:staff_create"), _staff(role="leader"))
    assert "at least one team this team leader leads" in response.content.decode()
    assert not User.objects.filter(username="newworker").exists()


def test_a_weak_password_is_refused(client, administrator, team) -> None:
    client.force_login(administrator)
    response = client.post(
        reverse("accounts:staff_create"), _staff(member_of=[team.pk], new_password="password")
    )
    assert "too short" in response.content.decode() or "too common" in response.content.decode()
    assert not User.objects.filter(username="newworker").exists()


def test_promoting_to_leader_updates_memberships(client, administrator, worker, team) -> None:
    client.force_login(administrator)
    client.post(
        reverse("accounts:staff_edit", args=[worker.pk]),
        _staff(username="worker", role="leader", leads=[team.pk], new_password=""),
    )
    worker.refresh_from_db()
    assert worker.role == "leader"
    assert list(Membership.objects.filter(user=worker).values_list("leads", flat=True)) == [True]


def test_an_administrator_cannot_lock_themself_out(client, administrator) -> None:
    client.force_login(administrator)
    response = client.post(
        reverse("accounts:staff_edit", args=[administrator.pk]),
        _staff(username=administrator.username, role="admin", is_active="", new_password=""),
    )
    assert "cannot stop your own log-in" in response.content.decode()


def test_teams_are_managed_in_the_app(client, administrator) -> None:
    client.force_login(administrator)
    client.post(
        reverse("accounts:team_create"), {"name": "Oak Lodge", "kind": "care_home", "is_active": "on"}
    )
    assert Team.objects.filter(name="Oak Lodge").exists()
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
