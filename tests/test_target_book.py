"""The targets, goals and decisions kept per data version answer as the statements over the tables did, and a
committed write (never a rolled-back one) is seen at once."""

from __future__ import annotations

from datetime import date

import pytest

from ntm import lineage, resources, target_book, targets, units, villages
from ntm.periods import parse
from ntm.store import transaction
from ntm.target_records import Target
from tests.counts_helpers import load_resources, make_villages
from tests.helpers import commune, van_quan

DAYS = [date(2018, 12, 1), date(2020, 5, 1), date(2024, 12, 1), date(2025, 1, 1), date(2025, 9, 1)]


def _targets_sql(con, unit, year=None) -> list[Target]:
    """``targets.current`` as its statement answered it before the book."""
    rows = con.execute(
        """SELECT t.target_id, t.unit_id, c.code, c.short_name AS name, d.short_name AS district, t.level,
                  t.target_month, t.plan, t.note, t.entered_at, t.entered_by, t.source
           FROM targets t JOIN units c ON c.unit_id = t.unit_id LEFT JOIN units d ON d.unit_id = c.district_id
           WHERE t.superseded_at IS NULL AND ($u = 0 OR c.unit_id = $u OR c.district_id = $u OR c.province_id = $u)
             AND coalesce(year(t.target_month) = $year, true)
           ORDER BY t.target_month, d.short_name, c.short_name, t.level""",
        {"u": unit.unit_id, "year": year},
    ).fetchall()
    return [Target(*r) for r in rows]


def _counts_sql(con, unit, as_of) -> dict[str, int]:
    end = targets._month_end(as_of)
    ranks = con.execute(
        """SELECT r.unit_id, max(CASE r.level WHEN 'kieu_mau' THEN 3 WHEN 'nang_cao' THEN 2 ELSE 1 END)
           FROM recognitions r JOIN units c ON c.unit_id = r.unit_id
           WHERE ($u = 0 OR c.unit_id = $u OR c.district_id = $u OR c.province_id = $u) AND r.decision_date <= $end
             AND (c.valid_to IS NULL OR c.valid_to >= $end) AND (c.valid_from IS NULL OR c.valid_from <= $end)
           GROUP BY 1""",
        {"u": unit.unit_id, "end": end},
    ).fetchall()
    return {level: sum(1 for _, rank in ranks if rank >= k + 1) for k, level in enumerate(targets.LEVELS)}


def _scopes(con):
    district = van_quan(con)
    return [units.national(), units.get(con, district.province_id), district, commune(con, "Trấn Ninh")]


def test_targets_goals_and_decisions_answer_as_their_statements(con):
    names = ["Trấn Ninh", "Hữu Lễ", "Tràng Phái", "Yên Phúc"]
    rows = [
        targets.TargetRow(commune(con, name).unit_id, level, date(year, month, 1), plan="KH 1", note=None)
        for name, level, year, month in zip(
            names, ["ntm", "nang_cao", "ntm", "kieu_mau"], [2024, 2025, 2024, 2026], [11, 12, 6, 3]
        )
    ]
    targets.save_targets(con, rows, by="a", source="app")
    district = van_quan(con)
    targets.save_goals(con, [targets.GoalRow(district.unit_id, 2027, "average_met", 17.5)], by="a", source="app")
    for name, level, day in zip(names, ["ntm", "kieu_mau", "nang_cao", "ntm"], DAYS):
        targets.add_recognition(con, commune(con, name).unit_id, level, f"{day:%Y}/QĐ", day)
    for scope in _scopes(con):
        assert targets.current(con, scope) == _targets_sql(con, scope), scope.name
        for year in (2024, 2025, 2026, 2027):
            assert targets.current(con, scope, year) == _targets_sql(con, scope, year), (scope.name, year)
        for day in DAYS:
            assert targets.recognised_counts(con, scope, day) == _counts_sql(con, scope, day), (scope.name, day)
    assert targets.years(con, district) == [2024, 2025, 2026, 2027]  # the targets' years and the goal's
    assert [g.value for g in targets.current_goals(con, district, 2027)] == [17.5]
    assert targets.current_goals(con, district, 2026) == []
    tran_ninh = commune(con, "Trấn Ninh").unit_id
    assert targets.recognition_at(con, tran_ninh, "ntm", date(2018, 11, 1)) is None  # decided in December
    assert targets.recognition_at(con, tran_ninh, "ntm", date(2018, 12, 1)).decision_no == "2018/QĐ"
    assert targets.recognition_at(con, tran_ninh, "nang_cao", date(2030, 1, 1)) is None  # a lower level only


