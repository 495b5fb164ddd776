"""Case 3: the real app. ``python serve.py`` (``streamlit run app.py``, warmed while it starts) on a free port with ``$NTM_TIMING_LOG``, Debian's chromium
through Playwright for what a person sees (first paint, page switch, filter change, uploads), light websocket
sessions (``benchmarks.session``) for load. Server time (the app's own log of each script run) and client time
(what the browser or session waited) are reported apart."""

from __future__ import annotations

import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from benchmarks.session import Session
from benchmarks.timing import Case, case, failed, p95

ROOT = Path(__file__).resolve().parent.parent
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


@dataclass
class Server:
    proc: subprocess.Popen
    base: str
    port: int
    log: Path

    def runs(self, since: float = 0.0, warm: bool = False) -> list[dict]:
        """Script runs the server logged (each with its end time ``at``), optionally only those after ``since``:
        the sessions' runs, or (``warm``) those of the server's own warm-up session at start (``serve.py``)."""
        if not self.log.exists():
            return []
        rows = [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines() if line.strip()]
        return [r for r in rows if r.get("at", 0) >= since and bool(r.get("warm")) == warm]

    def peak_rss_gb(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024 / 1024
        return float("nan")

    def cpu_s(self) -> float:
        """The server process's CPU seconds so far (user + system, all threads): with the runs it logged between
        two readings, what each run cost the process, Streamlit's own work after the script included (its garbage
        collection, the messages written), which the runs' own ``cpu_s`` does not see."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


_STARTED: list[Server] = []


def stop_all() -> None:
    """Stop every server this run started (also those a failed case left behind)."""
    while _STARTED:
        server = _STARTED.pop()
        if server.proc.poll() is None:
            server.stop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(db: Path, work: Path, timeout: float = 120) -> Server:
    port = _free_port()
    log = work / f"runs-{port}.jsonl"
    with open(work / f"server-{port}.log", "w") as out:  # the child keeps its own handle
        proc = _popen(port, db, log, out)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + timeout
    while True:
        try:
            if urllib.request.urlopen(f"{base}/_stcore/health", timeout=2).read() == b"ok":
                _STARTED.append(Server(proc, base, port, log))
                return _STARTED[-1]
        except OSError:
            pass
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            raise RuntimeError("streamlit did not start: " + (work / f"server-{port}.log").read_text()[-2000:])
        time.sleep(0.2)


def _popen(port: int, db: Path, log: Path, out) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "serve.py", "--server.address", "127.0.0.1", "--server.port",
         str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT,
        env={**os.environ, "NTM_DB": str(db), "NTM_TIMING_LOG": str(log)},
        stdout=out,
        stderr=subprocess.STDOUT,
    )  # fmt: skip


def _idle(page, timeout: float = 180_000) -> None:
    page.wait_for_selector(IDLE, timeout=timeout)


def _painted(page, timeout: float = 180_000) -> None:
    """The overview is painted: the run has ended and its KPI cards and charts are on screen."""
    page.get_by_test_id("stMetricValue").first.wait_for(timeout=timeout)
    page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=timeout)
    _idle(page, timeout)


def _server_s(server: Server, since: float) -> list[float]:
    return [r["s"] for r in server.runs(since)]


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
    _idle(page)
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
            paint_server.append(sum(_server_s(server, 0)))
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
            server_s = _server_s(server, since)
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
                    _idle(page)
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
            server_s = _server_s(server, since)
            cases.append(case(f"app: filter change (period), {label}, server time", server_s or [float("nan")], goal,
                              lambda m, r, s=server_s, limit=limit: bool(s) and max(s) <= limit))  # fmt: skip
            cpu = _server_cpu(server, since)
            cases.append(_cpu_case(f"app: filter change (period), {label}, server CPU", cpu, goal, limit))
            cases.append(_process_cpu_case(f"app: filter change (period), {label}, server process CPU per run",
                                           server, since, cpu_before, goal, limit))  # fmt: skip
        browser.close()
    return cases, server


@dataclass(frozen=True)
class Pace:
    """How the light sessions use the app: when each arrives and how long it reads between two clicks (drawn per
    click from a generator seeded by the session's number, so two runs make the same clicks)."""

    name: str
    arrive_s: float  # the sessions' first pages spread over this many seconds (at most half the run)
    read_s: tuple[float, float]  # the pause after each page, uniform between the two

    def arrival(self, rng: random.Random, seconds: float) -> float:
        return rng.uniform(0, min(self.arrive_s, seconds / 2))


STRESS = Pace("no pause", 0.0, (0.0, 0.0))  # every session clicks again as soon as its page is drawn
OFFICE = Pace("an office's pace", 10.0, (3.0, 10.0))  # people arriving over 10 s, reading 3-10 s a page


async def _session_loop(
    port: int, index: int, queries: list[str], until: float, runs: list, pace: Pace, seconds: float
) -> None:
    pages = [p for p, _ in PAGES if p != "tai-du-lieu"]
    rng = random.Random(index)
    await asyncio.sleep(pace.arrival(rng, seconds))
    async with Session(port) as session:
        k = index
        runs.append(await session.run(queries[index % len(queries)]))  # open the app, as a bookmarked link would
        while time.perf_counter() < until:
            await asyncio.sleep(min(rng.uniform(*pace.read_s), max(0.0, until - time.perf_counter())))
            if time.perf_counter() >= until:
                break
            runs.append(await session.run("", pages[k % len(pages)]))
            k += 1


def _upload_in_browser(base: str, file: Path, errors: list, durations: list, timeout_s: float) -> None:
    """Open the upload page, check the file, confirm, wait for the pages to be updated. ``timeout_s`` bounds each
    step: under twenty sessions a page's first paint waits behind their script runs (the HTML itself is served at
    once, so the page is waited for from the first byte, not from the browser's "load" event)."""
    from playwright.sync_api import sync_playwright

    ms = timeout_s * 1000
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
        try:
            page.goto(f"{base}/tai-du-lieu", wait_until="commit", timeout=ms)
            uploader = page.get_by_test_id("stFileUploader").locator("input[type=file]")
            uploader.wait_for(state="attached", timeout=ms)
            _idle(page, ms)
            started = time.perf_counter()
            uploader.set_input_files(str(file))
            page.get_by_text("Tệp hợp lệ").wait_for(timeout=ms)
            page.get_by_role("button", name="Xác nhận nạp").click(timeout=ms)
            page.get_by_text("Các trang đã được cập nhật").wait_for(timeout=ms)
            durations.append(time.perf_counter() - started)
        except Exception as exc:
            errors.append(f"upload: {exc}")
        finally:
            browser.close()


def load_case(
    server: Server, work: Path, queries: list[str], upload: bytes, sessions: int, seconds: float, pace: Pace = STRESS
) -> list[Case]:
    """``sessions`` light sessions cycling through the pages for ``seconds`` at ``pace``, two browser uploads among
    them."""
    import threading

    file = work / "upload.xlsx"
    file.write_bytes(upload)
    runs: list = []
    errors: list[str] = []
    uploads: list[float] = []
    since = time.time()
    until = time.perf_counter() + seconds

    async def main():
        return await asyncio.gather(
            *(_session_loop(server.port, i, queries, until, runs, pace, seconds) for i in range(sessions)),
            return_exceptions=True,
        )

    step_s = max(120.0, 2 * seconds)  # an upload step may wait behind the sessions' runs, never for ever

    def uploader():
        time.sleep(seconds / 4)
        _upload_in_browser(server.base, file, errors, uploads, step_s)
        time.sleep(seconds / 4)
        _upload_in_browser(server.base, file, errors, uploads, step_s)

    thread = threading.Thread(target=uploader)
    thread.start()
    outcomes = asyncio.run(main())
    thread.join()
    errors += [repr(o) for o in outcomes if isinstance(o, BaseException)]
    client = [r.seconds for r in runs]
    run_errors = sum(r.errors for r in runs) + sum(r.get("outcome") == "error" for r in server.runs(since))
    server_s = _server_s(server, since)
    n_errors = len(errors) + run_errors
    name = f"app: {sessions} sessions × {seconds:.0f} s + {len(uploads)}/2 uploads"
    if pace != STRESS:
        name += (
            f", {pace.name} (arriving over {pace.arrive_s:.0f} s, reading {pace.read_s[0]:.0f}-{pace.read_s[1]:.0f} s)"
        )
    if errors:
        name += f" (first error: {errors[0][:160]})"
    goal = "0 errors and p95 ≤ 2 s"
    return [
        case(f"{name}, client time ({len(client)} runs, p95 {p95(client):.2f} s, {n_errors} errors)", client or [float('nan')], goal,
             lambda m, r: n_errors == 0 and bool(client) and p95(client) <= 2),
        case(f"{name}, server time ({len(server_s)} runs, p95 {p95(server_s):.2f} s)", server_s or [float('nan')], goal,
             lambda m, r: n_errors == 0 and bool(server_s) and p95(server_s) <= 2),
    ]  # fmt: skip


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
