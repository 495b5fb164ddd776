"""``UnitTable`` (ntm/unit_table.py): ``resolve(..., table=)`` gives exactly the answers of its SQL, question by question."""

from datetime import date

import pytest

from ntm import unit_table, units
from tests.helpers import MAY_2020, van_quan

DAYS = (None, MAY_2020, date(2025, 8, 1))


def _answer(con, text, table=None, **kwargs):
    try:
        return units.resolve(con, text, table=table, **kwargs)
    except units.UnitError as exc:
        return (type(exc).__name__, exc.key, exc.text, [str(c) for c in exc.candidates])


def _questions(con) -> list[str]:
    """Names and codes of every level (both eras, names two units share, a spelling), paths, text that names none."""
    rows = con.execute(
        """SELECT short_name, code FROM units WHERE level <> 'village' AND (province_id IN
               (SELECT unit_id FROM units WHERE level = 'province' AND code IN ('20', '38')) OR level = 'province')
           ORDER BY hash(unit_id) LIMIT 40"""
    ).fetchall()
    shared = con.execute(
        """SELECT short_name FROM units WHERE level = 'commune' GROUP BY short_name HAVING count(*) > 2
           ORDER BY short_name LIMIT 5"""
    ).fetchall()
    texts = [name for name, _ in rows] + [code for _, code in rows if code] + [name for (name,) in shared]
    return [*texts, "Văn Quan", "Lạng Sơn/Văn Quan", "Tràng Định/Kim Đồng", "184", "20", "7", "Không Có Xã Này",
                    "van quan", "VĂN  QUAN", "Toàn quốc", "Tu Xuyen", "Xã Tú Xuyên"]  # fmt: skip


@pytest.mark.parametrize("prefer", ["container", "commune"])
def test_the_table_answers_every_question_as_the_tables_do(con, prefer):
    units.add_alias(con, units.resolve(con, "Văn Quan", start=MAY_2020, within=van_quan(con), prefer="commune"), "VQ")
    table = unit_table.UnitTable.load(con)
    province = units.resolve(con, "Lạng Sơn", start=MAY_2020)
    scopes = (None, units.national(), province, van_quan(con))
    asked = differ = 0
    for text in [*_questions(con), "VQ"]:
        for day in DAYS:
            for within in scopes:
                kwargs = {"start": day, "within": within, "prefer": prefer}
                asked += 1
                if _answer(con, text, **kwargs) != _answer(con, text, table, **kwargs):
                    differ += 1
    assert asked > 1000 and differ == 0


def test_a_spelling_and_a_span_of_days_are_found_in_the_table(con):
    commune = units.resolve(con, "Văn Quan", start=MAY_2020, within=van_quan(con), prefer="commune")
    units.add_alias(con, commune, "Thị trấn VQ")
    table = unit_table.UnitTable.load(con)
    assert units.resolve(con, "Thị trấn VQ", start=MAY_2020, within=van_quan(con), table=table) == commune
    with pytest.raises(units.UnitNotFound):  # the district ended with June 2025: nothing inside it after
        units.resolve(con, "Văn Quan", start=date(2025, 8, 1), within=van_quan(con), prefer="commune", table=table)
