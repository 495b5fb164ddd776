"""Header, label and title cells: criteria by number, "TC n", "Tiêu chí số n: Tên", names; totals; titles."""

import time

from ntm.ingest.vocab import Header, Vocabulary, is_total_label, role, title

VOCAB = Vocabulary({"Quy hoạch": 1, "Giao thông": 2, "Điện": 4})


def test_criteria_are_read_in_every_way_offices_write_them():
    for text in ("Tiêu chí số 1: Quy hoạch", "TC1", "TC 1", "Tiêu chí 1", "1. Quy hoạch", "1 - Quy hoạch", 1, 1.0):
        assert VOCAB.header(text).criterion == 1, text
    assert VOCAB.header("Quy hoach") == Header(1, numbered=False)  # the name alone, without its accents
    assert VOCAB.header("2.1") == Header(2, "2.1") and VOCAB.header(2.1) == Header(2, "2.1")
    assert VOCAB.header("TC20").explicit and not VOCAB.header("20").explicit
    assert VOCAB.header("Ghi chú") is None


def test_totals_but_not_communes_named_like_them():
    assert all(map(is_total_label, ["Tổng cộng", "Cộng huyện Văn Quan", "Toàn huyện", "Cộng", "Số tiêu chí đạt"]))
    assert not any(map(is_total_label, ["Công Sơn", "Tổng Cọt", "Tú Xuyên"]))


def test_roles():
    assert [role(t) for t in ("STT", "Tên xã", "Mã xã", "Tự đánh giá", "Kết quả", "Tiêu chí", "Kỳ báo cáo")] == [
        "stt",
        "name",
        "code",
        "verdict",
        "status",
        "criterion_label",
        "period",
    ]


def test_a_title_states_district_commune_period_and_set():
    stated = title(["UBND HUYỆN VĂN QUAN", "Xã Tú Xuyên, huyện Văn Quan", "Tháng 5 năm 2020", "GIAI ĐOẠN 2016-2020"])
    assert (stated.district, stated.period, stated.set_id) == ("van quan", "2020-05", "ntm-2016")
    assert "tu xuyen" in stated.communes


def test_title_search_is_linear_on_hostile_text():
    """Issue 11: "huyện " × 60,000 ran 4 minutes through a backtracking pattern."""
    started = time.monotonic()
    title(["huyện " * 60_000, "xã " * 60_000])
    assert time.monotonic() - started < 1.0
