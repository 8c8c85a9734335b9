"""The browser checks themselves must fail on a bad page."""

import pytest
from playwright.sync_api import Page

from e2e.conftest import assert_accessible, assert_fits_phone


def test_axe_reports_an_unlabelled_input(page: Page) -> None:
    page.set_content('<html lang="en"><title>t</title><main><input type="text"></main></html>')
    with pytest.raises(AssertionError, match="label"):
        assert_accessible(page)


def test_a_page_wider_than_a_phone_is_reported(page: Page) -> None:
    page.set_viewport_size({"width": 360, "height": 700})
    page.set_content('<html lang="en"><title>t</title><main><div style="width:600px">x</div></main></html>')
    with pytest.raises(AssertionError, match=r"\d+px wide"):
        assert_fits_phone(page)
