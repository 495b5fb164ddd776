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
