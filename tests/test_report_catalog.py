"""The report draft's catalogue answers as the catalogue's own queries do, and reads the tables once per draft."""

from __future__ import annotations

from datetime import date

from ntm import catalog, metrics, report_catalog
from ntm.page_memo import shared

DAYS = [date(2015, 6, 1), date(2016, 1, 1), date(2021, 12, 1), date(2022, 1, 1), date(2025, 7, 1), date(2026, 3, 1)]
LEVELS = ["commune", "commune_advanced", "commune_model", "village", "village_model", "district", "none"]


def test_answers_match_the_catalogue_queries(con):
    for set_id in [*catalog.sets(con)["set_id"], "no-such-set"]:
        assert report_catalog.n_criteria(con, set_id) == metrics.n_criteria(con, set_id), set_id
    for day in DAYS:
        for level in LEVELS:
            assert report_catalog.set_for_period(con, day, level) == catalog.set_for_period(con, day, level)
    crit = catalog.criteria(con, "ntm-2021")
    mine = report_catalog.criteria(con, "ntm-2021")
    assert [c.criterion_no for c in mine] == crit["criterion_no"].tolist()
    assert [c.name("vi") for c in mine] == crit["name_vi"].tolist()
    assert [c.name("en") for c in mine] == crit["name_en"].tolist()
    assert [c.department("vi") for c in mine] == crit["department_vi"].tolist()
    assert report_catalog.find(con, "ntm-2021").level == "commune" and report_catalog.find(con, "x") is None


def test_read_once_inside_a_draft(con):
    with shared():
        first = report_catalog.catalogue(con)
        con.execute("UPDATE criteria_sets SET name = 'Renamed' WHERE set_id = 'ntm-2021'")
        assert report_catalog.catalogue(con) is first  # one read per draft, kept to its end
    assert report_catalog.find(con, "ntm-2021").name == "Renamed"  # the next draft reads the tables again
