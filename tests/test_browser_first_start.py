"""A deep link as the very first request of a fresh server opens its page, never Streamlit's English
"Page not found" (app.py's hidden default page, and the page scripts in views/ rather than pages/)."""

from __future__ import annotations

import shutil

import pytest

from tests.browser_helpers import start_server, stop_server, wait_idle

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("path", "title"), [("tong-quan", "Tổng quan"), ("muc-tieu", "Mục tiêu")])
def test_a_deep_link_first_on_a_fresh_server_opens_its_page(sample_db, page, tmp_path, path, title):
    db = tmp_path / "ntm.duckdb"
    shutil.copy(sample_db, db)
    proc, base = start_server(db)  # a server of its own: this is its first session
    try:
        page.goto(f"{base}/{path}")
        wait_idle(page)
        page.locator("h1").first.wait_for(timeout=60_000)
        page.wait_for_timeout(1000)
        dialogs = page.get_by_role("dialog").all_inner_texts()
        heading = page.locator("h1").first.inner_text()
        url = page.url
    finally:
        stop_server(proc)
    assert dialogs == []  # Streamlit's "Page not found" is a dialog
    assert heading.startswith(title) and f"/{path}" in url
