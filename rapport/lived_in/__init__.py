"""Years of records for every person: the benchmark's lived-in service (`manage.py bench_data`).

A page that is fast on a fresh demo can still be slow after five years, because a service
keeps everything: per person about 30 conversations, 15 things owed (nearly all closed), three
noticed changes, consent decisions renewed every other year, sharing under them, the odd
compliment or complaint, and 60 looks and edits in the audit trail, every year (people are
admitted over the years, so over five years the average record holds about 100
conversations, 50 things owed and 200 audit events). This adds
that history behind the demo's own records, with a fixed seed, in bulk (rapport/lib/bulk.py):
twenty thousand people in minutes, not hours. The audit events are chained like any others,
so `verify_audit` still holds.
"""

import random
from datetime import date

from django.db import connection, transaction

from audit.models import AuditEvent
from changes.models import Change
from commitments.models import Commitment
from consent.models import ConsentRecord, Disclosure
from feedback.models import Feedback
from interactions.models import Interaction
from interactions.services import record_last_contacts
from rapport.lib.bulk import reset_sequences, roomy_cache
from rapport.lived_in import records, trail
from rapport.lived_in.service import Clock, PerYear, read_service


@transaction.atomic
def load_years(
    years: int, seed: int = 2026, today: date | None = None, per_year: PerYear | None = None
) -> dict[str, int]:
    today, per_year = today or date.today(), per_year or PerYear()
    roomy_cache()
    rng = random.Random(seed)
    clock = Clock(rng, today)
    service = read_service(years, today)
    counts = {
        "conversations": records.conversations(rng, clock, service, per_year),
        "commitments": records.commitments(rng, clock, service, per_year),
        "changes": records.changes(rng, clock, service, per_year),
        "feedback": records.feedback(rng, clock, service, per_year),
    }
    counts |= trail.consent_and_sharing(rng, clock, service, per_year)
    counts["audit events"] = trail.audit_trail(rng, service, per_year, today)
    reset_sequences(Interaction, Commitment, Change, Feedback, ConsentRecord, Disclosure, AuditEvent)
    record_last_contacts()
    # The planners' statistics, as a service that has run for years has them (PostgreSQL's
    # autovacuum keeps them; on SQLite, `PRAGMA optimize` or ANALYZE does). Without them
    # SQLite walked every agreed rhythm of the service for one worker's lapsed contacts.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return counts
