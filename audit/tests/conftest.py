import pytest

from audit.models import AuditEvent
from audit.services import audit_record


@pytest.fixture
def trail(worker, person) -> list[AuditEvent]:
    return [
        audit_record(actor=worker, action="view", obj=person, person_id=person.pk, summary=f"Viewed {n}")
        for n in range(6)
    ]
