"""Screenshot every page of a running dashboard in both languages with Debian's chromium.

python scripts/screenshots.py http://127.0.0.1:8501 test-artifacts/screens [QUERY] [PAGES] [WIDTHS]

QUERY is appended to every URL (``&district=184&period=2024&mode=year``), PAGES a comma-separated list of url paths,
WIDTHS a comma-separated list of viewport widths (default 1400; ``1440,390`` adds the phone): a width other than the
first is in the file name (``so-sanh-xa-vi-390.png``). A width of 640 px or less is opened as a phone opens it (a
phone's user agent: the app then draws the charts' phone variants, ``ui_layout.screen_of``).
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
PHONE_AGENT = (  # Chrome on a Pixel 7
    "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"
)


def wait_idle(page, timeout: int = 60_000) -> None:
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)
    page.wait_for_timeout(700)


def whole_page(page, path: Path, width: int) -> None:
    """A screenshot of the whole page: Streamlit scrolls inside its main block, not the document, so the window is
    made as tall as that block for the picture (at most 16 000 px), then put back."""
    height = page.viewport_size["height"]
    tall = page.evaluate("() => document.querySelector('[data-testid=stMain]')?.scrollHeight || 0")
    if tall > height:
        page.set_viewport_size({"width": width, "height": min(int(tall) + 40, 16_000)})
        page.wait_for_timeout(2500)  # charts redraw at the new size
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": width, "height": height})


def shoot(
    base: str, out: Path, query: str = "", pages: list[str] = PAGES, widths: tuple[int, ...] = (1400,)
) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    files = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for width in widths:
            phone = {"user_agent": PHONE_AGENT, "is_mobile": True, "has_touch": True} if width <= 640 else {}
            page = browser.new_page(viewport={"width": width, "height": 1000 if width > 640 else 844}, **phone)
            suffix = "" if width == widths[0] else f"-{width}"
            for lang in ("vi", "en"):
                for name in pages:
                    page.goto(f"{base}/{name}?lang={lang}{query}")
                    wait_idle(page)
                    page.wait_for_timeout(800)  # plotly draws after the script run ends
                    path = out / f"{name or 'tong-quan'}-{lang}{suffix}.png"
                    whole_page(page, path, width)
                    files.append(path)
            page.close()
        browser.close()
    return files


if __name__ == "__main__":
    for f in shoot(
        sys.argv[1],
        Path(sys.argv[2]),
        sys.argv[3] if len(sys.argv) > 3 else "",
        sys.argv[4].split(",") if len(sys.argv) > 4 and sys.argv[4] else PAGES,
        tuple(int(w) for w in sys.argv[5].split(",")) if len(sys.argv) > 5 else (1400,),
    ):
        print(f)
