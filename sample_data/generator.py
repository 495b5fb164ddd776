"""Deterministic, realistic sample data for Lạng Sơn province.

Every pre-2025 xã reports monthly from 2020-01 to 2025-06 (``ntm-2016`` until 2021-12, then
``ntm-2021``), the post-2025 xã from 2025-07 to 2025-12 and on the 2026-2030 set (``ntm-2026``, 10 criteria)
from 2026-01 to 2026-03. Communes gain criteria over the
years, the hard ones (income, poverty, environment, production) last; a set change costs
criteria; some criteria are lost for a few months; a few reports are missing.

Văn Quan is pinned to its district reports (domain README §6): in 5/2020 Tràng Phái, Tân Đoàn
and Yên Phúc at 19, Hữu Lễ at 16 (unmet 10, 11, 17), Tú Xuyên at 10 (unmet 2, 4, 5, 6, 9, 11,
15, 16, 17), 16 communes averaging 10,9 (Đồng Giáp and Tràng Các, later merged into Khánh
Khê, included); in 6/2023, 14 communes averaging 10,5 with Liên Hội at 11.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field
from datetime import date

import duckdb
import pandas as pd

from ntm import lineage
from ntm import units as units_mod
from ntm.periods import months_between, shift_months

SEED = 20200520
PROVINCE_CODE = "20"
FIRST, OLD_LAST = date(2020, 1, 1), date(2025, 6, 1)
NEW_FIRST, NEW_LAST = date(2025, 7, 1), date(2026, 3, 1)
SET_2026 = date(2026, 1, 1)  # the 2026-2030 set (10 criteria) from 1/2026
# The 2026-2030 set's criteria, easy → hard; a commune starts it meeting about half as many as it met of 19.
DIFFICULTY_2026 = [10, 9, 1, 5, 2, 4, 8, 7, 6, 3]
SET_CHANGE = date(2022, 1, 1)
ANCHOR_2020, ANCHOR_2023 = date(2020, 5, 1), date(2023, 6, 1)

# Easy → hard: the order in which a typical commune meets criteria (10 income, 11 poverty,
# 17 environment and 13 production last).
DIFFICULTY = [19, 18, 1, 8, 4, 7, 3, 12, 14, 16, 2, 5, 9, 6, 15, 13, 11, 10, 17]

# name → (count 5/2020, count 6/2023 or None if merged, unmet criteria 5/2020 if pinned)
VAN_QUAN = {
    "Tràng Phái": (19, 19, []),
    "Tân Đoàn": (19, 19, []),
    "Yên Phúc": (19, 19, []),
    "Hữu Lễ": (16, 15, [10, 11, 17]),
    "Tú Xuyên": (10, 6, [2, 4, 5, 6, 9, 11, 15, 16, 17]),
    "Trấn Ninh": (12, 12, None),
    "Liên Hội": (9, 11, None),
    "Hòa Bình": (8, 5, None),
    "Điềm He": (13, 19, None),
    "An Sơn": (7, 5, None),
    "Khánh Khê": (9, 5, None),
    "Lương Năng": (8, 4, None),
    "Bình Phúc": (8, 4, None),
    "Tri Lễ": (6, 4, None),
    "Đồng Giáp": (5, None, None),
    "Tràng Các": (6, None, None),
}
MERGED_2020 = {"Đồng Giáp": "Khánh Khê", "Tràng Các": "Khánh Khê"}  # historical units, last report 12/2020
# Post-merger communes (by position in the code order) that lose two criteria in 10/2025 and gain none.
REGRESSING_NEW, REGRESSION_MONTH = (7, 23), date(2025, 10, 1)
# Extra keyframes: (month, count). Trấn Ninh reaches 19 in 11/2024 (the 2024 plan).
EXTRA_KEYS = {
    "Trấn Ninh": [(date(2024, 10, 1), 17), (date(2024, 11, 1), 19)],
    "Liên Hội": [(date(2023, 12, 1), 14), (date(2024, 9, 1), 19)],
}


@dataclass
class Track:
    """One commune's trajectory: keyframes (month → criteria met) and its criteria order."""

    unit_id: int
    name: str
    order: list[int]
    keys: list[tuple[date, int]] = field(default_factory=list)
    last: date = OLD_LAST

    def count(self, month: date) -> int:
        keys = sorted(self.keys)
        if month <= keys[0][0]:
            return keys[0][1]
        for (m0, c0), (m1, c1) in itertools.pairwise(keys):
            if m0 <= month <= m1:  # linear between keyframes; adjacent ones (12/2021 → 1/2022) step
                return c0 + int((c1 - c0) * months_between(m0, month) / (months_between(m0, m1) or 1))
        return keys[-1][1]


