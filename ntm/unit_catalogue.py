"""The unit tables built from ``vietnamadminunits``: both eras' provinces, districts and communes, the
former names of communes, and which old commune went into which new one (2025 reform).
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from ntm import unit_scopes
from ntm.store import transaction
from ntm.text import clean, fold, name_key
from ntm.units import NEW_ERA_START, OLD_ERA_END

ERAS: dict[str, tuple[date | None, date | None]] = {"old": (None, OLD_ERA_END), "new": (NEW_ERA_START, None)}


_PARTS = {"admin_units_legacy": ("province", "district", "ward"), "admin_units": ("province", "ward")}
_FIELDS = ("", "Short", "Code", "Lat", "Lon", "Key", "Type")  # the columns read of each part: ``provinceCode`` …


def data_file(name: str) -> Path:
    """A file of the package's data, found without importing the package (its parser costs about a second)."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("vietnamadminunits")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / name


def _source_rows(table: str) -> list[dict]:
    """The rows of ``table`` (one of two literals), only the columns the unit tables are built from."""
    parts = _PARTS[table]
    columns = [
        f"{part}{field}" for part in parts for field in _FIELDS if not (part == "province" and field == "Type")
    ] + ["wardAlias"]
    with sqlite3.connect(str(data_file("dataset.db"))) as con:
        cursor = con.execute(f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM [{table}]")
        return [dict(zip(columns, r)) for r in cursor]


def _converter() -> dict:
    return json.loads(data_file("converter_2025.json").read_text(encoding="utf-8"))


def _kind_of(full: str, short: str) -> str:
    return clean(full)[: len(clean(full)) - len(clean(short))].strip() or "Xã"


def _unit_row(
    r: dict, part: str, era: str, parent_id: int | None, district_id: int | None, province_id: int | None
) -> dict:
    """One unit of a source row: ``part`` is "province", "district" or "ward" (a commune), the source's column
    prefix (``provinceCode``, ``districtShort``, ``wardLat`` …)."""
    kind = _kind_of(r[part], r[f"{part}Short"]) if part == "province" else r[f"{part}Type"]
    valid_from, valid_to = ERAS[era]
    return {
        "code": r[f"{part}Code"],
        "name": r[part],
        "short_name": r[f"{part}Short"],
        "level": "commune" if part == "ward" else part,
        "kind": kind,
        "parent_id": parent_id,
        "district_id": district_id,
        "province_id": province_id,
        "valid_from": valid_from,
        "valid_to": valid_to,
        "lat": r[f"{part}Lat"],
        "lon": r[f"{part}Lon"],
    }


def build_frames() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(units, aliases, successors) for the whole country, both eras."""
    units: list[dict] = []
    aliases: list[tuple[int, str, str]] = []
    old_keys: dict[str, int] = {}

    def add(row: dict, own: str | None = None) -> int:
        """Append a unit; ``own`` names the column that holds its own id (a province is its own province)."""
        row["unit_id"] = len(units) + 1
        row["historical"] = False
        if own:
            row[own] = row["unit_id"]
        units.append(row)
        return row["unit_id"]

    provinces: dict[str, int] = {}
    districts: dict[tuple[str, str], int] = {}
    for r in _source_rows("admin_units_legacy"):
        pcode = r["provinceCode"]
        if pcode not in provinces:
            provinces[pcode] = add(_unit_row(r, "province", "old", None, None, None), own="province_id")
        dkey = (pcode, r["districtCode"])
        if dkey not in districts:
            districts[dkey] = add(
                _unit_row(r, "district", "old", provinces[pcode], None, provinces[pcode]), own="district_id"
            )
        if not r["ward"]:
            continue
        uid = add(_unit_row(r, "ward", "old", districts[dkey], districts[dkey], provinces[pcode]))
        old_keys[f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}"] = uid
        for former in json.loads(r["wardAlias"] or "[]"):
            aliases.append((uid, former, "former"))

    new_provinces: dict[str, int] = {}
    new_wards: dict[tuple[str, str], int] = {}
    for r in _source_rows("admin_units"):
        pkey = r["provinceKey"]
        if pkey not in new_provinces:
            new_provinces[pkey] = add(_unit_row(r, "province", "new", None, None, None), own="province_id")
        new_wards[(pkey, r["wardKey"])] = add(
            _unit_row(r, "ward", "new", new_provinces[pkey], None, new_provinces[pkey])
        )

    successors: dict[tuple[int, int], bool] = {}
    conv = _converter()
    for pkey, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for wkey, olds in wards.items():
            for old in olds:
                if old in old_keys and (pkey, wkey) in new_wards:
                    successors[(old_keys[old], new_wards[(pkey, wkey)])] = True
    for pkey, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, targets in olds.items():
            for target in targets:
                if old in old_keys and (pkey, target["newWardKey"]) in new_wards:
                    successors[(old_keys[old], new_wards[(pkey, target["newWardKey"])])] = bool(
                        target["isDefaultNewWard"]
                    )

    frame = pd.DataFrame(units)
    frame["name"] = frame["name"].map(clean)
    frame["short_name"] = frame["short_name"].map(clean)
    frame["name_key"] = frame["short_name"].map(name_key)
    frame["name_fold"] = frame["short_name"].map(fold)
    alias_frame = pd.DataFrame(aliases, columns=["unit_id", "alias_key", "kind"]).drop_duplicates(
        ["unit_id", "alias_key"]
    )
    succ_frame = pd.DataFrame(
        [(o, n, d) for (o, n), d in successors.items()], columns=["old_unit_id", "new_unit_id", "is_default"]
    )
    return frame, alias_frame, succ_frame


def load_catalogue(con: duckdb.DuckDBPyConnection) -> int:
    """(Re)build the unit tables in one transaction; returns the number of units."""
    frame, alias_frame, succ_frame = build_frames()
    cols = (
        "unit_id, code, name, short_name, level, kind, parent_id, district_id, province_id, valid_from, "
        "valid_to, lat, lon, historical, name_key, name_fold"
    )
    con.register("new_units", frame)
    con.register("new_aliases", alias_frame)
    con.register("new_successors", succ_frame)
    try:
        with transaction(con):
            con.execute("DELETE FROM unit_successors")
            con.execute(  # user-entered mergers of historical units go with them (ntm.lineage)
                """DELETE FROM unit_mergers WHERE old_unit_id IN (SELECT unit_id FROM units WHERE historical)
                   OR new_unit_id IN (SELECT unit_id FROM units WHERE historical)"""
            )
            con.execute("DELETE FROM unit_aliases")
            con.execute("DELETE FROM units")
            con.execute(f"INSERT INTO units ({cols}) SELECT {cols} FROM new_units")
            unit_scopes.refresh(con)  # the xã of every scope, from the units just written
            con.execute("INSERT INTO unit_aliases SELECT unit_id, alias_key, kind FROM new_aliases")
            con.execute("INSERT INTO unit_successors SELECT * FROM new_successors")
    finally:
        for name in ("new_units", "new_aliases", "new_successors"):
            con.unregister(name)
    return len(frame)
