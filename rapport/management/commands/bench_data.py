"""A lived-in service for the benchmark: `manage.py bench_data --people N --years Y`."""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import Team
from people.demo import DemoSize, load_demo
from rapport.lived_in import load_years


class Command(BaseCommand):
    help = (
        "Load the demo service at the given size, then years of records behind it (fixed seed): "
        "about 100 conversations, 50 things owed and 200 audit events per person over five years."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--people", type=int, default=20000, help="How many people supported.")
        parser.add_argument("--years", type=int, default=5, help="Years of history behind each record.")
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (same seed, same data).")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["people"] < 1 or not 0 <= options["years"] <= 30:
            raise CommandError("--people must be at least 1 and --years between 0 and 30.")
        if Team.objects.exists():
            raise CommandError("The database already has data. Use a fresh database for benchmark data.")
        started = time.monotonic()
        demo = load_demo(DemoSize(people=options["people"], seed=options["seed"]))
        self.stdout.write(f"Demo service: {demo['people']} people in {time.monotonic() - started:.1f}s.")
        history = load_years(options["years"], seed=options["seed"])
        summary = ", ".join(f"{n} {what}" for what, n in history.items())
        self.stdout.write(self.style.SUCCESS(f"Added {summary}; {time.monotonic() - started:.1f}s in all."))
