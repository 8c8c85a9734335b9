"""What writing to the audit trail costs on this dataset: `python -m benchmarks.audit_insert`.

Every page that shows a person writes audit events, so the insert must stay cheap as the
trail grows to tens of millions of rows: each index on it is one more write per event. Run
by `benchmarks.run` against each benchmark database (DATABASE_URL); prints JSON. The events
are written in a transaction that is rolled back, so the dataset is left as it was.
"""

import json
import os
import statistics
import sys
import time

ROUNDS = 200


def _undisturbed(times: list[float]) -> float:
    """The tenth percentile: what a write costs when nothing else holds the machine. Each
    size is measured once, minutes apart, and on a shared machine the median moved by half
    between two runs of the same database (the larger trail measured both faster and slower
    than the smaller); the growth the goal is about is a cost that every write pays, which
    the fastest tenth still shows."""
    return round(statistics.quantiles(times, n=10)[0], 2)


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rapport.settings")
    import django

    django.setup()
    from django.db import transaction

    from accounts.models import User
    from audit.models import AuditEvent
    from audit.services import audit_record, audit_shown
    from people.models import Person

    actor = User.objects.filter(is_active=True).order_by("pk").first()
    people = list(Person.objects.order_by("pk").values_list("pk", flat=True)[:25])
    if actor is None or not people:
        print(json.dumps({}))
        return 0
    one, list_of_25 = [], []
    rows = AuditEvent.objects.count()
    with transaction.atomic():
        for n in range(ROUNDS):
            person = Person(pk=people[n % len(people)])
            started = time.perf_counter()
            audit_record(actor=actor, action=AuditEvent.Action.VIEW, obj=person, summary="Viewed profile")
            one.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            audit_shown(actor=actor, people=people, summary="Shown")
            list_of_25.append((time.perf_counter() - started) * 1000)
        transaction.set_rollback(True)
    json.dump(
        {
            "rows": rows,
            "one_event_ms": _undisturbed(one),
            "list_of_25_ms": _undisturbed(list_of_25),
            "one_event_median_ms": round(statistics.median(one), 2),
            "list_of_25_median_ms": round(statistics.median(list_of_25), 2),
        },
        sys.stdout,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
