"""The person rule applies to every person a page names, not only the one in its URL.

Zebulon Quill is supported only by Northside. Records about him sit where Willow House staff
look all day: a meeting of their team, a call-back and a complaint they own, a contact and
a GP practice shared with Peggy's circle, thanks, signposting, a change they recorded.
Every page is walked, with Peggy's records in the URL, as each named user; Zebulon's name
must appear only for those who may open his record, and no look may be written against him
by anyone else.
"""

import pytest
from django.test import Client

from accounts.models import Team, User
from audit.models import AuditEvent
from people.access import people_visible_to
from people.models import Person
from rapport.testing.factories import (
    ChangeFactory,
    CommitmentFactory,
    ContactFactory,
    FeedbackFactory,
    InteractionFactory,
    MeetingFactory,
    OrganisationFactory,
    PersonFactory,
    RelationshipFactory,
    ServiceFactory,
    TeamFactory,
    UserFactory,
)
from rapport.testing.records import records_around
from rapport.testing.urlwalk import fill, project_patterns
from recognition.models import Recognition
from signposting.models import Signposting

HIDDEN = ("Zebulon", "Quill")
# Search-like parameters that might bring his name back on a list.
SEARCHES = [{}, {"q": "Zeb"}, {"q": "Qui"}, {"status": "all"}, {"page": "2"}]


@pytest.fixture
def staff(team: Team, other_team: Team, worker: User, administrator: User) -> dict[str, User]:
    third = TeamFactory(name="Riverside Supported Living")
    return {
        "worker": worker,
        # Leads Riverside, only a member of Willow House: sees Willow's people, oversees none.
        "leader_member": UserFactory(
            username="lena2", role=User.Role.LEADER, teams=[third], first_name="Lena", last_name="Member"
        ),
        "leader_of_both": UserFactory(username="chloe", role=User.Role.LEADER, teams=[team, other_team]),
        "worker_of_two": UserFactory(username="two", teams=[team, third]),
        "administrator": administrator,
    }


@pytest.fixture
def zebulon(other_team: Team, team: Team, person: Person, staff: dict[str, User]) -> Person:
    from accounts.models import Membership

    Membership.objects.create(user=staff["leader_member"], team=team, leads=False)
    zeb = PersonFactory(
        preferred_name="Zebulon", legal_given_names="Zebulon", legal_family_name="Quill", teams=[other_team]
    )
    worker = staff["worker"]
    practice = OrganisationFactory(name="Shared Street Surgery")
    shared_gp = ContactFactory(
        kind="practitioner", given_name="Asha", family_name="Shared", organisation=practice
    )
    for someone in (person, zeb):
        RelationshipFactory(person=someone, contact=shared_gp, group="practitioner", role="GP")
        RelationshipFactory(
            person=someone, contact=None, organisation=practice, group="partner", role="GP practice"
        )
    son = RelationshipFactory(
        person=zeb, role="Son", contact__given_name="Quentin", contact__family_name="Quill"
    )
    MeetingFactory(team=team, people=[person, zeb], title="Joint review", recorded_by=worker)
    CommitmentFactory(person=zeb, owner=worker, title="Ring his son back")
    FeedbackFactory(person=zeb, handler=worker, from_name="Quentin Quill")
    ChangeFactory(person=zeb, recorded_by=worker)
    InteractionFactory(person=zeb, staff=worker, with_kind="circle", relationship=son)
    Recognition.objects.create(
        kind=Recognition.Kind.THANKS,
        person=zeb,
        relationship=son,
        given_by=worker,
        what_for="Helped with the move",
    )
    Recognition.objects.create(
        kind=Recognition.Kind.COLLEAGUE,
        person=zeb,
        colleague=worker,
        given_by=staff["leader_of_both"],
        what_for="Stayed late",
    )
    Signposting.objects.create(person=zeb, service=ServiceFactory(), by=worker)
    return zeb


def _named_pages(client: Client, values: dict[str, object]) -> list[tuple[str, str]]:
    seen = []
    for name, route, _ in project_patterns():
        if name in ("logout", "reminders:feed"):
            continue
        for query in SEARCHES:
            response = client.get(fill(route, values), query)
            if response.status_code == 200 and response.get("Content-Type", "").startswith(
                ("text", "application/json")
            ):
                seen.append((f"{name} {query}", response.content.decode(errors="replace")))
    return seen


@pytest.mark.parametrize("who", ["worker", "leader_member", "worker_of_two"])
def test_no_page_names_someone_the_reader_may_not_see(client, staff, person, zebulon, who) -> None:
    user = staff[who]
    assert person in people_visible_to(user) and zebulon not in people_visible_to(user)
    values = records_around(person)
    client.force_login(user)
    for page, body in _named_pages(client, values):
        assert not any(name in body for name in HIDDEN), f"{page} names Zebulon to {who}"
    assert not AuditEvent.objects.filter(person=zebulon, actor=user).exists()


@pytest.mark.parametrize("who", ["leader_of_both", "administrator"])
def test_those_who_may_see_him_do(client, staff, zebulon, who) -> None:
    client.force_login(staff[who])
    assert "Quill" in client.get(f"/people/{zebulon.pk}/").content.decode()
