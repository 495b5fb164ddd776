import unicodedata

from ntm.text import clean, compact, fold, name_key


def test_spelling_variants_of_one_commune_fold_together():
    assert fold("Điềm He") == fold("Diềm He") == fold("Diêm He") == "diem he"


def test_prefixes_case_and_spaces_are_ignored():
    assert name_key("  Xã   Tú Xuyên ") == name_key("tú xuyên") == "tú xuyên"
    assert name_key("Thị trấn Văn Quan") == name_key("Huyện Văn Quan") == "văn quan"


def test_decomposed_unicode_equals_composed():
    nfd = unicodedata.normalize("NFD", "Xã Tú Xuyên")
    assert nfd != "Xã Tú Xuyên"
    assert name_key(nfd) == name_key("Xã Tú Xuyên")


def test_old_tone_placement_and_look_alike_d():
    assert name_key("Hoà Bình") == name_key("Hòa Bình") == "hòa bình"
    assert name_key("Thuỷ Nguyên") == "thủy nguyên"
    assert name_key("Hoàng Đồng") == "hoàng đồng"  # tone before a final consonant stays
    assert clean("\u00d0iềm He") == "Điềm He"


def test_compact_matches_the_package_keys():
    assert compact("Xã Đồng Giáp") == "donggiap"
