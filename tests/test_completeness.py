"""Who has not reported for a month, and whose report came late, per district."""

from datetime import datetime

from ntm import completeness, periods
from tests.helpers import commune, report, van_quan


def test_missing_and_late_reports_per_district(con):
    may = periods.parse("2020-05")
    on_time = report(con, commune(con, "Tú Xuyên"), "2020-05", [1, 2])
    late = report(con, commune(con, "Hữu Lễ"), "2020-05", [1])
    backfill = report(con, commune(con, "Tri Lễ"), "2020-05", [1])
    con.execute("UPDATE uploads SET uploaded_at = ? WHERE upload_id = ?", [datetime(2020, 6, 3), on_time])
    con.execute("UPDATE uploads SET uploaded_at = ? WHERE upload_id = ?", [datetime(2020, 6, 6, 8), late])
    con.execute(
        "UPDATE uploads SET uploaded_at = ?, backfill = true WHERE upload_id = ?", [datetime(2023, 1, 1), backfill]
    )
    row = completeness.by_district(con, van_quan(con), may, "ntm-2016").iloc[0]
    assert (row["district"], row["reported"], row["late"], row["late_names"]) == ("Văn Quan", 3, 1, ["Hữu Lễ"])
    assert row["expected"] == 14 and row["missing"] == 11 and "Tú Xuyên" not in row["missing_names"]


def test_a_corrected_report_keeps_the_date_it_first_arrived(con):
    first = report(con, commune(con, "Tú Xuyên"), "2020-05", [1])
    con.execute("UPDATE uploads SET uploaded_at = ? WHERE upload_id = ?", [datetime(2020, 6, 2), first])
    report(con, commune(con, "Tú Xuyên"), "2020-05", [1, 2])  # corrected today: not late
    row = completeness.by_district(con, van_quan(con), periods.parse("2020-05"), "ntm-2016").iloc[0]
    assert row["late"] == 0 and row["reported"] == 1


def test_due_date_is_the_fifth_of_the_next_month():
    assert completeness.due_date(periods.parse("2020-12").start) == datetime(2021, 1, 5, 23, 59, 59)
