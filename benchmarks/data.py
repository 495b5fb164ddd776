"""The benchmark's database: every xã of the chosen scale, monthly reports, loaded through ``ntm.store``.

Deterministic (one seeded generator): pre-2025 xã report monthly 1/2020 – 6/2025 (ntm-2016, then the
stricter ntm-2021 from 2022, with its sub-indicators), the post-merger xã 7/2025 – 12/2026 (ntm-2021, then
ntm-2026). Each commune has a starting level and a pace; a criterion is met once the commune's progress passes
the criterion's difficulty for that commune, "basically met" just below it. One upload per month, each a
pandas frame handed to ``loads.load_facts`` (bulk, sorted by period), as an import would.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from ntm import catalog, loads, periods, store, unit_catalogue, units

Scale = Literal["district", "province", "national"]
SCALES: tuple[Scale, ...] = ("district", "province", "national")
GENERATOR_VERSION = "1"
PROVINCE_CODE = "20"  # Lạng Sơn: the district and province scales
DISTRICT_CODE = "184"  # Văn Quan
OLD_MONTHS = (date(2020, 1, 1), date(2025, 6, 1))
NEW_MONTHS = (date(2025, 7, 1), date(2026, 12, 1))
SEED = 2026


@dataclass(frozen=True)
class Dataset:
    path: Path
    scale: Scale
    old_communes: int
    new_communes: int
    criterion_rows: int
    indicator_rows: int
    build_s: float  # 0 when reused from the cache


def months(first: date, last: date) -> list[date]:
    return [periods.shift_months(first, k) for k in range(periods.months_between(first, last) + 1)]


def communes(con, scale: Scale) -> tuple[np.ndarray, np.ndarray]:
    """(pre-2025 xã ids, post-2025 xã ids) of the scale: the district's new communes are its communes' successors."""
    xa = "u.level = 'commune' AND u.kind = 'Xã' AND NOT u.historical"
    if scale == "national":
        old_sql = f"SELECT unit_id FROM units u WHERE {xa} AND u.valid_to = $old ORDER BY 1"
        new_sql = f"SELECT unit_id FROM units u WHERE {xa} AND u.valid_from = $new ORDER BY 1"
        params = {}
    else:
        province = units.resolve(con, PROVINCE_CODE, start=units.OLD_ERA_END)
        scope = (
            province
            if scale == "province"
            else units.resolve(con, f"{PROVINCE_CODE}/{DISTRICT_CODE}", start=units.OLD_ERA_END)
        )
        old_sql = f"""SELECT unit_id FROM units u WHERE {xa} AND u.valid_to = $old
                      AND (u.district_id = $scope OR u.province_id = $scope) ORDER BY 1"""
        new_sql = f"""SELECT DISTINCT u.unit_id FROM units u JOIN unit_successors s ON s.new_unit_id = u.unit_id
                      JOIN units o ON o.unit_id = s.old_unit_id
                      WHERE {xa} AND u.valid_from = $new AND (o.district_id = $scope OR o.province_id = $scope)
                      ORDER BY 1"""
        params = {"scope": scope.unit_id}
    old = con.execute(old_sql, {"old": units.OLD_ERA_END, **params}).fetchall()
    new = con.execute(new_sql, {"new": units.NEW_ERA_START, **params}).fetchall()
    return np.array([r[0] for r in old], dtype="int32"), np.array([r[0] for r in new], dtype="int32")


class _Era:
    """One era's communes with their fixed traits: start level, pace, and a difficulty per criterion."""

    def __init__(self, rng: np.random.Generator, ids: np.ndarray, n_criteria: int = 19):
        self.ids = ids
        self.start = rng.uniform(0.1, 0.75, len(ids))
        self.pace = rng.uniform(0.0, 0.012, len(ids))
        self.difficulty = rng.random((len(ids), n_criteria))

    def progress(self, rng: np.random.Generator, t: int, stricter: float) -> np.ndarray:
        wobble = rng.normal(0, 0.01, len(self.ids))
        return np.clip(self.start + self.pace * t - stricter + wobble, 0, 1.05)


_STATUS = pd.CategoricalDtype(list(store.STATUSES))


