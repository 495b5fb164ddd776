"""A dry run's preview: criteria newly met and lost against the previous report, and missing communes."""

import json
from pathlib import Path

import pandas as pd

from ntm.ingest.importer import import_file
from ntm.ingest.preview import preview
from tests.helpers import commune, report

CORPUS = Path(__file__).parent.parent / "corpus" / "files"


def test_changes_against_the_previous_report_and_missing_communes(con):
    tu_xuyen, huu_le = commune(con, "Tú Xuyên"), commune(con, "Hữu Lễ")
    report(con, tu_xuyen, "2020-04", [1, 2, 3])
    report(con, huu_le, "2020-04", [1])
    upload = pd.DataFrame(
        [
            (
                tu_xuyen.unit_id,
                pd.Timestamp("2020-05-01").date(),
                "ntm-2016",
                c,
                "met" if c in (1, 3, 4) else "not_met",
                "self",
            )
            for c in range(1, 20)
        ],
        columns=["unit_id", "period", "set_id", "criterion_no", "status", "layer"],
    )
    changes, missing = preview(con, upload)
    assert changes == [
        {
            "unit_id": tu_xuyen.unit_id,
            "name": "Tú Xuyên",
            "period": "2020-05",
            "met": 3,
            "met_before": 3,
            "newly_met": [4],
            "newly_lost": [2],
        }
    ]
    assert missing == [{"unit_id": huu_le.unit_id, "name": "Hữu Lễ"}]  # reported in April, not in this upload
    appraisal = upload.assign(layer="appraised")
    assert preview(con, appraisal)[0][0]["met_before"] is None  # no earlier appraisal to compare with


def _upload(unit, month: str, met: set[int], *, set_id: str = "ntm-2016", n: int = 19) -> pd.DataFrame:
    day = pd.Timestamp(f"{month}-01").date()
    rows = [(unit.unit_id, day, set_id, c, "met" if c in met else "not_met", "self") for c in range(1, n + 1)]
    return pd.DataFrame(rows, columns=["unit_id", "period", "set_id", "criterion_no", "status", "layer"])


def test_each_month_of_an_upload_is_compared_with_the_report_before_it_in_the_database(con):
    tu_xuyen = commune(con, "Tú Xuyên")
    report(con, tu_xuyen, "2019-12", [1, 2])  # a year before the upload: still the report before its first month
    report(con, tu_xuyen, "2020-06", [1, 2, 5])  # replaced by the upload: June is compared with March, not itself
    upload = pd.concat([_upload(tu_xuyen, "2020-06", {1, 5, 6}), _upload(tu_xuyen, "2020-03", {1, 2, 3})])
    changes, _ = preview(con, upload)
    assert [(c["period"], c["met"], c["met_before"], c["newly_met"], c["newly_lost"]) for c in changes] == [
        ("2020-03", 3, 2, [3], []),  # against December 2019: 1, 2 met then
        ("2020-06", 3, 2, [5, 6], [2]),  # against December 2019 too: the upload's March is not in the database yet
    ]


def test_another_set_is_not_a_report_before(con):
    tu_xuyen = commune(con, "Tú Xuyên")
    report(con, tu_xuyen, "2020-04", [1, 2, 3])
    changes, _ = preview(con, _upload(tu_xuyen, "2020-05", {1}, set_id="ntm-2021"))
    assert changes[0]["met_before"] is None and changes[0]["newly_lost"] == []


def test_missing_communes_are_of_the_upload_s_districts_and_sorted_by_name(con):
    tu_xuyen, huu_le, binh_phuc = commune(con, "Tú Xuyên"), commune(con, "Hữu Lễ"), commune(con, "Bình Phúc")
    elsewhere = commune(con, "Hoàng Đồng", district="Thành phố Lạng Sơn")
    for unit in (tu_xuyen, huu_le, binh_phuc, elsewhere):
        report(con, unit, "2020-04", [1])
    report(con, tu_xuyen, "2020-03", [1])
    _, missing = preview(con, _upload(tu_xuyen, "2020-05", {1}))
    assert [m["name"] for m in missing] == ["Bình Phúc", "Hữu Lễ"]  # not Hoàng Đồng: another district
    assert preview(con, _upload(tu_xuyen, "2020-04", {1}))[1] == []  # nobody reported in March but Tú Xuyên


def test_an_empty_database_has_no_report_before(con):
    tu_xuyen = commune(con, "Tú Xuyên")
    changes, missing = preview(con, _upload(tu_xuyen, "2020-05", {1, 2}))
    assert [(c["name"], c["met"], c["met_before"], c["newly_lost"]) for c in changes] == [("Tú Xuyên", 2, None, [])]
    assert missing == []


def test_months_as_timestamps_read_as_months_as_dates(con):
    """The loader and DuckDB hand the months over as timestamps, the tests above as dates: the same answers, for one
    month (the usual upload) and for two."""
    tu_xuyen, huu_le = commune(con, "Tú Xuyên"), commune(con, "Hữu Lễ")
    report(con, tu_xuyen, "2019-12", [1, 2])
    report(con, huu_le, "2020-02", [1])
    one = _upload(tu_xuyen, "2020-03", {1, 2, 3})
    two = pd.concat([_upload(tu_xuyen, "2020-06", {1, 5, 6}), one])
    for upload in (one, two):
        stamped = upload.assign(period=pd.to_datetime(upload["period"]))
        assert stamped["period"].dtype.kind == "M"
        assert preview(con, stamped) == preview(con, upload)
    changes, missing = preview(con, two.assign(period=pd.to_datetime(two["period"])))
    assert [(c["period"], c["newly_met"], c["newly_lost"]) for c in changes] == [
        ("2020-03", [3], []),
        ("2020-06", [5, 6], [2]),
    ]
    assert missing == [{"unit_id": huu_le.unit_id, "name": "Hữu Lễ"}]  # reported in February, the month before


def test_a_corpus_workbook_of_two_months_is_previewed_month_by_month(con):
    """The corpus's long sheet (a period on every row, May and June 2020, 14 communes of Văn Quan) read by the real
    reader, dry run: one entry per commune and month, June's counts those the corpus records for it, and June
    compared with the database, not with the upload's own May."""
    name = "f4_long_codes_two_months.xlsx"
    expected = json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))
    tu_xuyen = commune(con, "Tú Xuyên")
    report(con, tu_xuyen, "2020-04", [1, 2])
    result = import_file(con, (CORPUS / name).read_bytes(), name, dry_run=True, **expected.get("options", {}))
    assert result.status == "dry-run"
    assert sorted({c["period"] for c in result.changes}) == ["2020-05", "2020-06"]
    assert len(result.changes) == 2 * expected["communes"] == 28
    names = dict(con.execute("SELECT unit_id, short_name FROM units").fetchall())
    june = {names[c["unit_id"]]: c["met"] for c in result.changes if c["period"] == "2020-06"}
    assert june == expected["met"]
    tu_xuyen_june = next(c for c in result.changes if c["unit_id"] == tu_xuyen.unit_id and c["period"] == "2020-06")
    assert tu_xuyen_june["met_before"] == 2  # April's report, the last one in the database
