"""The header on a desktop is one row too (issue 9, item 1): brand, the navigation, the
account button; tabbing goes left to right; at 400 % zoom (1280 px / 4 = 320 CSS px wide,
200 tall) the content keeps most of the screen."""

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import assert_accessible, log_in

pytestmark = pytest.mark.django_db(transaction=True)

# The left edge of each focusable thing in the header, in tab order (hidden ones are skipped).
TAB_ORDER_X = """() => [...document.querySelectorAll('header.top a, header.top button')]
    .filter(e => e.offsetParent !== null).map(e => e.getBoundingClientRect().left)"""


def header_height(page: Page) -> float:
    box = page.locator("header.top").bounding_box()
    assert box is not None
    return box["height"]


def test_one_row_on_a_desktop(live_server, page: Page, leader, console_errors) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    log_in(page, live_server.url, "leader")
    assert header_height(page) <= 64
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Overview")).to_be_visible()
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    lefts = page.evaluate(TAB_ORDER_X)
    assert len(lefts) >= 10 and lefts == sorted(lefts), lefts  # focus order is the order seen
    account = page.get_by_role("button", name="Account: Lena")
    expect(page.get_by_role("button", name="Log out")).to_be_hidden()
    account.click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    assert_accessible(page)
    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name="Log out")).to_be_hidden()
    expect(account).to_be_focused()


def test_a_navigation_too_long_for_the_row_folds_behind_menu(
    live_server, page: Page, administrator, console_errors
) -> None:
    """An administrator's twelve links do not fit beside the brand at 1280 px."""
    page.set_viewport_size({"width": 1280, "height": 800})
    log_in(page, live_server.url, administrator.username)
    assert header_height(page) <= 64
    page.get_by_role("button", name="Menu").click()
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Audit check")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("who", ["worker", "leader"])
def test_at_400_percent_zoom_the_content_has_most_of_the_screen(
    live_server, page: Page, who, worker, leader, console_errors
) -> None:
    page.set_viewport_size({"width": 320, "height": 200})
    log_in(page, live_server.url, who)
    assert header_height(page) <= 64  # under a third of the 200 px
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
