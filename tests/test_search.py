"""Finding a commune as people type it: without accents, with "xã", in any case, with its district."""

from datetime import date

from ntm import search, units
from tests.helpers import commune, report


def _lang_son(con):
    return units.resolve(con, "Lạng Sơn", start=date(2020, 5, 1))


def test_typed_without_accents_finds_the_commune_and_its_district(con):
    report(con, commune(con, "Tú Xuyên"), "2020-05", [1, 2])
    report(con, commune(con, "An Sơn"), "2020-05", [1])
    hits = search.communes(con, "tu xuyen", _lang_son(con), date(2020, 5, 31))
    assert [(h.name, h.district, h.code) for h in hits] == [("Tú Xuyên", "Văn Quan", "06277")]
    assert search.communes(con, "XÃ TÚ XUYÊN", _lang_son(con), date(2020, 5, 31)) == hits


def test_only_communes_with_reports_names_starting_with_the_text_first(con):
    report(con, commune(con, "An Sơn"), "2020-05", [1])
    report(con, commune(con, "Vũ Sơn", "Bắc Sơn"), "2020-05", [1])
    hits = search.communes(con, "son", _lang_son(con), date(2020, 5, 31))
    assert [(h.name, h.district) for h in hits] == [("An Sơn", "Văn Quan"), ("Vũ Sơn", "Bắc Sơn")]
    # the dozens of other "Sơn" communes of the province have no report
    assert search.communes(con, "an s", _lang_son(con), date(2020, 5, 31))[0].name == "An Sơn"
    assert search.communes(con, "   ", _lang_son(con), date(2020, 5, 31)) == []
