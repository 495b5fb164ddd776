"""Targets, goals and recognitions as stored data: supersede with history, recognised counts."""

from datetime import date

from ntm import targets
from tests.helpers import commune, van_quan


def test_the_editor_replaces_its_scope_and_leaves_unchanged_rows(con):
    tran_ninh, huu_le = commune(con, "Trấn Ninh"), commune(con, "Hữu Lễ")
    first = [
        targets.TargetRow(unit_id=tran_ninh.unit_id, level="ntm", target_month=date(2024, 11, 1), plan="KH", note=None),
        targets.TargetRow(unit_id=huu_le.unit_id, level="ntm", target_month=date(2025, 12, 1), plan="KH", note=None),
    ]
    assert targets.save_targets(con, first, by="a", source="app") == {"added": 2, "superseded": 0, "unchanged": 0}
    again = targets.save_targets(con, first[:1], by="a", source="app", replace_scope=van_quan(con))
    assert again == {"added": 0, "superseded": 1, "unchanged": 1}  # Hữu Lễ's row was deleted in the editor
    assert [t.name for t in targets.current(con, van_quan(con))] == ["Trấn Ninh"]


def test_recognised_counts_include_higher_levels_and_not_merged_successors(con):
    district = van_quan(con)
    targets.add_recognition(con, commune(con, "Tràng Phái").unit_id, "ntm", "1/QĐ", date(2018, 12, 28))
    targets.add_recognition(con, commune(con, "Yên Phúc").unit_id, "kieu_mau", "2/QĐ", date(2024, 12, 28))
    assert targets.recognised_counts(con, district, date(2020, 5, 1)) == {"ntm": 1, "nang_cao": 0, "kieu_mau": 0}
    assert targets.recognised_counts(con, district, date(2025, 1, 1)) == {"ntm": 2, "nang_cao": 1, "kieu_mau": 1}
