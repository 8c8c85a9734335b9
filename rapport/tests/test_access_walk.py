"""Walk every URL pattern as each kind of staff: a worker of another team, a worker of two
teams, a leader who is only a member of the person's team, a leader of two teams, and an
administrator (test_names_walk.py walks every person each page names).

Person-scoped pages must answer 404 (for GET and POST) to another team and must not write anything.
A new URL with a parameter this test does not know fails until it is classified here.
"""

import pytest

from accounts.models import Membership, User
from audit.models import AuditEvent
from circles.models import Contact, Relationship
from commitments.models import Commitment
from people.models import Person
from rapport.testing.factories import ContactFactory, RelationshipFactory, TeamFactory, UserFactory
from rapport.testing.records import records_around
from rapport.testing.urlwalk import fill, project_patterns

# Parameters that name a person's data: a page with any of them is person-scoped.
PERSON_SCOPED = {
    "person_id",
    "relationship_id",
    "contact_id",
    "commitment_id",
    "change_id",
    "feedback_id",
    "meeting_id",  # a meeting's record names the people discussed
    "pack_id",
}
# Parameters of pages that hold no person's data, and why.
NOT_PERSON_DATA = {
    "organisation_id": "partner organisations are a shared directory",
    "user_id": "staff records; administrators only",
    "team_id": "teams; administrators only",
    "colleague_id": "staff who share a team; others 404 (recognition tests)",
    "service_id": "the local services directory, shared by all staff",
    "topic_id": "consent topics; administrators only",
    "group": "names a part of a circle, never a record",
    "token": "a calendar's secret, or a password link's (Django checks it); a wrong one fails",
    "uidb64": "names the account a password link is for; useless without its token",
}


@pytest.fixture
def foreign_records(person: Person) -> dict[str, object]:
    """Records of Willow House (the worker's team); the outsider works elsewhere."""
    return records_around(person)


def test_every_parameter_is_classified() -> None:
    for name, route, converters in project_patterns():
        unknown = converters - PERSON_SCOPED - set(NOT_PERSON_DATA)
        assert not unknown, f"Classify {unknown} of {name} ({route}) in this test"


def test_the_same_pages_open_for_the_persons_own_team(client, worker, foreign_records) -> None:
    client.force_login(worker)
    for name, route, converters in project_patterns():
        if converters & PERSON_SCOPED:
            status = client.get(fill(route, foreign_records)).status_code
            # A worker may not read the access log; an active person cannot be re-admitted.
            expected = {
                "people:audit": 403,
                "consent:subject_access": 403,  # team leaders only
                "people:readmit": 302,
                "feedback:acknowledge": 302,  # forms posted from the feedback page
                "feedback:close": 302,
                # Only its recorder or a leader of its team may change a meeting record: the
                # others are sent back to it with why.
                "meetings:correct": 302,
                "meetings:late_action": 302,
            }.get(name, 200)
            assert status == expected, f"{name}: {status}"


OVERSIGHT = {"people:audit", "consent:subject_access"}  # team leaders of the person's teams only
CORRECTING = {"meetings:correct", "meetings:late_action"}  # its recorder, its team's leaders


@pytest.mark.parametrize("who", ["leader_member", "leader_of_two", "administrator", "worker_of_two"])
def test_each_named_user_opens_what_their_role_allows(client, who, team, other_team, foreign_records):
    """A leader who is only a member of the person's team reads the record but may not
    oversee it; a leader of two teams and an administrator oversee it."""
    elsewhere = TeamFactory(name="Riverside Supported Living")
    users = {
        "leader_member": lambda: UserFactory(username="lm", role=User.Role.LEADER, teams=[elsewhere]),
        "leader_of_two": lambda: UserFactory(username="l2", role=User.Role.LEADER, teams=[team, other_team]),
        "administrator": lambda: UserFactory(username="ad", role=User.Role.ADMIN),
        "worker_of_two": lambda: UserFactory(username="w2", teams=[other_team, team]),
    }
    user = users[who]()
    if who == "leader_member":
        Membership.objects.create(user=user, team=team, leads=False)
    oversees = who in ("leader_of_two", "administrator")
    client.force_login(user)
    for name, route, converters in project_patterns():
        if not converters & PERSON_SCOPED or name in (
            "people:readmit",
            "feedback:acknowledge",
            "feedback:close",
        ):
            continue
        status = client.get(fill(route, foreign_records)).status_code
        expected = 403 if name in OVERSIGHT and not oversees else 200
        if name in CORRECTING and who != "leader_of_two":
            expected = 302
        assert status == expected, f"{name} as {who}: {status}"


def test_person_scoped_pages_answer_404_to_another_team(client, outsider, foreign_records) -> None:
    client.force_login(outsider)
    checked = 0
    before = AuditEvent.objects.count()
    counts = (
        Person.objects.count(),
        Relationship.objects.count(),
        Contact.objects.count(),
        Commitment.objects.count(),
    )
    for name, route, converters in project_patterns():
        if not converters & PERSON_SCOPED:
            continue
        path = fill(route, foreign_records)
        assert client.get(path).status_code == 404, f"GET {name} {path}"
        assert client.post(path, {"version": 1, "role": "x"}).status_code in (404, 405), f"POST {name}"
        checked += 1
    assert checked >= 10
    assert AuditEvent.objects.count() == before, "a refused request wrote an audit event"
    assert counts == (
        Person.objects.count(),
        Relationship.objects.count(),
        Contact.objects.count(),
        Commitment.objects.count(),
    )


def test_list_pages_do_not_show_another_teams_people(client, outsider, person, foreign_records) -> None:
    RelationshipFactory(person=person, contact=ContactFactory(given_name="Zebedee"))
    assert person.teams.get().name == "Willow House"
    client.force_login(outsider)
    for name, route, converters in project_patterns():
        if converters:
            continue
        response = client.get("/" + route)
        if response.status_code == 200:
            body = response.content.decode()
            assert "Peggy" not in body and "Zebedee" not in body, name


SELF_SERVICE = {"accounts:mfa_setup", "accounts:mfa_verify", "accounts:security"}  # one's own sign-in


def test_admin_only_pages_refuse_a_worker(client, worker, foreign_records) -> None:
    client.force_login(worker)
    for name, route, _ in project_patterns():
        if name.startswith(("accounts:", "consent:topic")) and name not in SELF_SERVICE:
            assert client.get(fill(route, foreign_records)).status_code == 403, name


def test_everything_but_log_in_needs_a_log_in(client, foreign_records) -> None:
    for name, route, _ in project_patterns():
        # The feed is reached by its secret; a forgotten password is reset without signing in.
        if name in ("login", "reminders:feed") or name.startswith("password_reset"):
            continue
        response = client.get(fill(route, foreign_records))
        assert response.status_code == 302 and "/accounts/login/" in response.url, name