def _failed_write(con, district) -> None:
    with transaction(con):
        targets.write_targets(con, [], date(2024, 1, 1), "a", "app", replace_scope=district)  # supersedes it
        raise RuntimeError("the upload fails")


def test_a_committed_write_is_seen_and_a_rolled_back_one_is_not(con):
    district, tran_ninh = van_quan(con), commune(con, "Trấn Ninh")
    assert targets.current(con, district) == [] and target_book.book(con) is target_book.book(con)  # kept
    row = targets.TargetRow(tran_ninh.unit_id, "ntm", date(2024, 11, 1), plan="KH", note=None)
    targets.save_targets(con, [row], by="a", source="app")
    assert [t.name for t in targets.current(con, district)] == ["Trấn Ninh"]
    with pytest.raises(RuntimeError):
        _failed_write(con, district)
    assert [t.name for t in targets.current(con, district)] == ["Trấn Ninh"]  # rolled back: as it was
    targets.save_targets(con, [], by="a", source="app", replace_scope=district)
    assert targets.current(con, district) == []
    targets.add_recognition(con, tran_ninh.unit_id, "ntm", "1/QĐ", date(2020, 1, 2))
    assert targets.recognised_counts(con, district, date(2020, 1, 1))["ntm"] == 1


def test_provinces_villages_and_resource_holders_follow_writes(con):
    district = van_quan(con)
    province = units.get(con, district.province_id)
    assert lineage.today_province(con, district).code == province.code
    assert lineage.same_unit(con, province, date(2024, 1, 1)) == province
    assert all(p.level == "province" for p in lineage.provinces(con))
    assert not villages.any_village(con)
    make_villages(con, {"Trấn Ninh": 2})
    assert villages.any_village(con)  # the village list's transaction bumped the data version
    period = parse("2023")
    assert all(f.cumulative is None for f in resources.figures(con, district, period))
    load_resources(con, [["Tú Xuyên", "road_km", "", "km", "Quý I/2023", "41", None]])
    road = [f.cumulative for f in resources.figures(con, district, period) if f.quantity.code == "road_km"]
    assert road == [41.0]  # the upload's transaction bumped the data version: the holders were read again
    assert any(f.cumulative for f in resources.figures(con, commune(con, "Tú Xuyên"), period))
    assert all(f.cumulative is None for f in resources.figures(con, commune(con, "Hữu Lễ"), period))


def _failed_write_read_inside(con, district) -> None:
    with transaction(con):
        targets.write_targets(con, [], date(2024, 1, 1), "a", "app", replace_scope=district)
        assert targets.current(con, district) == []  # the transaction sees its own write ...
        raise RuntimeError("the upload fails")


def test_what_a_transaction_reads_of_its_own_writes_is_not_kept(con):
    district, tran_ninh = van_quan(con), commune(con, "Trấn Ninh")
    row = targets.TargetRow(tran_ninh.unit_id, "ntm", date(2024, 11, 1), plan="KH", note=None)
    targets.save_targets(con, [row], by="a", source="app")
    with pytest.raises(RuntimeError):
        _failed_write_read_inside(con, district)
    assert [t.name for t in targets.current(con, district)] == ["Trấn Ninh"]  # ... and nobody keeps it
