"""The readers per family (``ntm/ingest/extract.py``): a "Huyện" column tells apart communes of one name."""

from ntm.ingest.importer import import_file
from tests.helpers import xlsx

# Hưng Đạo is a xã of Bảo Lạc (Cao Bằng) and of Bình Gia (Lạng Sơn); in 2020 both districts are unique by name
TWINS = [("Cao Bằng", "Bảo Lạc", "01351"), ("Lạng Sơn", "Bình Gia", "06067")]


def _met_by_code(con) -> dict[str, int]:
    rows = con.execute(
        "SELECT u.code, count(*) FILTER (WHERE a.status = 'met') FROM assessments a JOIN units u USING (unit_id) "
        "GROUP BY 1"
    ).fetchall()
    return dict(rows)


def test_a_district_column_tells_apart_communes_of_one_name_in_a_national_table(con):
    def build(sheet):
        sheet.append(["TT", "Tỉnh", "Huyện", "Tên xã", *range(1, 20)])
        for k, (province, district, _) in enumerate(TWINS, start=1):
            sheet.append(
                [k, province, district, "Hưng Đạo", *["Đạt" if c <= 3 + k else "Chưa đạt" for c in range(1, 20)]]
            )

    result = import_file(con, xlsx(build), "national.xlsx", unit="VN", period="2020-05")
    assert result.status == "loaded", [p.located("en") for p in result.errors]
    assert result.communes == 2 and _met_by_code(con) == {"01351": 4, "06067": 5}


def test_a_district_column_tells_apart_communes_of_one_name_in_a_long_layout(con):
    def build(sheet):
        sheet.append(["Huyện", "Xã", "Tiêu chí", "Kết quả"])
        for k, (_, district, _) in enumerate(TWINS, start=1):
            for c in range(1, 20):
                sheet.append([district, "Hưng Đạo", c, "Đạt" if c <= 3 + k else "Chưa đạt"])

    result = import_file(con, xlsx(build), "long.xlsx", unit="VN", period="2020-05")
    assert result.status == "loaded", [p.located("en") for p in result.errors]
    assert (result.rows, result.communes) == (38, 2) and _met_by_code(con) == {"01351": 4, "06067": 5}
