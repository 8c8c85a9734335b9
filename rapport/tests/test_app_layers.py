"""Apps depend on each other in one direction only: a composite page (My day, the person
page, the overview) reads from the domain apps, never the other way round. A cycle makes
every change to one app a change to the other, and hides behind imports inside functions,
so this reads every import the code makes, wherever it sits (inside `if TYPE_CHECKING:`
too: a type is a dependency).

Where the old cycles went: audit types its actor by settings.AUTH_USER_MODEL, not accounts;
consent hands the follow-up work it opens to commitments through consent.follow_up; share
packs and the contact page are composite pages in apps of their own."""

import ast
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]
SKIPPED = {"tests", "migrations", "management"}


def _imports(app: str, names: set[str]) -> set[str]:
    used: set[str] = set()
    for path in (ROOT / app).rglob("*.py"):
        if SKIPPED & set(path.relative_to(ROOT).parts) or path.name == "demo.py":
            continue  # tests and demo data may reach anywhere
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                used.add(node.module.split(".")[0])
            elif isinstance(node, ast.Import):
                used.update(alias.name.split(".")[0] for alias in node.names)
    return (used & names) - {app}


def test_no_import_cycles_between_apps() -> None:
    names = {c.name for c in apps.get_app_configs() if (ROOT / c.name).is_dir() and c.name != "rapport"}
    uses = {app: _imports(app, names) for app in names}
    cycles = {frozenset({a, b}) for a in names for b in uses[a] if a in uses[b]}
    assert not cycles, f"apps that import each other: {sorted(sorted(pair) for pair in cycles)}"


def test_the_person_page_is_a_room_of_its_own() -> None:
    """`people` knows only who a person is and who may see them."""
    names = {c.name for c in apps.get_app_configs() if (ROOT / c.name).is_dir()}
    assert _imports("people", names) <= {"accounts", "audit", "rapport"}
