"""Timing cases and printing them: one line per case, or the ``--json`` object."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Case:
    """One benchmark line. ``ratio`` is the case's median over the baseline's (0,05 = 20× faster); for a case
    measured against a limit instead of a baseline (server RSS) it is the measured value over the limit."""

    name: str
    median_s: float | None
    min_s: float | None
    max_s: float | None
    baseline: str | None
    baseline_s: float | None
    ratio: float | None
    goal: str
    goal_met: bool

    def as_json(self) -> dict:
        return asdict(self)


def repeat(fn: Callable[[], object], times: int, warmup: int = 0) -> list[float]:
    """Wall-clock seconds of ``times`` calls of ``fn`` (after ``warmup`` untimed calls)."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(times):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return samples


def alongside(
    ours: Callable[[], object], theirs: Callable[[], object], times: int, theirs_times: int, warmup: int = 0
) -> tuple[list[float], list[float]]:
    """Seconds of ``times`` calls of ``ours`` and ``theirs_times`` of its baseline, the baseline's calls spread
    among ours (after ``warmup`` untimed calls of each): both sides see the same minutes of a machine whose speed
    drifts (measured here: the same draft 7 ms, then 13 ms a minute later, then 8 ms again), so their ratio holds
    where two runs one after the other would compare two different machines."""
    for _ in range(warmup):
        ours()
        theirs()
    mine: list[float] = []
    base: list[float] = []
    for k in range(max(times, theirs_times)):
        if k < times:
            mine += repeat(ours, 1)
        if theirs_times and k * theirs_times // max(times, 1) != (k + 1) * theirs_times // max(times, 1):
            base += repeat(theirs, 1)
    while len(base) < theirs_times:
        base += repeat(theirs, 1)
    return mine, base


def case(
    name: str,
    samples: list[float],
    goal: str,
    met: Callable[[float, float | None], bool],
    baseline: str | None = None,
    baseline_samples: list[float] | None = None,
) -> Case:
    """A case from its samples and its baseline's; ``met(median, ratio)`` decides the goal."""
    median = statistics.median(samples)
    base = statistics.median(baseline_samples) if baseline_samples else None
    ratio = median / base if base else None
    return Case(name, median, min(samples), max(samples), baseline, base, ratio, goal, bool(met(median, ratio)))


def p95(samples: list[float]) -> float:
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _seconds(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def line(c: Case) -> str:
    ratio = "—" if c.ratio is None else f"{c.ratio:.3g}"
    return (
        f"| {c.name} | {_seconds(c.median_s)} | {_seconds(c.min_s)} | {_seconds(c.max_s)} | {c.baseline or '—'} "
        f"| {_seconds(c.baseline_s)} | {ratio} | {c.goal} | {'yes' if c.goal_met else 'NO'} |"
    )


def failed(name: str, exc: BaseException) -> Case:
    """A case that could not run: printed (goal not met) instead of ending the run."""
    return Case(
        f"{name}: failed ({type(exc).__name__}: {str(exc)[:200]})", None, None, None, None, None, None, "runs", False
    )


def table(cases: list[Case]) -> str:
    """A Markdown table, one line per case (also what the README quotes)."""
    lines = [
        "| case | median | min | max | baseline | baseline median | ratio | goal | met |",
        "|---|---:|---:|---:|---|---:|---:|---|---|",
    ]
    lines += [line(c) for c in cases]
    return "\n".join(lines)
