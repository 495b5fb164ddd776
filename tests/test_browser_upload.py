"""The guided upload in the real server and Debian's chromium: a file whose table detection cannot find, the
mapping step (the user picks the header row), the check, the change list, one confirmation, and a revert
confirmed after the page said what it removes. Screenshots of each step are saved as test artefacts."""

from __future__ import annotations

import re

import pytest

from tests.browser_helpers import ARTIFACTS, wait_idle
from tests.helpers import preamble_book

pytestmark = pytest.mark.browser  # the shared server of this worker (tests/conftest.py)


def _pick(page, label: str, option: str) -> None:
    """Choose ``option`` in the Streamlit select box labelled ``label`` (typed: long lists are virtual)."""
    box = page.get_by_test_id("stSelectbox").filter(has_text=label).first
    box.locator("input").click()
    page.keyboard.type(option)
    page.get_by_role("option", name=option, exact=True).first.click()
    wait_idle(page)


def test_a_guided_upload_through_mapping_check_change_list_confirm_and_revert(server, page, tmp_path):
    base, _ = server
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "van-quan-loi-dan-5-2020.xlsx"
    path.write_bytes(preamble_book(5))
    page.goto(f"{base}/tai-du-lieu?district=184&period=2020-05&mode=month")
    wait_idle(page)
    if page.get_by_role("dialog").count():  # a fresh server's first "Page not found" notice
        page.keyboard.press("Escape")
    page.get_by_test_id("stFileUploader").locator("input[type=file]").set_input_files(str(path))
    page.get_by_text("Hệ thống chưa chắc cách đọc trang này").wait_for(timeout=90_000)
    wait_idle(page)
    page.screenshot(path=str(ARTIFACTS / "tai-du-lieu-1-doc-bang.png"), full_page=True)

    _pick(page, "Dòng tiêu đề (ghi tiêu chí)", "38")
    page.get_by_role("button", name="Kiểm tra lại").click()
    page.get_by_text("Tệp hợp lệ: 266 dòng của 14 xã").wait_for(timeout=90_000)
    wait_idle(page)
    assert page.get_by_test_id("stException").count() == 0
    page.screenshot(path=str(ARTIFACTS / "tai-du-lieu-2-thay-doi.png"), full_page=True)

    page.get_by_role("button", name="Xác nhận nạp").click()
    page.get_by_text("Đã nạp 266 dòng của 14 xã").wait_for(timeout=90_000)
    wait_idle(page)
    page.screenshot(path=str(ARTIFACTS / "tai-du-lieu-3-da-nap.png"), full_page=True)

    confirm = page.get_by_role("button", name="Xác nhận hoàn tác")
    assert confirm.is_disabled()  # no upload preselected
    box = page.get_by_test_id("stSelectbox").filter(has_text="Chọn lần tải cần hoàn tác").first
    box.locator("input").click()
    page.get_by_role("option").first.click()
    wait_idle(page)
    warning = page.get_by_text(re.compile("sẽ xóa 266 dòng của 14 xã, kỳ 5/2020"))
    warning.wait_for(timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "tai-du-lieu-4-hoan-tac.png"), full_page=True)
    confirm.click()
    wait_idle(page)
    page.get_by_test_id("stAlertContentSuccess").filter(has_text="Đã hoàn tác lần tải số").wait_for(timeout=60_000)
    assert page.get_by_text("Đã nạp 266 dòng").count() == 0  # the card went with the data
    assert page.get_by_test_id("stException").count() == 0