def month_frames(
    era: _Era,
    rng: np.random.Generator,
    month: date,
    t: int,
    set_id: str,
    n: int,
    indicator_codes: list[tuple[int, str]],
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """(criterion facts, sub-indicator values) for one month of one era."""
    stricter = 0.2 if set_id != "ntm-2016" else 0.0
    progress = era.progress(rng, t, stricter)[:, None]
    gap = progress - era.difficulty[:, :n]
    codes = np.where(gap >= 0, 0, np.where(gap >= -0.07, 1, 2)).ravel()
    count = len(era.ids)
    facts = pd.DataFrame(
        {
            "unit_id": np.repeat(era.ids, n),
            "period": month,
            "set_id": set_id,
            "criterion_no": np.tile(np.arange(1, n + 1, dtype="int32"), count),
            "status": pd.Categorical.from_codes(codes, dtype=_STATUS),
        }
    )
    if not indicator_codes:
        return facts, None
    crit = np.array([c for c, _ in indicator_codes]) - 1
    values = np.round(np.clip(50 + 100 * gap[:, crit], 0, 100), 1)
    ind = pd.DataFrame(
        {
            "unit_id": np.repeat(era.ids, len(indicator_codes)),
            "period": month,
            "set_id": set_id,
            "indicator_code": np.tile(np.array([code for _, code in indicator_codes], dtype=object), count),
            "value": values.ravel(),
        }
    )
    return facts, ind


def build(path: Path, scale: Scale, log=print) -> Dataset:
    """Write the scale's database at ``path`` (replacing it)."""
    started = time.perf_counter()
    for suffix in ("", ".wal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    con = store.connect(path)
    try:
        catalog.load_builtin(con)
        unit_catalogue.load_catalogue(con)
        old_ids, new_ids = communes(con, scale)
        rng = np.random.default_rng(SEED)
        eras = {"old": _Era(rng, old_ids), "new": _Era(rng, new_ids)}
        n_by_set: dict[str, int] = {}
        codes_by_set: dict[str, list[tuple[int, str]]] = {}
        rows = [0, 0]
        plan = [("old", m) for m in months(*OLD_MONTHS)] + [("new", m) for m in months(*NEW_MONTHS)]
        for t, (era_name, month) in enumerate(plan):
            set_id = catalog.set_for_period(con, month)
            if set_id not in n_by_set:
                n_by_set[set_id] = metrics_n(con, set_id)
                codes_by_set[set_id] = [
                    (int(r.criterion_no), r.indicator_code) for r in catalog.indicators(con, set_id).itertuples()
                ]
            era = eras[era_name]
            if not len(era.ids):
                continue
            facts, ind = month_frames(era, rng, month, t, set_id, n_by_set[set_id], codes_by_set[set_id])
            loads.load_facts(con, facts, source="benchmark", indicators=ind, note=f"benchmark {month:%Y-%m}")
            rows[0] += len(facts)
            rows[1] += 0 if ind is None else len(ind)
            if month.month == 12 or t == len(plan) - 1:
                log(f"  data {month:%Y-%m}: {rows[0]:,} criterion rows, {rows[1]:,} sub-indicator rows")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return Dataset(path, scale, len(old_ids), len(new_ids), rows[0], rows[1], time.perf_counter() - started)


def metrics_n(con, set_id: str) -> int:
    return con.execute("SELECT count(*) FROM criteria WHERE set_id = ?", [set_id]).fetchall()[0][0]


def cached(scale: Scale, cache_dir: Path, fresh: bool = False, log=print) -> Dataset:
    """The scale's database from ``cache_dir`` (built when missing, stale or ``fresh``)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"{scale}-g{GENERATOR_VERSION}.duckdb"
    if fresh or not path.exists():
        log(f"building the {scale} database at {path} …")
        return build(path, scale, log)
    con = store.connect(path)  # brings an older cached file up to the current schema
    try:
        counts = con.execute(
            "SELECT (SELECT count(*) FROM assessments), (SELECT count(*) FROM indicator_values)"
        ).fetchall()[0]
        old_ids, new_ids = communes(con, scale)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return Dataset(path, scale, len(old_ids), len(new_ids), counts[0], counts[1], 0.0)


def working_copy(dataset: Dataset, target: Path) -> Path:
    """A copy to write into (ingest cases, the app), so that the cached file stays as generated."""
    for suffix in ("", ".wal"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copy(dataset.path, target)
    return target
