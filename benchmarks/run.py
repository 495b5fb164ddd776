"""The benchmark's command line: build or reuse the data, run every case, print the table or the JSON."""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import data
from benchmarks.timing import Case, failed, line, table

ROOT = Path(__file__).resolve().parent.parent
PROVINCE = {"district": "20", "province": "20", "national": "38"}  # Lạng Sơn; Thanh Hóa (the most xã)
OTHER_PROVINCES = ["01", "20", "22", "26", "27", "30", "31", "33", "34", "35", "36", "37", "38", "40", "42", "44"]


def _log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def machine() -> dict:
    import duckdb
    import pandas
    import streamlit

    return {
        "cpus": os.cpu_count(),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "pandas": pandas.__version__,
        "streamlit": streamlit.__version__,
        "platform": platform.platform(),
    }


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    p.add_argument("--scale", choices=data.SCALES, default="district")
    p.add_argument("--json", action="store_true", help="print the results as one JSON object")
    p.add_argument("--times", type=int, default=5, help="runs per case (default 5)")
    p.add_argument("--cache", default=str(ROOT / "data" / "benchmark"), help="where generated databases are kept")
    p.add_argument("--fresh", action="store_true", help="regenerate the database even if a cached one exists")
    p.add_argument("--no-app", action="store_true", help="skip the app cases (server, chromium, sessions)")
    p.add_argument(
        "--only", choices=("app",), default=None, help="run only these cases (app: the server, chromium, sessions)"
    )
    p.add_argument("--sessions", type=int, default=20)
    p.add_argument("--seconds", type=float, default=60.0, help="how long the concurrent sessions run")
    p.add_argument(
        "--naive-rows",
        type=int,
        default=None,
        help="time the naive baseline's inserts on this many rows and extrapolate (default 100)",
    )
    p.add_argument(
        "--first-start",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="time the app's first start on no database (default: at national scale only; it builds the sample)",
    )
    return p


class _Printed(list):
    """The cases so far, each also written to stderr as it is measured (a run cut short still shows them)."""

    def append(self, c: Case) -> None:
        _log(line(c))
        super().append(c)

    def __iadd__(self, more):
        for c in more:
            self.append(c)
        return self


def cli_case(times: int) -> Case:
    """``python -m ntm --help`` against a bare interpreter start (``python -c pass``) in the same run."""
    import subprocess

    from benchmarks.timing import alongside, case

    def call(*argv: str):
        return lambda: subprocess.run([sys.executable, *argv], cwd=ROOT, capture_output=True, check=True)

    ours, bare = alongside(call("-m", "ntm", "--help"), call("-c", "pass"), times, times, warmup=1)
    return case("cli: python -m ntm --help", ours, "≤ 0,3 s", lambda m, r: m <= 0.3, "python -c pass", bare)


def run(args: argparse.Namespace) -> list[Case]:
    from benchmarks import app, frames, ingest, load, queries
    from benchmarks import server as app_server
    from ntm import periods, store

    started = time.perf_counter()
    dataset = data.cached(args.scale, Path(args.cache), args.fresh, log=_log)
    _log(
        f"{args.scale}: {dataset.old_communes:,} + {dataset.new_communes:,} xã, {dataset.criterion_rows:,} criterion "
        f"rows, {dataset.indicator_rows:,} sub-indicator rows ({dataset.build_s:.0f} s to build)"
    )
    cases = _Printed()
    only_app = args.only == "app"
    if not only_app:
        cases.append(cli_case(args.times))
    with tempfile.TemporaryDirectory(prefix="ntm-bench-") as tmp:
        work = Path(tmp)
        db = data.working_copy(dataset, work / "ntm.duckdb")
        con = store.connect(db)
        scope = queries.pick_scope(con, PROVINCE[args.scale])
        if not only_app:
            _log("ingest …")
            try:
                cases += ingest.ingest_cases(
                    con, scope.province, max(3, args.times // 2), args.scale == "national", args.naive_rows
                )
            except Exception as exc:
                cases.append(failed("ingest", exc))
            _log("queries …")
            facts = frames.load(con)
            incoming = queries.incoming_month(con, scope.province, periods.parse("2024-06").start)
            gc.collect()  # the heap so far out of the collector's sight, as serve.py freezes the server's after its
            gc.freeze()  # warm-up: a full collection then walks what the timed calls made, not every module (40 ms)
            cases += queries.page_cases(con, facts, scope, args.times, incoming)
            del facts
        upload, _ = ingest.workbook(con, scope.province, 500, seed=11)
        con.execute("CHECKPOINT")
        con.close()
        if not args.no_app or only_app:
            _log("app …")
            query = f"province={scope.province.code}&period={scope.period.text}&mode=year"
            server = None
            try:
                browser, server = app.browser_cases(db, work, query, 2, str(scope.period.year - 1), upload)
                cases += browser
                _log("concurrent sessions …")
                sessions = [f"province={c}&period={scope.period.text}&mode=year" for c in OTHER_PROVINCES]
                cases += load.load_case(server, work, sessions, upload, args.sessions, args.seconds)
                cases.append(app.rss_case(server))
                _log("concurrent sessions at an office's pace, on a server started afresh …")
                app_server.stop_all()
                server = app_server.start(db, work)
                cases += load.load_case(server, work, sessions, upload, args.sessions, args.seconds, load.OFFICE)
            except Exception as exc:
                cases.append(failed("app", exc))
            finally:
                app_server.stop_all()
            if args.first_start or (args.first_start is None and args.scale == "national"):
                _log("first start …")
                try:
                    cases.append(app.first_start_case(work))
                except Exception as exc:
                    cases.append(failed("app: first start", exc))
                finally:
                    app_server.stop_all()
    _log(f"done in {time.perf_counter() - started:.0f} s")
    return list(cases)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    cases = run(args)
    if args.json:
        print(
            json.dumps(
                {"scale": args.scale, "machine": machine(), "cases": [c.as_json() for c in cases]}, ensure_ascii=False
            )
        )
    else:
        print(table(cases))
        print(f"\n{sum(c.goal_met for c in cases)}/{len(cases)} goals met ({args.scale}; {machine()})")
    return 0
