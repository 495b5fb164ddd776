"""Old → new links, and migrations that land out of order (each issue owns a schema version)."""

from datetime import date

from ntm import lineage, store, units
from tests.helpers import commune


def test_a_province_is_the_same_unit_before_and_after_the_reform(con):
    old = units.resolve(con, "Lạng Sơn", start=date(2024, 1, 1))
    new = lineage.same_unit(con, old, date(2025, 9, 1))
    assert old.unit_id != new.unit_id and old.code == new.code == "20"
    assert lineage.same_unit(con, new, date(2020, 5, 1)) == old
    assert lineage.today_province(con, commune(con, "Tú Xuyên")) == new


def test_a_version_below_the_highest_applied_is_still_applied(tmp_path, monkeypatch):
    con = store.connect(tmp_path / "late.duckdb")
    con.execute("DELETE FROM schema_version WHERE version = 2")  # as if version 2 reached this branch later
    late = [(v, ["CREATE TABLE late_arrival (x INTEGER)"] if v == 2 else s) for v, s in store.MIGRATIONS]
    monkeypatch.setattr(store, "MIGRATIONS", late)
    assert store.migrate(con) == store.SCHEMA_VERSION
    tables = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'late_arrival'")
    assert tables.fetchall()[0][0] == 1