def _order(rng: random.Random, unmet: list[int] | None) -> list[int]:
    if unmet:
        met = [c for c in DIFFICULTY if c not in unmet]
        return met + [c for c in DIFFICULTY if c in unmet]
    return sorted(DIFFICULTY, key=lambda c: DIFFICULTY.index(c) + rng.gauss(0, 2.5))


def _tracks(con: duckdb.DuckDBPyConnection, rng: random.Random) -> list[Track]:
    province = units_mod.resolve(con, PROVINCE_CODE, start=ANCHOR_2020)
    communes = units_mod.communes_under(con, province, ANCHOR_2020, ANCHOR_2020)
    communes = communes[~communes["historical"].astype(bool)]  # the merged ones are added by _add_merged
    tracks = []
    for row in communes.itertuples():
        pinned = VAN_QUAN.get(row.name) if row.district == "Văn Quan" else None
        if pinned:
            a1, a2, unmet = pinned
        else:
            a1, a2, unmet = max(2, min(19, round(rng.gauss(10.5, 3.4)))), None, None
        c1 = 19 if a1 == 19 else min(19, a1 + rng.randint(1, 4))
        c2 = 19 - rng.randint(0, 1) if c1 == 19 else max(2, c1 - rng.randint(1, 5))
        a2 = a2 if a2 is not None else min(19, c2 + rng.randint(0, 3))
        c2 = min(c2, a2)
        c3 = 19 if a2 == 19 else min(19, a2 + rng.randint(1, 5))
        keys = [
            (FIRST, max(0, a1 - rng.randint(0, 1))),
            (ANCHOR_2020, a1),
            (date(2021, 12, 1), c1),
            (SET_CHANGE, c2),
            (ANCHOR_2023, a2),
            (OLD_LAST, c3),
        ]
        if pinned and row.name in EXTRA_KEYS:
            keys = [k for k in keys if k[0] <= ANCHOR_2023] + EXTRA_KEYS[row.name] + [(OLD_LAST, 19)]
        tracks.append(Track(int(row.unit_id), row.name, _order(rng, unmet), keys))
    return tracks


def _add_merged(con: duckdb.DuckDBPyConnection, rng: random.Random) -> list[Track]:
    district = units_mod.resolve(con, "Lạng Sơn/Văn Quan", start=ANCHOR_2020)
    tracks = []
    for name in MERGED_2020:
        try:
            unit = units_mod.resolve(con, name, start=ANCHOR_2020, within=district, prefer="commune")
        except units_mod.UnitNotFound:
            unit = units_mod.add_historical_unit(con, name, district, valid_to=date(2020, 12, 31))
        into = units_mod.resolve(con, MERGED_2020[name], start=ANCHOR_2020, within=district, prefer="commune")
        lineage.add_merger(con, unit, into, date(2021, 1, 1), source="sample")  # as the province enters it
        a1 = VAN_QUAN[name][0]
        tracks.append(
            Track(
                unit.unit_id,
                name,
                _order(rng, None),
                [(FIRST, a1), (ANCHOR_2020, a1), (date(2020, 12, 1), a1 + 1)],
                last=date(2020, 12, 1),
            )
        )
    return tracks


def _statuses(track: Track, count: int, rng: random.Random, lost: dict[int, int]) -> dict[int, str]:
    status = {c: ("met" if i < count else "not_met") for i, c in enumerate(track.order)}
    if count < 19 and rng.random() < 0.45:
        status[track.order[count]] = "basically_met"  # the next one is "gần đạt"
    for c in list(lost):
        if status.get(c) == "met":
            status[c] = "not_met"
    return status


