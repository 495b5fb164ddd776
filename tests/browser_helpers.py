"""Shared by the browser tests: Debian's chromium and its arguments, the real server started on a free port of
127.0.0.1 (``streamlit run app.py`` with ``NTM_DB``), waiting for a script run to end, the pages of the menu.
The session's shared server and chromium are fixtures in ``tests/conftest.py``."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

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
WIDE = {"width": 1400, "height": 1000}
PHONE = {"width": 390, "height": 844}  # a common phone (the layout's rules apply at ≤ 640 px)
# what Chrome on a Pixel 7 says it is: the app draws a chart's phone variant for it (ui_layout.screen_of)
PHONE_AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"


def require_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{CHROMIUM} is missing: CI must install Debian's chromium (scripts/test.sh does with apt-get)")
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, attempts: int = 3) -> tuple[subprocess.Popen, str]:
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
        time.sleep(0.2)


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


def new_page(chromium, width: int = WIDE["width"], height: int = WIDE["height"], **options):
    """A page in a context of its own (cookies, size) of the session's chromium; close it with ``page.context``."""
    context = chromium.new_context(viewport={"width": width, "height": height}, locale="vi-VN", **options)
    return context.new_page()


def new_phone_page(chromium, **options):
    """A page as a phone opens it: 390 × 844 px, a phone's user agent, touch and the mobile viewport."""
    return new_page(chromium, PHONE["width"], PHONE["height"], user_agent=PHONE_AGENT, is_mobile=True, has_touch=True,
                    **options)  # fmt: skip


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
