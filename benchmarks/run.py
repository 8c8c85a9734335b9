"""Speed and query goals on a large synthetic service: `make bench`.

Builds a scratch SQLite database (or uses BENCH_DATABASE_URL) with --people people,
then times the busy pages as a team leader. Exits non-zero if a goal is missed.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

GOALS_MS = {  # median response time at 20,000 people, on a 2-core machine
    "people list": 150,
    "people search": 250,
    "person page": 100,
    "contacts list": 250,
    "my day (leader)": 400,
    "my day (worker)": 300,
    "complaints": 200,
    "meetings": 150,
    "timeline": 100,
    "consent page": 150,
}
MAX_QUERIES = 25


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    scratch = tempfile.mkdtemp(prefix="rapport-bench-")
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{Path(scratch) / 'bench.sqlite3'}"
    )
    os.environ["DJANGO_SETTINGS_MODULE"] = "rapport.settings_test"
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User
    from people.access import people_visible_to

    call_command("migrate", verbosity=0)
    started = time.monotonic()
    with open(os.devnull, "w") as quiet:
        call_command("demo_data", people=args.people, stdout=quiet)
    print(f"demo data: {args.people} people in {time.monotonic() - started:.1f}s")

    leader = User.objects.get(username="chloe")
    visible = people_visible_to(leader)
    person = visible.order_by("pk")[len(visible) // 2]
    client = Client()
    client.force_login(leader)
    worker = Client()
    worker.force_login(User.objects.get(username="amara"))
    pages = {
        "people list": (client, "/people/"),
        "people search": (client, "/people/?q=an"),
        "person page": (client, f"/people/{person.pk}/"),
        "contacts list": (client, "/contacts/"),
        "my day (leader)": (client, "/"),
        "my day (worker)": (worker, "/"),
        "complaints": (client, "/feedback/"),
        "meetings": (client, "/meetings/"),
        "timeline": (client, f"/people/{person.pk}/timeline/"),
        "consent page": (client, f"/people/{person.pk}/consent/"),
    }
    failed = False
    print(f"{'page':<16}{'median ms':>10}{'p95 ms':>9}{'queries':>9}{'goal ms':>9}")
    for name, (browser, path) in pages.items():
        browser.get(path)  # warm caches
        timings = []
        for _ in range(args.repeat):
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                t0 = time.perf_counter()
                response = browser.get(path)
                timings.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        median = statistics.median(timings)
        p95 = sorted(timings)[max(0, int(len(timings) * 0.95) - 1)]
        count = len(queries.captured_queries)
        ok = median <= GOALS_MS[name] and count <= MAX_QUERIES
        failed |= not ok
        print(
            f"{name:<16}{median:>10.1f}{p95:>9.1f}{count:>9}{GOALS_MS[name]:>9}  {'ok' if ok else 'MISSED'}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
