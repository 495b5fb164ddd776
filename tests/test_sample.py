from ntm import metrics, periods, unit_summary, units
from tests.helpers import van_quan


def test_generator_is_deterministic(sample_con):
    from sample_data import generator

    first = generator.facts(sample_con)
    second = generator.facts(sample_con)
    assert first.equals(second)


def test_van_quan_matches_the_district_reports(sample_con):
    district = van_quan(sample_con)
    june_2023 = unit_summary.summary(sample_con, district, periods.parse("2023-06"), "ntm-2021")
    assert june_2023.communes == 14 and june_2023.average_met == 10.5
    assert {c.name: c.met for c in june_2023.lines}["Liên Hội"] == 11
    nov_2024 = unit_summary.summary(sample_con, district, periods.parse("2024-11"), "ntm-2021")
    assert {c.name: c.met for c in nov_2024.lines}["Trấn Ninh"] == 19


def test_province_history_is_plausible(sample_con):
    province = units.resolve(sample_con, "Lạng Sơn", start=periods.parse("2020").start)
    yearly = metrics.yearly_average(sample_con, province).set_index("year")
    assert list(yearly.index) == [2020, 2021, 2022, 2023, 2024, 2025, 2026]
    assert yearly.loc[2026, "set_id"] == "ntm-2026" and yearly.loc[2026, "n_criteria"] == 10  # 1-3/2026, new set
    assert 0 < yearly.loc[2026, "average_met"] <= 10
    assert 9 <= yearly.loc[2020, "average_met"] <= 12
    assert yearly.loc[2022, "average_met"] < yearly.loc[2021, "average_met"]  # the stricter 2021 set
    assert yearly.loc[2025, "average_met"] > yearly.loc[2022, "average_met"]
    assert (yearly["at_standard"] > 0).all()


def test_post_2025_communes_report_from_july(sample_con):
    province = units.resolve(sample_con, "Lạng Sơn", start=periods.parse("2025-09").start)
    assert province.valid_from is not None
    summary = unit_summary.summary(sample_con, province, periods.parse("2025-09"), "ntm-2021")
    assert summary.communes > 50


def test_the_sample_arrives_as_workbooks_in_three_layouts(sample_con):
    uploads = sample_con.execute(
        "SELECT file_name, source, uploaded_by, octet_length(raw) > 0 FROM uploads ORDER BY upload_id"
    ).fetchall()
    from sample_data.counts import FILE_PREFIXES  # villages, levels, resources: tests/test_sample_counts.py

    uploads = [u for u in uploads if not u[0].startswith(FILE_PREFIXES)]
    names = [u[0] for u in uploads]
    assert names[:7] == [
        "bieu-tong-hop-2020.xlsx",
        "bieu-tong-hop-2021.xlsx",
        "du-lieu-dai-2022.xlsx",
        "du-lieu-dai-2023.xlsx",
        "du-lieu-dai-2024.xlsx",
        "tham-dinh-van-quan-2024-11.xlsx",
        "du-lieu-dai-2025.xlsx",
    ]
    assert names[7:13] == [f"mau-nhap-2025-{m:02d}.xlsx" for m in range(7, 13)]
    assert names[13:] == [f"mau-nhap-2026-{m:02d}.xlsx" for m in range(1, 4)]  # on the 2026-2030 set
    assert {u[1:] for u in uploads} == {("import", "sample", True)}  # the upload path, raw file kept


def test_the_workbooks_hold_exactly_the_generated_facts(sample_con):
    from sample_data import generator

    expected = generator.facts(sample_con)
    loaded = sample_con.execute(
        "SELECT unit_id, period, set_id, criterion_no, status FROM assessments WHERE layer = 'self'"
        " AND set_id IN ('ntm-2016', 'ntm-2021', 'ntm-2026')"  # not the villages, nâng cao, kiểu mẫu of sample_data/counts.py
    ).df()
    # 2020-2025 on the 2016 and 2021 sets, then 61 communes x 10 criteria x 1-3/2026 on the 2026-2030 set
    assert len(loaded) == len(expected) == 224_409 + 61 * 10 * 3
    key = ["unit_id", "period", "set_id", "criterion_no"]
    expected["period"] = expected["period"].astype("datetime64[us]")
    loaded["period"] = loaded["period"].astype("datetime64[us]")
    assert (expected.loc[expected["set_id"] == "ntm-2026", "period"].dt.year == 2026).all()
    both = expected.merge(loaded, on=key, suffixes=("", "_loaded"))
    assert len(both) == len(expected) and (both["status"] == both["status_loaded"]).all()


def test_a_province_summary_with_district_group_rows_resolves_names_per_district(sample_con):
    """Hòa Bình is a commune of Văn Quan, Hữu Lũng, Chi Lăng and Bình Gia: the group row above it decides which."""
    from ntm.ingest.importer import import_file
    from ntm.ingest.reader import read_workbook
    from sample_data import workbooks

    facts = sample_con.execute(
        "SELECT unit_id, period, set_id, criterion_no, status FROM assessments WHERE period = DATE '2020-05-01'"
    ).df()
    facts["period"] = facts["period"].dt.date
    province = units.resolve(sample_con, "20", start=periods.parse("2020-05").start)
    data = workbooks.provincial_summary(sample_con, province, facts)
    rows = read_workbook(data, "t.xlsx")[0].rows
    group_rows = [r[1] for r in rows if str(r[1]).startswith("Huyện ") or str(r[1]).startswith("Thành phố ")]
    assert len(group_rows) == 11
    result = import_file(sample_con, data, "t.xlsx", unit="Lạng Sơn", dry_run=True)
    assert (result.status, result.errors, result.warnings) == ("dry-run", [], [])
    assert result.communes == facts["unit_id"].nunique() == 177  # 175 xã + Đồng Giáp and Tràng Các (merged 2020)
    met = facts[facts["status"] == "met"].groupby("unit_id").size()
    assert {c["unit_id"]: c["met"] for c in result.changes} == {int(u): int(n) for u, n in met.items()}


def test_sample_targets_land_in_every_status(sample_con):
    from datetime import date

    from ntm import progress

    province = units.resolve(sample_con, "Lạng Sơn", start=date(2026, 1, 1))
    # judged at 12/2025: from 1/2026 the 2026-2030 set has under 3 months of reports, too few for a pace
    result = progress.report(sample_con, province, 2026, as_of=date(2025, 12, 1))
    assert result.as_of == "2025-12"
    assert {s for s, n in result.status_counts.items() if n} == {
        "achieved",
        "on_track",
        "needs_acceleration",
        "limited",
        "regressing",
    }
    district = van_quan(sample_con)
    assert [(t.name, t.status, t.achieved_by) for t in progress.report(sample_con, district, 2024).targets] == [
        ("Trấn Ninh", "achieved", "recognised")
    ]
    assert [(t.name, t.status) for t in progress.report(sample_con, district, 2023).targets] == [
        ("Liên Hội", "overdue")
    ]


def test_the_appraisal_layer_disagrees_with_one_self_assessment(sample_con):
    district = van_quan(sample_con)
    month = periods.parse("2024-11")
    own = unit_summary.summary(sample_con, district, month, "ntm-2021")
    appraised = unit_summary.summary(sample_con, district, month, "ntm-2021", layer="appraised")
    assert appraised.layer == "appraised" and appraised.communes == own.communes == 14
    met = {c.name: c.met for c in appraised.lines}
    assert met["Liên Hội"] == 18 and {c.name: c.met for c in own.lines}["Liên Hội"] == 19
    assert appraised.total_met == own.total_met - 1
