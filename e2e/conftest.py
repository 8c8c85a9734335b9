"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server."""

import functools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

# pytest-playwright runs an event loop in the main thread; the ORM calls made by
# tests around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
PASSWORD = "correct-horse-battery"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "e2e" in item.path.parts:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def default_topics(request: pytest.FixtureRequest) -> None:
    """Live-server tests empty every table between tests, data migrations' rows too."""
    if "live_server" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        from consent.models import Topic
        from consent.topics import ensure_default_topics

        ensure_default_topics(Topic)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def console_errors(page: Page) -> Iterator[list[str]]:
    """Every page must run without script errors or Content-Security-Policy violations."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield errors
    assert errors == []


def log_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base}/")


def open_panel(page: Page, toggle: str) -> None:
    """On a phone the navigation and the account links sit behind the header's buttons."""
    button = page.locator(".top-toggle", has_text=toggle)
    if button.is_visible() and button.get_attribute("aria-expanded") != "true":
        button.click()


def record(page: Page, what: str) -> None:
    """The person page's "Record…" menu: everything but the one primary action."""
    page.get_by_text("Record…").click()
    page.locator(".menu-list").get_by_role("link", name=what).click()


def go_to(page: Page, section: str) -> None:
    open_panel(page, "Menu")
    page.get_by_role("navigation", name="Main").get_by_role("link", name=section, exact=True).click()


def log_out(page: Page) -> None:
    open_panel(page, "Account")
    page.get_by_role("button", name="Log out").click()


@functools.cache
def axe_source() -> str:
    """axe-core's script, read once for the whole run (it is half a megabyte)."""
    return AXE.read_text()


def assert_accessible(page: Page) -> None:
    """axe-core's WCAG 2.x A/AA rules; any violation fails with what and where."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}});
            const where = v => v.nodes.map(n => n.target.join(' ')).join(', ');
            return r.violations.map(v => `${v.id}: ${v.help} -> ${where(v)}`);
        }"""
    )
    assert result == [], f"{page.url}\n" + "\n".join(result)


def assert_fits_phone(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.viewport_size
    assert viewport is not None and width <= viewport["width"], f"{page.url} is {width}px wide"
