"""Check the audit trail's chain and seals; exit 1 at the first broken link."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from audit.chain import verify


class Command(BaseCommand):
    help = "Check that no audit event was changed, deleted or inserted since it was written."

    def handle(self, *args: Any, **options: Any) -> None:
        report = verify()
        if not report.intact:
            raise CommandError(
                f"Audit trail broken at event {report.broken_at}: {report.problem} "
                f"({report.checked} events checked before it)."
            )
        self.stdout.write(f"Audit trail intact: {report.checked} events checked.")
