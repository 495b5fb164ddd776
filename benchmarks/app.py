"""Case 3: the real app, as a person sees it: Debian's chromium through Playwright on the server of
``benchmarks.server`` (first paint, page switch, filter change, the first start on no database, peak RSS). Server
time (the app's own log of each script run) and client time (what the browser waited) are reported apart; the app
under load is ``benchmarks.load``."""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks.server import Server, start
from benchmarks.timing import Case, case, failed

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
PAGES = [  # (url path, Vietnamese menu title)
    ("tieu-chi", "Tiêu chí"),
    ("muc-tieu", "Mục tiêu"),
    ("bao-cao", "Báo cáo"),
    ("so-sanh-xa", "So sánh xã"),
    ("ho-so-xa", "Hồ sơ xã"),
    ("tai-du-lieu", "Tải dữ liệu"),
    ("", "Tổng quan"),
]


def idle(page, timeout: float = 180_000) -> None:
    page.wait_for_selector(IDLE, timeout=timeout)


def _painted(page, timeout: float = 180_000) -> None:
    """The overview is painted: the run has ended and its KPI cards and charts are on screen."""
    page.get_by_test_id("stMetricValue").first.wait_for(timeout=timeout)
    page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=timeout)
    idle(page, timeout)


def _server_cpu(server: Server, since: float) -> list[float]:
    """The server process's CPU seconds during each logged run (``ui.timed_run``'s ``cpu_s``): less sensitive to
    the machine's load than the run's wall time."""
    return [r["cpu_s"] for r in server.runs(since) if "cpu_s" in r]


def _cpu_case(name: str, seconds: list[float], goal: str, limit: float) -> Case:
    return case(name, seconds or [float("nan")], goal, lambda m, r: bool(seconds) and max(seconds) <= limit)


def _process_cpu_case(name: str, server: Server, since: float, cpu_before: float, goal: str, limit: float) -> Case:
    """The server process's CPU between two readings over the runs it logged meanwhile: per run, on average."""
    runs = len(server.runs(since))
    per_run = [(server.cpu_s() - cpu_before) / runs] if runs else []
    return _cpu_case(name, per_run, goal, limit)


RUNNING = "[data-testid='stApp'][data-test-script-state='running']"


def _click_and_wait(page, action, server: Server) -> float:
    """Seconds from the click to the end of the run it caused. The run must be seen to start (the app's state
    "running", or a run the server logged since the click): under load a click reaches the server late, and
    waiting for "not running" straight away timed the click alone (a "cold" change of 0,9 s with no run)."""
    since = time.time()
    before = len(server.runs(since))
    started = time.perf_counter()
    action()
    deadline = time.perf_counter() + 30
    while time.perf_counter() < deadline:
        if page.locator(RUNNING).count() or len(server.runs(since)) > before:
            break
        page.wait_for_timeout(20)
    idle(page)
    return time.perf_counter() - started


