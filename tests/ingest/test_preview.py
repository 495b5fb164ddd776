"""A dry run's preview: criteria newly met and lost against the previous report, and missing communes."""

import pandas as pd

from ntm.ingest.preview import preview
from tests.helpers import commune, report


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
