"""The app under load: light websocket sessions (``benchmarks.session``) cycling through the pages at a pace, two
browser uploads among them; client time (what each session waited) and server time (the runs the server logged)."""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.app import CHROMIUM, CHROMIUM_ARGS, PAGES, idle
from benchmarks.server import Server
from benchmarks.session import Session
from benchmarks.timing import Case, case, p95


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
            idle(page, ms)
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
    server_s = server.run_seconds(since)
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
