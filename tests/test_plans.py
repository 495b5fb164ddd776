"""Plan workbooks and editor rows: validation with cell addresses, all-or-nothing loads, history."""

from datetime import date

from ntm import plans, targets
from tests.helpers import commune, plan_book, van_quan


def counts(con):
    return [
        con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in ("targets", "unit_goals", "recognitions")
    ]


def test_a_plan_workbook_loads_targets_goals_and_recognitions(con):
    data = plan_book(
        [
            ("Trấn Ninh", "Văn Quan", "NTM", "11/2024", "KH 125/KH-UBND", None),
            ("Yên Phúc", "Văn Quan", "NTM nâng cao", 2025, "KH 125/KH-UBND", "ưu tiên"),
            ("Điềm He", "Văn Quan", "Kiểu mẫu", "2025", "KH 125/KH-UBND", None),
        ],
        [("Lạng Sơn/Văn Quan", 2024, "Bình quân tiêu chí/xã", "13,5", "NQ")],
        [("Tràng Phái", "Văn Quan", "NTM", "1890/QĐ-UBND", "28/12/2018")],
    )
    plan, loaded = plans.import_plan(con, data, "ke-hoach.xlsx")
    assert plan.errors == [] and loaded == {"targets": 3, "goals": 1, "recognitions": 1}
    rows = {(t.name, t.level): t for t in targets.current(con, van_quan(con))}
    assert rows[("Trấn Ninh", "ntm")].target_month == date(2024, 11, 1)
    assert rows[("Yên Phúc", "nang_cao")].target_month == date(2025, 12, 1)  # a year alone: its December
    assert rows[("Điềm He", "kieu_mau")].plan == "KH 125/KH-UBND"
    assert targets.current_goals(con, van_quan(con), 2024)[0].value == 13.5  # "13,5"
    assert (
        targets.recognition_at(con, commune(con, "Tràng Phái").unit_id, "ntm", date(2019, 1, 1)).decision_no
        == "1890/QĐ-UBND"
    )


def test_a_bad_row_rejects_the_whole_plan_with_cell_addresses(con):
    data = plan_book(
        [
            ("Trấn Ninh", "Văn Quan", "NTM", "11/2024", "KH", None),
            ("Yên Phúc", "Văn Quan", "rất cao", "2025", "KH", None),
            ("Không Có", "Văn Quan", "NTM", "2025", "KH", None),
            ("Hữu Lễ", "Văn Quan", "NTM", "13/2025", "KH", None),
            ("Trấn Ninh", "Văn Quan", "NTM", "2025", "KH", None),
        ]
    )
    before = counts(con)
    plan, loaded = plans.import_plan(con, data, "ke-hoach.xlsx")
    assert loaded == {} and counts(con) == before
    found = [(p.key, p.sheet, f"{p.column}{p.row}") for p in plan.errors]
    assert found == [
        ("targets.bad_level", "Mục tiêu xã", "D4"),
        ("targets.unit", "Mục tiêu xã", "B5"),
        ("targets.bad_month", "Mục tiêu xã", "E6"),
        ("targets.duplicate", "Mục tiêu xã", "B7"),
    ]
    assert "NTM nâng cao" in plan.errors[0].message("vi")  # says what to write instead


def test_a_new_plan_supersedes_and_keeps_history(con):
    plans.import_plan(con, plan_book([("Trấn Ninh", "Văn Quan", "NTM", "2024", "KH 1", None)]), "a.xlsx")
    plans.import_plan(con, plan_book([("Trấn Ninh", "Văn Quan", "NTM", "11/2024", "KH 2", None)]), "b.xlsx")
    district = van_quan(con)
    assert [(t.plan, t.target_month) for t in targets.current(con, district)] == [("KH 2", date(2024, 11, 1))]
    history = targets.history(con, district)
    assert list(history["plan"]) == ["KH 2", "KH 1"] and history["superseded_at"].notna().tolist() == [False, True]


def test_validate_rows_from_the_editor(con):
    import pandas as pd

    frame = pd.DataFrame(
        [
            {"name": "Trấn Ninh", "level": "NTM", "target_month": "11/2024", "plan": "KH"},
            {"name": "Trấn Ninh", "level": "NTM", "target_month": "x", "plan": "KH"},
        ]
    )
    plan = plans.validate_targets(con, frame, van_quan(con))
    assert len(plan.targets) == 1 and [(p.key, p.row) for p in plan.errors] == [("targets.bad_month", 3)]


def test_month_of_reads_the_ways_plans_write_deadlines():
    assert plans.month_of("11/2024") == date(2024, 11, 1)
    assert plans.month_of(2025.0) == date(2025, 12, 1)
    assert plans.month_of("2024-11") == date(2024, 11, 1)
    assert plans.month_of("13/2024") is None and plans.month_of("sớm") is None
