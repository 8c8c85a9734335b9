import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from accounts.models import User
from people.demo import DemoSize, load_demo
from people.models import Person


class _Rollback(Exception):
    pass


def _snapshot() -> list[tuple[str, str, str]]:
    return list(
        Person.objects.order_by("pk").values_list("preferred_name", "legal_family_name", "nhs_number")
    )


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_people() -> None:
    try:
        with transaction.atomic():
            load_demo(DemoSize(people=12, seed=7))
            first = _snapshot()
            raise _Rollback
    except _Rollback:
        pass
    assert not Person.objects.exists()
    counts = load_demo(DemoSize(people=12, seed=7))
    assert _snapshot() == first
    assert counts["people"] == 12 and counts["staff"] == 8
    assert all(nhs.startswith("999") for _, _, nhs in first)  # never issued by the NHS
    assert User.objects.get(username="chloe").memberships.filter(leads=True).count() == 2


@pytest.mark.django_db
def test_the_command_loads_once(capsys) -> None:
    call_command("demo_data", "--people", "5")
    call_command("demo_data", "--if-empty")
    assert "already loaded" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("demo_data")
    assert Person.objects.count() == 5
