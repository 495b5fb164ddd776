"""Screenshot every page of a running dashboard in both languages with Debian's chromium.

python scripts/screenshots.py http://127.0.0.1:8501 test-artifacts/screens
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = [
    "",
    "tieu-chi",
    "muc-dat",
    "thon-ban",
    "nguon-luc",
    "muc-tieu",
    "bao-cao",
    "so-sanh-xa",
    "ho-so-xa",
    "tai-du-lieu",
]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def wait_idle(page, timeout: int = 60_000) -> None:
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)
    page.wait_for_timeout(700)


def shoot(base: str, out: Path, query: str = "", pages: list[str] = PAGES) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    files = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        for lang in ("vi", "en"):
            for name in pages:
                page.goto(f"{base}/{name}?lang={lang}{query}")
                wait_idle(page)
                path = out / f"{name or 'tong-quan'}-{lang}.png"
                page.screenshot(path=str(path), full_page=True)
                files.append(path)
        browser.close()
    return files


if __name__ == "__main__":
    for f in shoot(
        sys.argv[1],
        Path(sys.argv[2]),
        sys.argv[3] if len(sys.argv) > 3 else "",
        sys.argv[4].split(",") if len(sys.argv) > 4 else PAGES,
    ):
        print(f)
