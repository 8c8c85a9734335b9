"""The load benchmark: `make bench` (SQLite) and `make bench DB=postgres`.

For each size (1,000 and 20,000 people by default) it builds a lived-in service once
(`manage.py bench_data`: five years of records per person; kept under .bench/ and reused),
serves it with gunicorn and production settings, and drives it with 8 simultaneous members
of staff (locust, benchmarks/load.py):

1. a mixed phase: every page, the floor among them, interleaved, each client pausing about
   half a second between pages (--think): p50/p95/p99 per page. Without the pause, eight
   clients on two cores measure the queue, not the page: every page, the floor included,
   then waits behind seven others;
2. one short phase per page alone, no pause: its throughput, as a share of the floor's.

The floor is /accounts/session/: the session, its user, nothing about anyone; what any
signed-in page costs at least on this machine. Also the peak memory of a worker process,
and what an audit event costs to write as the trail grows (benchmarks/audit_insert.py).
Results go to bench-results/<time>-<db>.json; the exit status is 1 when a goal is missed.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path
from typing import Any

from benchmarks.plan import KEY_PAGES
from rapport.testing.gunicorn import Server, free_port

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".bench"
KEY_P95_MS, OTHER_P95_MS = 50, 100
FLOOR_SHARE = 0.5
GROWTH = 1.3
NOISE_MS = 5  # below this, a difference in p95 between sizes is noise, not growth
PG_URL = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/")


def _env(database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "RAPPORT_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="rapport.settings",
        DJANGO_SECRET_KEY="benchmark-only-secret-" + "b" * 40,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        DJANGO_STATIC_ROOT=str(CACHE / "static"),
        RAPPORT_PROXY_COUNT="1",
        RAPPORT_MFA="false",  # the simulated leaders have no authenticator
    )
    return env


def _manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout


def dataset(db: str, people: int, years: int, rebuild: bool) -> tuple[str, float | None]:
    """The database URL of a lived-in service of this size, built if missing."""
    name = f"rapport_bench_{people}p_{years}y"
    if db == "postgres":
        url, exists = PG_URL + name, _pg_exists(name)
    else:
        path = CACHE / f"{name}.sqlite3"
        url, exists = f"sqlite:///{path}", path.exists()
    if exists and not rebuild:
        _manage(_env(url), "migrate", "--noinput")
        return url, None
    if db == "postgres":
        _psql(f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"')
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    env = _env(url)
    started = time.monotonic()
    _manage(env, "migrate", "--noinput")
    print(_manage(env, "bench_data", "--people", str(people), "--years", str(years)).strip(), flush=True)
    return url, time.monotonic() - started


def _psql(*statements: str) -> str:
    command = ["psql", PG_URL + "postgres", "-qAt"]
    for statement in statements:
        command += ["-c", statement]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def _pg_exists(name: str) -> bool:
    return _psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'").strip() == "1"


def _load(
    host: str,
    accounts: list[dict[str, Any]],
    args: argparse.Namespace,
    seconds: float,
    only: str | None = None,
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as scratch:
        plan, out = Path(scratch) / "plan.json", Path(scratch) / "out.json"
        plan.write_text(
            json.dumps(
                {
                    "host": host,
                    "accounts": accounts,
                    "users": args.users,
                    "seconds": seconds,
                    "warmup": args.warmup,
                    "only": only,
                    "think": [args.think / 2, args.think * 1.5],
                }
            )
        )
        subprocess.run([sys.executable, "-m", "benchmarks.load", str(plan), str(out)], cwd=ROOT, check=True)
        return dict(json.loads(out.read_text()))


def measure(db: str, people: int, args: argparse.Namespace) -> dict[str, Any]:
    url, built_in = dataset(db, people, args.years, args.rebuild)
    env = _env(url)
    reference_before = machine_reference_ms()
    _manage(env, "collectstatic", "--noinput")  # quick when nothing changed; new files otherwise 500
    accounts = _module_json(env, "benchmarks.plan")["accounts"]
    audit_insert = _module_json(env, "benchmarks.audit_insert")
    with Server(env, free_port(), workers=args.workers) as server:
        print(f"== {db}, {people} people: mixed phase, {args.users} clients, {args.seconds}s", flush=True)
        mixed = _load(server.url, accounts, args, args.seconds)
        alone = {}
        for page in [name for name in mixed if not name.startswith("_")]:
            alone[page] = _load(server.url, accounts, args, args.page_seconds, only=page).get(page, {})
        memory, own_memory = server.peak_worker_memory_mb(), server.worker_own_memory_mb()
    floor = alone.get("floor", {}).get("per_second") or 0
    for page, stats in mixed.items():
        if not page.startswith("_"):
            capacity = alone.get(page, {}).get("per_second", 0)
            stats["alone_per_second"] = capacity
            stats["share_of_floor"] = round(capacity / floor, 2) if floor else 0
    return {
        "db": db,
        "people": people,
        "years": args.years,
        "built_in_s": built_in,
        "pages": mixed,
        "peak_worker_mb": memory,
        "worker_own_mb": own_memory,
        "audit_insert": audit_insert,
        "machine_reference_ms": [reference_before, machine_reference_ms()],
    }


def machine_reference_ms() -> float:
    """The same fixed piece of pure Python, timed on this machine (best of seven): how fast
    the machine itself is, so that runs on different machines can be compared. Machines
    lent for a session differ: the same commit's pages have measured twice as slow on one
    whose reference was twice as long."""
    runs = timeit.repeat("sum(i * i for i in range(200_000))", number=1, repeat=7)
    return round(min(runs) * 1000, 1)


def _module_json(env: dict[str, str], module: str) -> Any:
    done = subprocess.run(
        [sys.executable, "-m", module], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout)


def judge(runs: list[dict[str, Any]]) -> list[str]:
    """Every goal the issue sets, as a list of what was missed."""
    missed = []
    largest, smallest = runs[-1], runs[0]
    for page, stats in largest["pages"].items():
        if page.startswith("_") or page == "floor":
            continue
        goal = KEY_P95_MS if page in KEY_PAGES else OTHER_P95_MS
        if stats["p95"] > goal:
            missed.append(f"{page}: p95 {stats['p95']} ms > {goal} ms")
        if stats["failures"]:
            missed.append(f"{page}: {stats['failures']} failed requests")
        if stats["share_of_floor"] < FLOOR_SHARE:
            missed.append(
                f"{page}: {stats['share_of_floor']:.0%} of the floor's throughput < {FLOOR_SHARE:.0%}"
            )
        small = smallest["pages"].get(page)
        if small and largest is not smallest:
            grew = stats["p95"] / max(1, small["p95"])
            stats["growth"] = round(grew, 2)
            if grew > GROWTH and stats["p95"] - small["p95"] > NOISE_MS:
                missed.append(f"{page}: p95 grew {grew:.2f}x from {smallest['people']} people > {GROWTH}x")
    audit_small, audit_large = smallest.get("audit_insert") or {}, largest.get("audit_insert") or {}
    if audit_small and audit_large and largest is not smallest:
        for what in ("one_event_ms", "list_of_25_ms"):
            grew = audit_large[what] / max(0.01, audit_small[what])
            if grew > GROWTH and audit_large[what] - audit_small[what] > 1:
                missed.append(f"audit insert ({what}): grew {grew:.2f}x from {smallest['people']} people")
    if "_errors" in largest["pages"]:
        missed.append(f"errors: {largest['pages']['_errors']}")
    return missed


def report(runs: list[dict[str, Any]]) -> None:
    for run in runs:
        print(
            f"\n{run['db']}, {run['people']} people, {run['years']} years"
            f" (peak worker memory {run['peak_worker_mb']} MB, its own {run.get('worker_own_mb', '?')} MB;"
            f" machine reference {'/'.join(map(str, run.get('machine_reference_ms', ['?'])))} ms"
            " before/after)"
        )
        print(
            f"{'page':<18}{'p50':>6}{'p95':>6}{'p99':>6}{'n':>6}{'req/s':>8}{'alone/s':>9}{'floor%':>8}"
            f"{'growth':>8}"
        )
        audit = run.get("audit_insert") or {}
        if audit:
            print(
                f"audit insert ({audit['rows']:,} events, fastest tenth / median): one event"
                f" {audit['one_event_ms']} / {audit.get('one_event_median_ms', '?')} ms, a list of 25"
                f" people {audit['list_of_25_ms']} / {audit.get('list_of_25_median_ms', '?')} ms"
            )
        for page, s in run["pages"].items():
            if page.startswith("_"):
                continue
            growth = f"{s['growth']:.2f}" if "growth" in s else ""
            print(
                f"{page:<18}{s['p50']:>6.0f}{s['p95']:>6.0f}{s['p99']:>6.0f}{s['requests']:>6}"
                f"{s['per_second']:>8.1f}"
                f"{s['alone_per_second']:>9.1f}{s['share_of_floor']:>8.0%}{growth:>8}"
            )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", choices=["sqlite", "postgres"], default=os.environ.get("DB") or "sqlite")
    parser.add_argument("--sizes", default="1000,20000", help="people, comma-separated, smallest first")
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--users", type=int, default=8, help="simultaneous members of staff")
    parser.add_argument(
        "--seconds", type=float, default=150, help="length of the mixed phase (a leader's pages: ~45 samples)"
    )
    parser.add_argument("--page-seconds", type=float, default=8, help="length of each page-alone phase")
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument(
        "--think", type=float, default=0.5, help="mean pause between a client's pages in the mixed phase (s)"
    )
    parser.add_argument(
        "--workers", type=int, default=3, help="gunicorn workers (the README's production count)"
    )
    parser.add_argument("--rebuild", action="store_true", help="build the datasets again")
    parser.add_argument("--no-goals", action="store_true", help="report only (a quick smoke run)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results")
    args = parser.parse_args()
    CACHE.mkdir(exist_ok=True)
    runs = [measure(args.db, int(size), args) for size in args.sizes.split(",")]
    missed = judge(runs)
    report(runs)
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"{time.strftime('%Y%m%d-%H%M%S')}-{args.db}.json"
    target.write_text(json.dumps({"runs": runs, "missed": missed}, indent=2))
    print(f"\nResults: {target}")
    if missed and not args.no_goals:
        print("Goals missed:\n  " + "\n  ".join(missed))
        return 1
    print("Every goal met." if not missed else "Goals not judged (--no-goals).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
