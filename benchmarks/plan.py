"""Who the benchmark signs in as, and which pages each asks for: `python -m benchmarks.plan`.

Run against the benchmark database (DATABASE_URL) by `benchmarks.run`; prints JSON. Each
account asks only for what it may see: its own caseload's person pages, searches for
surnames in its own teams, My day as a worker or as a leader.
"""

import json
import os
import sys
from typing import Any

WORKERS = ["amara", "dan", "ben", "priya", "worker0001", "worker0002"]
LEADERS = ["chloe", "noah"]
PER_ACCOUNT = 40
# The pages with the strictest goal (p95 at most 50 ms): those a worker opens all day.
KEY_PAGES = [
    "my day (worker)",
    "my day (leader)",
    "person page",
    "timeline",
    "people list",
    "search",
    "consent page",
]


def _pages(user: Any, leader: bool) -> dict[str, list[str]]:
    from people.access import people_visible_to

    visible = people_visible_to(user).filter(status="active")
    mine = list(visible.filter(key_worker=user).order_by("pk").values_list("pk", flat=True)[:PER_ACCOUNT])
    if len(mine) < PER_ACCOUNT:
        step = max(1, visible.count() // PER_ACCOUNT)
        mine += list(visible.order_by("pk").values_list("pk", flat=True)[::step][: PER_ACCOUNT - len(mine)])
    surnames = visible.order_by("pk").values_list("legal_family_name", flat=True)[:PER_ACCOUNT]
    pages = {
        "floor": ["/accounts/session/"],
        "my day (leader)" if leader else "my day (worker)": ["/"],
        "person page": [f"/people/{pk}/" for pk in mine],
        "timeline": [f"/people/{pk}/timeline/" for pk in mine],
        "consent page": [f"/people/{pk}/consent/" for pk in mine],
        "people list": ["/people/"],
        "search": [f"/people/?q={name[:4].lower()}" for name in surnames],
        "contacts": ["/contacts/"],
        "complaints": ["/feedback/"],
        "meetings": ["/meetings/"],
    }
    if leader:
        pages["colleagues"] = ["/colleagues/"]
        pages["overview"] = ["/overview/"]
    return pages


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rapport.settings")
    import django

    django.setup()
    from accounts.demo import DEMO_PASSWORD
    from accounts.models import User

    accounts = []
    for username in WORKERS + LEADERS:
        user = User.objects.filter(username=username).first()
        if user is not None:
            pages = _pages(user, leader=username in LEADERS)
            accounts.append({"username": username, "password": DEMO_PASSWORD, "pages": pages})
    json.dump({"accounts": accounts}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
