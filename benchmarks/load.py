"""Drive a running Rapport with locust: `python -m benchmarks.load PLAN.json RESULT.json`.

Run by `benchmarks.run` in its own process (locust patches the standard library with gevent
when imported). Each simulated member of staff signs in through the real log-in form, then
asks for pages. Two kinds of phase, named in the plan:
- "mixed": every client walks its own pages in turn (the floor among them), pausing
  `think` seconds between them, as staff at work do, so all pages are measured in the same
  conditions, interleaved, and the times are those of the pages, not of a queue;
- "only": every client asks for that one page with no pause, to measure how many the
  machine can serve (its throughput alone).
"""

import itertools
import json
import random
import re
import sys
import time
from http.cookiejar import CookieJar
from pathlib import Path
from typing import Any

import gevent
from locust import FastHttpUser, task
from locust.env import Environment

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
HEADERS = {"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}
WARM_UP_AT_MOST = 120  # seconds


def _insecure(jar: CookieJar) -> None:
    """The app sets Secure cookies (it is served over HTTPS behind a proxy); the benchmark
    talks plain HTTP to gunicorn on loopback, as that proxy would, so the client must send
    them anyway."""
    for cookie in jar:
        cookie.secure = False


class Staff(FastHttpUser):
    think: tuple[float, float] = (0, 0)
    accounts: list[dict[str, Any]] = []
    only: str | None = None
    _next = itertools.count()
    ready = 0  # clients signed in (and, in the mixed phase, warmed up)

    def on_start(self) -> None:
        self.account = self.accounts[next(self._next) % len(self.accounts)]
        self.rng = random.Random(hash(self.account["username"]) ^ id(self))
        plain = {"X-Forwarded-Proto": "https"}  # the form is read, so not compressed
        page = self.client.get("/accounts/login/", headers=plain, name="sign in (page)")
        _insecure(self.client.cookiejar)
        token = CSRF.search(page.text or "")
        origin = {"Origin": f"https://{str(self.host).split('://', 1)[1]}"}
        response = self.client.post(
            "/accounts/login/",
            data={
                "username": self.account["username"],
                "password": self.account["password"],
                "csrfmiddlewaretoken": token.group(1) if token else "",
            },
            headers={**plain, **origin},
            name="sign in",
            allow_redirects=False,
        )
        if response.status_code != 302:
            raise RuntimeError(f"{self.account['username']} could not sign in ({response.status_code})")
        _insecure(self.client.cookiejar)
        names = [self.only] if self.only else list(self.account["pages"])
        if not self.only:
            self._warm_up(names)
        start = self.rng.randrange(len(names))
        self.order = itertools.cycle(names[start:] + names[:start])
        Staff.ready += 1

    def _warm_up(self, names: list[str]) -> None:
        """Each of this client's pages once, before anything is measured: what a service
        that has been running has already read into memory. The benchmark's databases are
        built or reused just before a run, and the other database's runs may have pushed
        them out of the system's file cache: a leader's first overview at 20,000 people
        read 1.4 to 1.7 s from disk, and that one request was the overview's p99."""
        for name in names:
            path = self.rng.choice(self.account["pages"][name])
            self.client.get(path, headers=HEADERS, name="warm-up", allow_redirects=False)
            _insecure(self.client.cookiejar)

    def wait_time(self) -> float:
        """A pause between pages in the mixed phase; none when a page is driven alone."""
        return self.rng.uniform(*self.think) if not self.only and self.think[1] else 0.0

    @task
    def visit(self) -> None:
        name = next(self.order)
        path = self.rng.choice(self.account["pages"][name])
        with self.client.get(
            path, headers=HEADERS, name=name, allow_redirects=False, catch_response=True
        ) as response:
            _insecure(self.client.cookiejar)  # a renewed session cookie comes back Secure
            if response.status_code != 200:
                where = response.headers.get("Location", "")
                response.failure(f"{path}: {response.status_code} {where}")


def run_phase(
    host: str,
    accounts: list[dict[str, Any]],
    users: int,
    seconds: float,
    warmup: float,
    only: str | None,
    think: tuple[float, float] = (0, 0),
) -> dict[str, dict[str, Any]]:
    Staff.accounts = [a for a in accounts if only is None or only in a["pages"]]
    Staff.only = only
    Staff.think = think
    Staff._next = itertools.count()
    Staff.ready = 0
    env = Environment(user_classes=[Staff], host=host)
    runner = env.create_local_runner()
    runner.start(users, spawn_rate=users)
    gevent.sleep(warmup)
    waited = time.monotonic()
    while Staff.ready < users and time.monotonic() - waited < WARM_UP_AT_MOST:
        gevent.sleep(0.2)  # every client signed in and through its warm-up
    env.stats.reset_all()
    started = time.monotonic()
    gevent.sleep(seconds)
    elapsed = time.monotonic() - started
    runner.quit()
    results: dict[str, dict[str, Any]] = {}
    for (name, _method), entry in env.stats.entries.items():
        if name.startswith(("sign in", "warm-up")) or not entry.num_requests:
            continue
        results[name] = {
            "requests": entry.num_requests,
            "failures": entry.num_failures,
            "per_second": round(entry.num_requests / elapsed, 1),
            "p50": entry.get_response_time_percentile(0.50),
            "p95": entry.get_response_time_percentile(0.95),
            "p99": entry.get_response_time_percentile(0.99),
            "mean": round(entry.avg_response_time, 1),
        }
    errors = [f"{e.name}: {e.error}" for e in env.stats.errors.values()][:5]
    if errors:
        results["_errors"] = {"examples": errors}
    return results


def main() -> int:
    plan = json.loads(Path(sys.argv[1]).read_text())
    result = run_phase(
        plan["host"],
        plan["accounts"],
        plan["users"],
        plan["seconds"],
        plan["warmup"],
        plan.get("only"),
        tuple(plan.get("think", (0, 0))),
    )
    with open(sys.argv[2], "w") as out:
        json.dump(result, out, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
