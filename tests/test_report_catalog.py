"""The report draft's catalogue answers as the catalogue's own queries do, and reads the tables once per draft."""

from __future__ import annotations

from datetime import date

from ntm import catalog, metrics, report_catalog
from ntm.data_version import changed
from ntm.page_memo import shared
from ntm.store import transaction

DAYS = [date(2015, 6, 1), date(2016, 1, 1), date(2021, 12, 1), date(2022, 1, 1), date(2025, 7, 1), date(2026, 3, 1)]
LEVELS = ["commune", "commune_advanced", "commune_model", "village", "village_model", "district", "none"]


def _set_in_force(con, day, level):
    """The set in force as one query answers it (what ``catalog.set_for_period`` ran before it read the kept
    catalogue)."""
    rows = con.execute(
        """SELECT set_id FROM criteria_sets WHERE level = ?
             AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to >= ?)
           ORDER BY valid_from DESC NULLS LAST LIMIT 1""",
        [level, day, day],
    ).fetchall()
    return rows[0][0] if rows else None


def test_answers_match_the_catalogue_queries(con):
    for set_id in [*catalog.sets(con)["set_id"], "no-such-set"]:
        assert report_catalog.n_criteria(con, set_id) == metrics.n_criteria(con, set_id), set_id
    for day in DAYS:
        for level in LEVELS:
            assert report_catalog.set_for_period(con, day, level) == _set_in_force(con, day, level), (day, level)
    crit = catalog.criteria(con, "ntm-2021")
    mine = report_catalog.criteria(con, "ntm-2021")
    assert [c.criterion_no for c in mine] == crit["criterion_no"].tolist()
    assert [c.name("vi") for c in mine] == crit["name_vi"].tolist()
    assert [c.name("en") for c in mine] == crit["name_en"].tolist()
    assert [c.department("vi") for c in mine] == crit["department_vi"].tolist()
    assert report_catalog.find(con, "ntm-2021").level == "commune" and report_catalog.find(con, "x") is None


def test_read_once_per_data_version(con):
    first = report_catalog.catalogue(con)
    assert report_catalog.catalogue(con) is first  # kept: no query until a write commits
    frame = catalog.criteria(con, "ntm-2021")
    frame["name_vi"] = "changed by a caller"  # a caller's copy: the kept frame stays as read
    assert catalog.criteria(con, "ntm-2021")["name_vi"].iloc[0] != "changed by a caller"
    with transaction(con):
        con.execute("UPDATE criteria_sets SET name = 'Renamed' WHERE set_id = 'ntm-2021'")
        con.execute("UPDATE criteria SET name_vi = 'Giao thông mới' WHERE set_id = 'ntm-2021' AND criterion_no = 2")
    assert report_catalog.find(con, "ntm-2021").name == "Renamed"  # the commit bumped the data version
    assert catalog.criteria(con, "ntm-2021").set_index("criterion_no").at[2, "name_vi"] == "Giao thông mới"
    con.execute("UPDATE criteria_sets SET name = 'Again' WHERE set_id = 'ntm-2021'")
    changed(con)  # an autocommit write says so (ntm.data_version)
    assert report_catalog.find(con, "ntm-2021").name == "Again"


def test_the_catalogue_of_a_replaced_file_is_read_again(tmp_path, con):
    """The same path, another file (a restore, or a write by another process while this one had it closed)."""
    from ntm import store

    path = tmp_path / "copy.duckdb"
    with transaction(con):
        con.execute("UPDATE criteria_sets SET name = 'First' WHERE set_id = 'ntm-2021'")
    con.execute(f"ATTACH '{path}' AS copy_db")
    con.execute("COPY FROM DATABASE " + con.execute("SELECT current_database()").fetchall()[0][0] + " TO copy_db")
    con.execute("DETACH copy_db")
    first = store.connect(path)
    assert report_catalog.find(first, "ntm-2021").name == "First"
    first.execute("UPDATE criteria_sets SET name = 'Second' WHERE set_id = 'ntm-2021'")  # no version bump
    first.close()  # closing checkpoints: the file changes under the same path
    second = store.connect(path)
    try:
        assert report_catalog.find(second, "ntm-2021").name == "Second"
    finally:
        second.close()


def test_read_once_inside_a_draft_without_a_file():
    import duckdb

    from ntm import store

    mem = duckdb.connect()
    store.migrate(mem)
    mem.execute("INSERT INTO criteria_sets VALUES ('s', 'Bộ s', NULL, 'commune', 1, NULL, NULL, 'test')")
    with shared():
        first = report_catalog.catalogue(mem)
        mem.execute("UPDATE criteria_sets SET name = 'Renamed' WHERE set_id = 's'")
        assert report_catalog.catalogue(mem) is first  # one read per draft, kept to its end
    assert report_catalog.find(mem, "s").name == "Renamed"  # in memory: nothing kept beyond the draft
