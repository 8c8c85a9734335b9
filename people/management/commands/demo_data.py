"""Load synthetic demo data: `manage.py demo_data [--people N] [--seed S] [--if-empty]`."""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import Team
from people.demo import DemoSize, load_demo


class Command(BaseCommand):
    help = "Load synthetic demo data (fixed seed). Use --people 20000 for benchmarks."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--people", type=int, default=60, help="How many people supported.")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (same seed, same data).")
        parser.add_argument("--if-empty", action="store_true", help="Do nothing if data already exists.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["people"] < 1:
            raise CommandError("--people must be at least 1")
        if Team.objects.exists():
            if options["if_empty"]:
                self.stdout.write("Demo data already loaded; leaving it as it is.")
                return
            raise CommandError("The database already has data. Use a fresh database for demo data.")
        started = time.monotonic()
        counts = load_demo(DemoSize(people=options["people"], seed=options["seed"]))
        took = time.monotonic() - started
        summary = ", ".join(f"{n} {what}" for what, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Loaded {summary} in {took:.1f}s."))
