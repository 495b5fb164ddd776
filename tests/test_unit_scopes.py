"""The scope table (``ntm/unit_scopes.py``) lists, for every scope, the xã the units put in it, after every write."""

from datetime import date

from ntm import lineage, store, unit_catalogue, unit_scopes, units
from tests.helpers import commune, van_quan

COLUMNS = "scope_id, unit_id, code, name, district, district_id, valid_from, valid_to, province, province_id"

# What "the xã of scope $unit" meant before the table: `$unit = 0 OR c.unit_id = $unit OR c.district_id = $unit OR
# c.province_id = $unit` over the units, written for every scope at once (one equality per branch of the OR).
FROM_UNITS = f"""
    WITH xa AS (
        SELECT c.unit_id, c.code, c.short_name AS name, d.short_name AS district, c.district_id, c.valid_from,
               c.valid_to, p.short_name AS province, c.province_id
        FROM units c LEFT JOIN units d ON d.unit_id = c.district_id LEFT JOIN units p ON p.unit_id = c.province_id
        WHERE c.level = 'commune' AND c.kind = 'Xã')
    SELECT {COLUMNS} FROM (
        SELECT 0 AS scope_id, * FROM xa
        UNION SELECT unit_id AS scope_id, * FROM xa
        UNION SELECT district_id AS scope_id, * FROM xa WHERE district_id IS NOT NULL
        UNION SELECT province_id AS scope_id, * FROM xa WHERE province_id IS NOT NULL)"""


def _differences(con) -> tuple[int, int, int]:
    """(rows only in the table, rows only in the units' answer, rows in the table)."""
    table = f"SELECT {COLUMNS} FROM unit_scopes"
    extra = con.execute(f"SELECT count(*) FROM ({table} EXCEPT ALL SELECT * FROM ({FROM_UNITS}))").fetchall()[0][0]
    lacking = con.execute(f"SELECT count(*) FROM (SELECT * FROM ({FROM_UNITS}) EXCEPT ALL {table})").fetchall()[0][0]
    return extra, lacking, con.execute("SELECT count(*) FROM unit_scopes").fetchall()[0][0]


def _scope(con, unit_id: int) -> list[tuple]:
    return con.execute(
        "SELECT unit_id, name, district, valid_to FROM unit_scopes WHERE scope_id = ? ORDER BY unit_id", [unit_id]
    ).fetchall()


def test_the_catalogue_load_lists_every_scope(con):
    extra, lacking, rows = _differences(con)
    assert (extra, lacking) == (0, 0) and rows > 0
    district = van_quan(con)
    xa = con.execute(
        "SELECT count(*) FROM units WHERE district_id = ? AND level = 'commune' AND kind = 'Xã'", [district.unit_id]
    ).fetchall()[0][0]
    assert len(_scope(con, district.unit_id)) == xa == 14  # Văn Quan's 14 xã (helpers.VQ14; its thị trấn is not one)
    tu_xuyen = commune(con, "Tú Xuyên")
    assert _scope(con, tu_xuyen.unit_id) == [(tu_xuyen.unit_id, "Tú Xuyên", "Văn Quan", tu_xuyen.valid_to)]
    every_xa = con.execute("SELECT count(*) FROM units WHERE level = 'commune' AND kind = 'Xã'").fetchall()[0][0]
    assert len(_scope(con, units.NATIONAL_ID)) == every_xa


def test_a_reload_of_the_catalogue_rebuilds_it(con):
    con.execute("DELETE FROM unit_scopes WHERE scope_id = 0")  # as if it had drifted
    unit_catalogue.load_catalogue(con)
    assert _differences(con)[:2] == (0, 0)


def test_a_historical_commune_joins_its_scopes_and_a_merger_ends_it_there(con):
    district = van_quan(con)
    dong_giap = units.add_historical_unit(con, "Đồng Giáp", district, valid_to=date(2020, 12, 31))
    assert _differences(con)[:2] == (0, 0)
    for scope in (units.NATIONAL_ID, district.province_id, district.unit_id, dong_giap.unit_id):
        assert (dong_giap.unit_id, "Đồng Giáp", "Văn Quan", date(2020, 12, 31)) in _scope(con, scope)
    lineage.add_merger(con, dong_giap, commune(con, "Tú Xuyên"), date(2020, 6, 1))
    assert _differences(con)[:2] == (0, 0)
    assert _scope(con, dong_giap.unit_id) == [(dong_giap.unit_id, "Đồng Giáp", "Văn Quan", date(2020, 5, 31))]


def test_a_ward_is_in_no_scope(con):
    ward = units.add_historical_unit(con, "Phường Cũ", van_quan(con))
    assert ward.kind == "Phường" and _scope(con, ward.unit_id) == []
    assert ward.unit_id not in {r[0] for r in _scope(con, units.NATIONAL_ID)}
    assert _differences(con)[:2] == (0, 0)


def test_a_rolled_back_write_leaves_it_as_the_units(con):
    before = _differences(con)
    try:
        with store.transaction(con):
            units.add_historical_unit(con, "Đồng Giáp", van_quan(con))
            raise RuntimeError("the upload failed")
    except RuntimeError:
        pass
    assert _differences(con) == before


def test_migration_12_builds_it_for_an_existing_database(db_path):
    con = store.connect(db_path)
    con.execute("DROP TABLE unit_scopes")
    con.execute("DELETE FROM schema_version WHERE version = 12")  # a file from before the table
    con.close()
    con = store.connect(db_path)
    extra, lacking, rows = _differences(con)
    assert (extra, lacking) == (0, 0) and rows > 0
    assert con.execute(f"SELECT count(*) FROM {unit_scopes.TABLE} WHERE scope_id = 0").fetchall()[0][0] > 0
