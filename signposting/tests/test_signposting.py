from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from commitments.models import Commitment
from rapport.testing.factories import RelationshipFactory, ServiceFactory
from signposting.models import Service, Signposting


def test_signposting_a_carer_with_a_follow_up(client, worker, person) -> None:
    daughter = RelationshipFactory(person=person, role="Daughter")
    centre = ServiceFactory(name="Riverside Carers' Centre")
    client.force_login(worker)
    follow_up = (timezone.localdate() + timedelta(days=14)).isoformat()
    response = client.post(
        reverse("signposting:signpost", args=[person.pk]),
        {
            "to": f"rel:{daughter.pk}",
            "service": centre.pk,
            "signposted_on": timezone.localdate().isoformat(),
            "follow_up": "on",
            "follow_up_on": follow_up,
        },
    )
    assert response.status_code == 302
    record = Signposting.objects.get()
    assert (record.relationship, record.service, record.by) == (daughter, centre, worker)
    follow = Commitment.objects.get()
    assert (
        follow.title == "Ask whether Riverside Carers' Centre helped"
        and follow.owed_to_relationship == daughter
    )
    page = client.get(reverse("person:page", args=[person.pk])).content.decode()
    assert "Riverside Carers&#x27; Centre" in page


def test_a_follow_up_needs_a_date(client, worker, person) -> None:
    centre = ServiceFactory()
    client.force_login(worker)
    response = client.post(
        reverse("signposting:signpost", args=[person.pk]),
        {
            "to": "person",
            "service": centre.pk,
            "signposted_on": timezone.localdate().isoformat(),
            "follow_up": "on",
        },
    )
    assert "Say when to follow up" in response.content.decode()
    assert not Signposting.objects.exists()


def test_the_directory_is_searchable_and_closed_services_hidden(client, worker) -> None:
    ServiceFactory(name="Money Advice Hub", topic="money", helps_with="Benefits checks and debt advice")
    ServiceFactory(name="Old Lunch Club", topic="social", is_active=False)
    client.force_login(worker)
    body = client.get(reverse("signposting:services"), {"q": "debt"}).content.decode()
    assert "Money Advice Hub" in body
    assert "Old Lunch Club" not in client.get(reverse("signposting:services")).content.decode()


def test_adding_and_editing_a_service(client, worker, teammate) -> None:
    client.force_login(worker)
    client.post(
        reverse("signposting:service_create"),
        {
            "name": "Dementia Café",
            "topic": "dementia",
            "helps_with": "Monthly café",
            "how_to_contact": "Drop in",
        },
    )
    cafe = Service.objects.get()
    client.force_login(teammate)
    form = {
        "name": "Dementia Café",
        "topic": "dementia",
        "helps_with": "x",
        "how_to_contact": "y",
        "version": 1,
    }
    client.post(reverse("signposting:service_edit", args=[cafe.pk]), {**form, "area": "North"})
    client.force_login(worker)
    response = client.post(reverse("signposting:service_edit", args=[cafe.pk]), {**form, "area": "South"})
    assert "Someone else saved this record" in response.content.decode()
    cafe.refresh_from_db()
    assert cafe.area == "North"
