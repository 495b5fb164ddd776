"""Time ``python -m ntm sample``'s work in-process: the demo database built into a new file.

    python scripts/bench_sample.py [--times N] [--profile FILE]

Per run, into a fresh temporary file: the wall time of ``reference.connect`` (schema and seeding) + ``sample.build``,
the CPU time of this process (every thread: ``time.process_time``) and of the limited parse children (their CPU,
read with ``getrusage(RUSAGE_CHILDREN)`` once the parse server, which waits for them, has ended), and the load
average, and the wall time spent waiting for a parse started ahead (``reader.parse_ahead``). On a loaded machine
compare CPU: on a quiet 2-core one the wall time is about the process's CPU plus those waits, the children's
parsing running beside it on the second core. Prints min and median; the import time of the modules is left out (warm)."""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout this script is in


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


_WAITED = [0.0]  # wall time the build spent waiting for a parse started ahead (none: the child kept up)


def _count_waits() -> None:
    from ntm.ingest import reader

    if not hasattr(reader, "Parsing"):  # an older checkout parses in place: no waits to count
        return
    wait = reader.Parsing.wait

    def counted(self) -> None:
        started = time.perf_counter()
        wait(self)
        if threading.current_thread() is threading.main_thread():  # the build's own waits (not a parsing thread's)
            _WAITED[0] += time.perf_counter() - started

    reader.Parsing.wait = counted
    try:
        from ntm import sample_ahead
    except ImportError:  # an older checkout parses one report ahead, waited for with ``Parsing.wait``
        return
    take = sample_ahead.Ahead.take

    def counted_take(self, k: int):
        started = time.perf_counter()
        parsing = take(self, k)  # waits until the parse of ``k`` has started (the one before has ended)
        _WAITED[0] += time.perf_counter() - started
        return parsing

    sample_ahead.Ahead.take = counted_take


def one_run(folder: Path, k: int) -> tuple[float, float, float, float]:
    from ntm import reference, sample
    from ntm.ingest import forkserver

    path = folder / f"sample-{k}.duckdb"
    before_children, _WAITED[0] = _children_cpu(), 0.0
    wall, cpu = time.perf_counter(), time.process_time()
    # as ``python -m ntm sample`` does: the reports' parsing started before the database is opened and seeded
    ahead = {"ahead": sample.start_parsing()} if hasattr(sample, "start_parsing") else {}
    con = reference.connect(path)
    sample.build(con, **ahead)
    con.close()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    forkserver._SERVER.stop()  # the server waits for its children: their CPU counts once it is waited for
    path.unlink()
    return wall, cpu, _children_cpu() - before_children, _WAITED[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--times", type=int, default=3)
    parser.add_argument("--profile", help="write a cProfile of the last run here")
    args = parser.parse_args()
    import duckdb  # noqa: F401  (imported before timing, as a running app has them)
    import pandas  # noqa: F401

    _count_waits()
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.times):
            if args.profile and k == args.times - 1:
                import cProfile

                profile = cProfile.Profile()
                profile.enable()
                runs.append(one_run(Path(tmp), k))
                profile.disable()
                profile.dump_stats(args.profile)
            else:
                runs.append(one_run(Path(tmp), k))
            wall, cpu, child, waited = runs[-1]
            print(
                f"run {k + 1}: wall {wall:.2f} s, CPU {cpu:.2f} s + children {child:.2f} s, waited for a parse "
                f"started ahead {waited:.2f} s, load {os.getloadavg()[0]:.1f}",
                flush=True,
            )
    for label, values in zip(("wall", "CPU", "children CPU", "waited"), zip(*runs)):
        print(f"{label}: min {min(values):.2f} s, median {statistics.median(values):.2f} s")


if __name__ == "__main__":
    main()