def facts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """All sample assessments as one frame (unit_id, period, set_id, criterion_no, status)."""
    rng = random.Random(SEED)
    tracks = _tracks(con, rng) + _add_merged(con, rng)
    rows: list[tuple] = []
    june_2025: dict[int, dict[int, str]] = {}
    for track in tracks:
        lost: dict[int, int] = {}  # criterion → months left of a temporary loss
        month = FIRST
        while month <= track.last:
            set_id = "ntm-2016" if month < SET_CHANGE else "ntm-2021"
            count = track.count(month)
            lost = {c: m - 1 for c, m in lost.items() if m > 1}
            if count >= 3 and month not in (ANCHOR_2020, ANCHOR_2023) and rng.random() < 0.02:
                lost[track.order[rng.randint(0, count - 1)]] = rng.randint(1, 3)
            pinned_month = month in (ANCHOR_2020, ANCHOR_2023, OLD_LAST)
            if not pinned_month and rng.random() < 0.012:
                month = shift_months(month, 1)  # a missing monthly report
                continue
            status = _statuses(track, count, rng, {} if pinned_month else lost)
            if month == OLD_LAST:
                june_2025[track.unit_id] = status
            rows.extend((track.unit_id, month, set_id, c, s) for c, s in status.items())
            month = shift_months(month, 1)
    rows.extend(_new_era(con, rng, june_2025))
    return pd.DataFrame(rows, columns=["unit_id", "period", "set_id", "criterion_no", "status"])


def _new_era(con: duckdb.DuckDBPyConnection, rng: random.Random, june_2025: dict[int, dict[int, str]]) -> list[tuple]:
    """Post-merger communes: a criterion is met when every rural predecessor met it in 6/2025."""
    province = units_mod.resolve(con, PROVINCE_CODE, start=NEW_FIRST)
    new = units_mod.communes_under(con, province, NEW_FIRST, NEW_FIRST)
    pairs = con.execute("SELECT old_unit_id, new_unit_id FROM unit_successors").fetchall()
    predecessors: dict[int, list[int]] = {}
    for old, new_id in pairs:
        if old in june_2025:
            predecessors.setdefault(new_id, []).append(old)
    rows = []
    later = random.Random(SEED + 2026)  # the 2026 months draw apart, so that 7-12/2025 stay as they were
    for k, row in enumerate(new.itertuples()):
        olds = predecessors.get(int(row.unit_id), [])
        if olds:
            status = {c: ("met" if all(june_2025[o].get(c) == "met" for o in olds) else "not_met") for c in DIFFICULTY}
        else:
            status = {c: ("met" if i < rng.randint(8, 16) else "not_met") for i, c in enumerate(DIFFICULTY)}
        month = NEW_FIRST
        regressing = k in REGRESSING_NEW
        while month <= NEW_LAST:
            draw = rng if month < SET_2026 else later
            if regressing and month == REGRESSION_MONTH:  # a re-survey puts households back under the poverty line
                met = [c for c in DIFFICULTY if status[c] == "met"]
                for c in met[-2:]:
                    status[c] = "not_met"
            elif draw.random() < 0.25 and not regressing:
                pending = [c for c in DIFFICULTY if status[c] != "met"]
                if pending:
                    status[pending[0]] = "met"
            if month >= SET_2026:
                rows.extend(_set_2026(int(row.unit_id), month, status, later))
            else:
                rows.extend((int(row.unit_id), month, "ntm-2021", c, s) for c, s in status.items())
            month = shift_months(month, 1)
    return rows


def _set_2026(unit_id: int, month: date, status: dict[int, str], rng: random.Random) -> list[tuple]:
    """A month under the 2026-2030 set: the stricter set meets about half as many criteria as the 19 met."""
    met = sum(1 for s in status.values() if s == "met")
    count = min(10, max(1, round(met * 10 / 19) - 1 + (month.month - 1) * (rng.random() < 0.3)))
    return [(unit_id, month, "ntm-2026", c, "met" if i < count else "not_met") for i, c in enumerate(DIFFICULTY_2026)]
