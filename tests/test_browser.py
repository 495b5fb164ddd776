"""The real server in a real browser: `streamlit run app.py` on 127.0.0.1 with a temporary database,
driven by Debian's chromium through Playwright's Python client. Uploads a filled template, confirms,
and sees the overview change; saves a screenshot of every page as a test artefact."""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import openpyxl
import pytest

from ntm import periods, store
from ntm.ingest import template
from tests.helpers import van_quan

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("NTM_ARTIFACTS", ROOT / "test-artifacts")) / "browser"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = [
    ("tong-quan", "Tổng quan"),
    ("tieu-chi", "Tiêu chí"),
    ("muc-dat", "Các mức đạt chuẩn"),
    ("thon-ban", "Thôn, bản"),
    ("nguon-luc", "Nguồn lực"),
    ("muc-tieu", "Mục tiêu"),
    ("bao-cao", "Báo cáo"),
    ("so-sanh-xa", "So sánh xã"),
    ("ho-so-xa", "Hồ sơ xã"),
    ("tai-du-lieu", "Tải dữ liệu"),
]

# Under pytest-xdist (--dist loadgroup) every browser test runs in one worker: one server, one chromium.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{CHROMIUM} is missing: CI must install Debian's chromium (scripts/test.sh does with apt-get)")
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(db: Path, attempts: int = 3) -> tuple[subprocess.Popen, str]:
    """``streamlit run app.py`` on a free port of 127.0.0.1 with ``NTM_DB=db``; returns once healthy.

    Another process (a parallel test worker) may take the port between the probe and the bind: then try another.
    """
    for _ in range(attempts):
        proc, base = _launch(db, _free_port())
        if proc is not None:
            return proc, base
    pytest.fail("streamlit did not start: " + db.with_suffix(".log").read_text()[-2000:])


def _launch(db: Path, port: int) -> tuple[subprocess.Popen | None, str]:
    log = open(db.with_suffix(".log"), "w")  # noqa: SIM115 - the server writes to it for as long as it runs
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env={**os.environ, "NTM_DB": str(db)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while True:
        try:
            if urllib.request.urlopen(f"{base}/_stcore/health", timeout=2).read() == b"ok":
                return proc, base
        except OSError:
            pass
        if proc.poll() is not None:
            return None, base  # exited: most likely the port was taken meanwhile
        if time.time() > deadline:
            proc.kill()
            pytest.fail("streamlit did not start: " + db.with_suffix(".log").read_text()[-2000:])
        time.sleep(0.5)


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def server(sample_db, tmp_path_factory):
    _require_chromium()
    db = tmp_path_factory.mktemp("browser") / "ntm.duckdb"
    shutil.copy(sample_db, db)
    proc, base = _start(db)
    yield base, db
    _stop(proc)


@pytest.fixture(scope="module")
def browser_page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
        yield page
        browser.close()


def wait_idle(page, timeout: int = 90_000) -> None:
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)
    page.wait_for_timeout(500)


def go(page, title: str) -> None:
    page.locator("[data-testid='stSidebarNav'] a", has_text=title).first.click()
    wait_idle(page)


def metrics(page) -> list[str]:
    """The metric cards' values, once the page has drawn them (the default page forwards to the overview, so
    the first idle moment can come before the overview's own run)."""
    page.get_by_test_id("stMetricValue").first.wait_for(timeout=90_000)
    wait_idle(page)
    return page.get_by_test_id("stMetricValue").all_inner_texts()


def filled_template(sample_db, tmp_path) -> Path:
    """The upload template for Văn Quan, 5/2020, with every criterion of every commune marked "Đạt"."""
    copy = tmp_path / "template.duckdb"
    shutil.copy(sample_db, copy)
    con = store.connect(copy)
    data = template.build(con, van_quan(con), periods.parse("2020-05"), "ntm-2016")
    con.close()
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["Báo cáo"]
    for row in sheet.iter_rows(min_row=template.FIRST_DATA_ROW):
        for cell in row[3:22]:
            cell.value = "Đạt"
    path = tmp_path / "van-quan-5-2020.xlsx"
    book.save(path)
    return path


def test_upload_a_filled_template_and_see_the_overview_change(server, browser_page, sample_db, tmp_path):
    base, _ = server
    page = browser_page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.goto(f"{base}/?district=184&period=2020-05&mode=month")
    wait_idle(page)
    assert "10,9" in metrics(page) and "174" in metrics(page)  # the district's May 2020 report
    page.screenshot(path=str(ARTIFACTS / "tong-quan-truoc.png"), full_page=True)

    go(page, "Tải dữ liệu")
    page.get_by_test_id("stFileUploader").locator("input[type=file]").set_input_files(
        str(filled_template(sample_db, tmp_path))
    )
    page.get_by_text("Tệp hợp lệ").wait_for(timeout=90_000)
    page.screenshot(path=str(ARTIFACTS / "tai-du-lieu-kiem-tra.png"), full_page=True)
    page.get_by_role("button", name="Xác nhận nạp").click()
    page.get_by_text("Các trang đã được cập nhật").wait_for(timeout=90_000)  # the "Đã nạp … dòng" card
    wait_idle(page)

    go(page, "Tổng quan")
    values = metrics(page)
    assert "19,0" in values and "16" in values, values  # every commune now at 19
    page.screenshot(path=str(ARTIFACTS / "tong-quan-sau.png"), full_page=True)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_page_renders_in_the_browser(server, browser_page, lang):
    base, _ = server
    page = browser_page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for url_path, _ in PAGES:
        page.goto(f"{base}/{'' if url_path == 'tong-quan' else url_path}?lang={lang}&period=2025&mode=year")
        wait_idle(page)
        assert page.get_by_test_id("stException").count() == 0, url_path
        assert page.locator("h1").count() >= 1, url_path
        page.screenshot(path=str(ARTIFACTS / f"{url_path}-{lang}.png"), full_page=True)


def test_the_first_start_builds_the_sample_with_a_vietnamese_progress_display(browser_page, tmp_path):
    """No database file at all: the user picks demo data and the app builds it (through the import path) while
    the menu is already ours."""
    db = tmp_path / "fresh" / "ntm.duckdb"
    db.parent.mkdir()
    proc, base = _start(db)
    try:
        page = browser_page
        page.goto(base)
        page.get_by_text("Bắt đầu với NTM Dashboard").wait_for(timeout=60_000)
        assert not db.exists()  # the app asks first: demo data (the default) or an empty database
        page.get_by_role("button", name="Bắt đầu").click()
        page.get_by_text("Lần chạy đầu tiên").wait_for(timeout=60_000)
        assert page.locator("[data-testid='stSidebarNav'] a", has_text="Tổng quan").count() == 1
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "lan-dau-dang-tao.png"))
        page.get_by_test_id("stMetricValue").first.wait_for(timeout=180_000)
        wait_idle(page)
        assert metrics(page)[:3] == [
            "61",
            "3",
            "6,2",
        ]  # Lạng Sơn, 2026 (2026-2030 set, 10 criteria), from the sample workbooks
    finally:
        _stop(proc)
    assert db.exists()
