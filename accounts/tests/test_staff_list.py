"""The administrators' staff list is searched and paginated: a provider has hundreds of
staff, and a page that listed them all grew with the provider."""

import pytest
from django.urls import reverse

from accounts.models import User
from rapport.testing.factories import UserFactory

PAGE = reverse("accounts:staff")


@pytest.fixture
def many_staff(team, settings) -> list[User]:
    settings.PAGE_SIZE = 5
    return [
        UserFactory(first_name=f"Worker{n:02d}", last_name="Hill", username=f"hill{n:02d}", teams=[team])
        for n in range(12)
    ]


def test_the_list_is_paginated(client, administrator, many_staff, django_assert_max_num_queries) -> None:
    client.force_login(administrator)
    with django_assert_max_num_queries(8):
        page = client.get(PAGE).content.decode()
    everyone = User.objects.count()
    pages = -(-everyone // 5)
    assert page.count("<tr><td>") == 5
    assert f"Page 1 of {pages}" in page and 'rel="next"' in page
    assert f"{everyone} members of staff" in page
    last = client.get(PAGE, {"page": "999"}).content.decode()  # past the end: the last page
    assert f"Page {pages} of {pages}" in last and last.count("<tr><td>") == everyone - 5 * (pages - 1)


def test_search_finds_by_name_username_or_job_title(client, administrator, many_staff, team) -> None:
    UserFactory(first_name="Priya", last_name="Shah", username="pshah", job_title="Night nurse", teams=[team])
    client.force_login(administrator)
    for query in ["priya", "SHAH", "pshah", "night nurse"]:
        page = client.get(PAGE, {"q": query}).content.decode()
        assert "1 member of staff" in page and "Priya Shah" in page, query
        assert "Worker01" not in page
    nothing = client.get(PAGE, {"q": "zzz"}).content.decode()
    assert "0 members of staff" in nothing and "No one found for “zzz”" in nothing


def test_search_as_you_type_answers_with_the_results_alone(client, administrator, many_staff) -> None:
    client.force_login(administrator)
    part = client.get(PAGE, {"q": "hill03"}, headers={"HX-Request": "true", "HX-Target": "results"})
    html = part.content.decode()
    assert "<h1>" not in html and 'id="results"' in html and "Worker03" in html
    assert 'hx-swap-oob="innerHTML"' in html and "1 member of staff" in html


def test_only_administrators(client, worker) -> None:
    client.force_login(worker)
    assert client.get(PAGE, {"q": "a"}).status_code == 403
