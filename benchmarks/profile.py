"""Where one page's time goes: `python -m benchmarks.profile --user amara /people/1/ ...`.

Measure before changing anything (issue 8). Runs in-process against a benchmark database
(DATABASE_URL, e.g. one that `make bench` built under .bench/) with production settings,
signed in as a member of staff, and prints per page: the median wall time, how many queries
and how long they took, the slowest queries, and the Python calls made, which stays steady
when the machine is busy and so shows whether a change saved work. `--tree` adds
pyinstrument's call tree for the last request.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rapport.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "profile-only-secret-" + "p" * 40)
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("RAPPORT_MFA", "false")
    import django

    django.setup()


class Queries:
    """Times every query the page runs (a connection execute wrapper)."""

    def __init__(self) -> None:
        self.seen: list[tuple[float, str]] = []

    def __call__(self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seen.append((time.perf_counter() - started, sql))


def profile_page(client: Any, path: str, repeat: int, tree: bool, slowest: int, functions: int) -> None:
    from django.db import connection

    headers = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_ACCEPT_ENCODING": "gzip"}
    client.get(path, **headers)  # warm caches: templates, URL resolver, prepared plans
    walls = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(path, **headers)
        walls.append(time.perf_counter() - started)
    queries = Queries()
    profiler = cProfile.Profile()
    with connection.execute_wrapper(queries):
        profiler.enable()
        client.get(path, **headers)
        profiler.disable()
    calls = pstats.Stats(profiler).total_calls  # type: ignore[attr-defined]
    sql_ms = sum(t for t, _ in queries.seen) * 1000
    print(
        f"{path}: {response.status_code}, median {statistics.median(walls) * 1000:.1f} ms,"
        f" {len(queries.seen)} queries in {sql_ms:.1f} ms, {calls:,} Python calls"
    )
    for took, sql in sorted(queries.seen, reverse=True)[:slowest]:
        print(f"  {took * 1000:6.2f} ms  {sql[:220]}")
    if functions:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(functions)
    if tree:
        from pyinstrument import Profiler

        with Profiler(interval=0.0005) as sampler:
            client.get(path, **headers)
        print(sampler.output_text(unicode=True, color=False, show_all=False))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--user", default="amara")
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--slowest", type=int, default=5, help="how many of the slowest queries to show")
    parser.add_argument("--functions", type=int, default=0, help="cProfile's top functions (cumulative)")
    parser.add_argument("--tree", action="store_true", help="pyinstrument's call tree of one request")
    args = parser.parse_args()
    _setup()
    from django.test import Client

    from accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username=args.user))
    for path in args.paths:
        profile_page(client, path, args.repeat, args.tree, args.slowest, args.functions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