def browser_cases(
    db: Path, work: Path, query: str, starts: int, other_period: str, upload: bytes
) -> tuple[list[Case], Server]:
    """First paint after start (``starts`` times), page switches and a filter change, cold then cached.
    Returns the cases and the last server, still running, for the load case."""
    from playwright.sync_api import sync_playwright

    cases: list[Case] = []
    paint, paint_server, paint_cpu, warm_cpu = [], [], [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        server = None
        for k in range(starts):
            if server is not None:
                server.stop()
            page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
            started = time.perf_counter()
            server = start(db, work)
            page.goto(f"{server.base}/?{query}")
            _painted(page)
            paint.append(time.perf_counter() - started)
            paint_server.append(sum(server.run_seconds(0)))
            paint_cpu.append(sum(_server_cpu(server, 0)))
            warm_cpu.append(sum(r["cpu_s"] for r in server.runs(0, warm=True)))
            if k < starts - 1:
                page.close()
        cases.append(case("app: server start → overview painted (chromium)", paint, "≤ 3 s", lambda m, r: m <= 3))
        cases.append(
            case(
                "app: first overview run, server time", paint_server, "(server part of the above)", lambda m, r: m <= 3
            )
        )
        cases.append(_cpu_case("app: first overview run, server CPU", paint_cpu, "(CPU of the above)", 3))
        cases.append(  # the default page run by serve.py's own session while the browser loads (none: no line)
            _cpu_case("app: warm-up at start (default page), server CPU", warm_cpu, "(beside the above)", 3)
        )

        def go(title: str):
            return lambda: page.locator("[data-testid='stSidebarNav'] a", has_text=title).first.click()

        for label in ("cold", "cached"):
            since, cpu_before = time.time(), server.cpu_s()
            try:
                client = [_click_and_wait(page, go(title), server) for _, title in PAGES]
            except Exception as exc:  # printed as failed; the filter change, sessions and RSS still run
                cases.append(failed(f"app: page switch, {label}", exc))
                continue
            goal, limit = ("≤ 1 s", 1.0) if label == "cold" else ("≤ 0,3 s", 0.3)
            cases.append(case(f"app: page switch, {label} (chromium, {len(PAGES)} pages)", client, goal,
                              lambda m, r, c=client, limit=limit: max(c) <= limit))  # fmt: skip
            server_s = server.run_seconds(since)
            cases.append(case(f"app: page switch, {label}, server time", server_s, goal,
                              lambda m, r, s=server_s, limit=limit: max(s) <= limit))  # fmt: skip
            cases.append(_cpu_case(f"app: page switch, {label}, server CPU", _server_cpu(server, since), goal, limit))
            cases.append(_process_cpu_case(f"app: page switch, {label}, server process CPU per run", server, since,
                                           cpu_before, goal, limit))  # fmt: skip

        def pick(value: str):
            def action():
                box = page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").filter(
                    has_text="Kỳ báo cáo"
                )
                for attempt in range(3):  # a rerun that lands while the list is open closes it: open it again
                    idle(page)
                    box.click()
                    box.locator("input").fill(value)  # the list is long and drawn lazily: narrow it to the value
                    try:
                        page.get_by_role("option", name=value, exact=True).click(timeout=20_000)
                        return
                    except Exception:
                        page.keyboard.press("Escape")
                        if attempt == 2:
                            raise

            return action

        current = query.split("period=")[1].split("&")[0]
        for label, values in (("cold", [other_period]), ("cached", [current, other_period, current])):
            since, cpu_before = time.time(), server.cpu_s()
            try:
                client = [_click_and_wait(page, pick(v), server) for v in values]
            except Exception as exc:  # printed as failed; the sessions, RSS and first start still run
                cases.append(failed(f"app: filter change (period), {label}", exc))
                continue
            goal, limit = ("≤ 1 s", 1.0) if label == "cold" else ("≤ 0,3 s", 0.3)
            cases.append(case(f"app: filter change (period), {label} (chromium)", client, goal,
                              lambda m, r, c=client, limit=limit: max(c) <= limit))  # fmt: skip
            server_s = server.run_seconds(since)
            cases.append(case(f"app: filter change (period), {label}, server time", server_s or [float("nan")], goal,
                              lambda m, r, s=server_s, limit=limit: bool(s) and max(s) <= limit))  # fmt: skip
            cpu = _server_cpu(server, since)
            cases.append(_cpu_case(f"app: filter change (period), {label}, server CPU", cpu, goal, limit))
            cases.append(_process_cpu_case(f"app: filter change (period), {label}, server process CPU per run",
                                           server, since, cpu_before, goal, limit))  # fmt: skip
        browser.close()
    return cases, server


def rss_case(server: Server) -> Case:
    rss = server.peak_rss_gb()
    return Case(f"app: peak server RSS {rss:.2f} GB", None, None, None, "1 GB", None, rss / 1.0, "≤ 1 GB", rss <= 1.0)


def first_start_case(work: Path) -> Case:
    """No database file at all: start, open the app, choose the demo data on the setup page (the default
    choice, one click), wait until the overview is painted (the sample is built meanwhile)."""
    from playwright.sync_api import sync_playwright

    db = work / "first-start" / "ntm.duckdb"
    db.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", ".wal"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
        started = time.perf_counter()
        server = start(db, work)
        try:
            page.goto(server.base, wait_until="commit", timeout=120_000)
            # the setup page asks how to start: the demo data (the default choice), as a first user would pick
            page.get_by_role("button", name="Bắt đầu").click(timeout=120_000)
            _painted(page, timeout=300_000)
            seconds = time.perf_counter() - started
        finally:
            server.stop()
            browser.close()
    return case("app: first start on no database → overview painted", [seconds], "≤ 20 s", lambda m, r: m <= 20)
