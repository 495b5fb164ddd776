import unicodedata
from datetime import date

import pytest

from ntm import units
from tests.helpers import MAY_2020, commune, van_quan

AUG_2025 = date(2025, 8, 1)


def test_name_path_and_code_find_the_district(con):
    by_name = units.resolve(con, "Văn Quan", start=MAY_2020)
    assert (by_name.code, by_name.level) == ("184", "district")
    assert units.resolve(con, "Lạng Sơn/Văn Quan", start=MAY_2020) == by_name
    assert units.resolve(con, "184", start=MAY_2020) == by_name


def test_a_name_shared_by_a_district_and_a_town_resolves_to_the_container(con):
    # "Văn Quan" is a district and Thị trấn Văn Quan; summaries want the district.
    assert units.resolve(con, "Văn Quan", start=MAY_2020).level == "district"
    town = units.resolve(con, "Văn Quan", start=MAY_2020, within=van_quan(con), prefer="commune")
    assert (town.kind, town.code) == ("Thị trấn", "06253")


def test_after_july_2025_the_name_is_the_new_commune(con):
    unit = units.resolve(con, "Văn Quan", start=AUG_2025)
    assert (unit.level, unit.kind, unit.valid_from) == ("commune", "Xã", date(2025, 7, 1))


def test_commune_codes_keep_leading_zeros(con):
    assert units.resolve(con, "06277", start=MAY_2020).short_name == "Tú Xuyên"
    assert units.resolve(con, "6277", start=MAY_2020).short_name == "Tú Xuyên"


def test_ambiguous_name_lists_candidates_with_their_parents(con):
    with pytest.raises(units.AmbiguousUnit) as caught:
        units.resolve(con, "Kim Đồng", start=MAY_2020)
    message = str(caught.value)
    assert "Tràng Định, Lạng Sơn" in message and "Thạch An, Cao Bằng" in message
    assert units.resolve(con, "Lạng Sơn/Kim Đồng", start=MAY_2020).code == "06031"


def test_spelling_variants_decomposed_unicode_and_prefixes(con):
    district = van_quan(con)
    for text in ("Diềm He", "Diêm He", "xã Điềm  He", unicodedata.normalize("NFD", "Xã Điềm He"), "\u00d0iềm He"):
        assert units.resolve(con, text, start=MAY_2020, within=district, prefer="commune").code == "06280"


def test_recorded_alias(con):
    district = van_quan(con)
    unit = commune(con, "Tú Xuyên")
    units.add_alias(con, unit, "Tú Xuyên cũ")
    assert units.resolve(con, "Tú Xuyên cũ", start=MAY_2020, within=district, prefer="commune") == unit


def test_unknown_name_suggests_the_closest(con):
    with pytest.raises(units.UnitNotFound) as caught:
        units.resolve(con, "Tu Xuen", start=MAY_2020, within=van_quan(con), prefer="commune")
    assert "Tú Xuyên" in str(caught.value)


def test_historical_units_live_under_their_parent(con):
    district = van_quan(con)
    added = units.add_historical_unit(con, "Xã Đồng Giáp", district, valid_to=date(2020, 12, 31))
    assert added.historical and added.district_id == district.unit_id and added.kind == "Xã"
    assert units.resolve(con, "Đồng Giáp", start=MAY_2020, within=district, prefer="commune") == added
    with pytest.raises(units.UnitNotFound):
        units.resolve(con, "Đồng Giáp", start=date(2022, 1, 1), within=district, prefer="commune")


def test_catalogue_sizes_and_the_old_to_new_mapping(con):
    counts = dict(con.execute("SELECT level, count(*) FROM units GROUP BY 1").fetchall())
    assert counts["province"] == 63 + 34
    district = van_quan(con)
    communes = units.communes_under(con, district, MAY_2020, MAY_2020)
    assert len(communes) == 14 and set(communes["kind"]) == {"Xã"}  # the town is not assessed
    new = units.successors(con, commune(con, "Tú Xuyên"))
    assert new and new[0].valid_from == date(2025, 7, 1)
