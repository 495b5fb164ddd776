"""Names sort in Vietnamese alphabetical order (ntm.text.sort_key), not by code point."""

from ntm.text import sort_key, sorted_names


def test_districts_of_lang_son_in_dictionary_order():
    districts = ["Văn Quan", "Bình Gia", "Tràng Định", "Bắc Sơn", "Đình Lập", "Cao Lộc", "Chi Lăng", "Lộc Bình"]
    assert sorted(districts)[:2] == ["Bình Gia", "Bắc Sơn"]  # code point order: the bug
    assert sorted_names(districts) == [
        "Bắc Sơn", "Bình Gia", "Cao Lộc", "Chi Lăng", "Đình Lập", "Lộc Bình", "Tràng Định", "Văn Quan",
    ]  # fmt: skip


def test_letters_with_marks_are_letters_of_their_own():
    # a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư — whatever the tone
    assert sorted_names(["Âu", "Ăn", "An"]) == ["An", "Ăn", "Âu"]
    assert sorted_names(["Đông", "Dương"]) == ["Dương", "Đông"]
    assert sorted_names(["Ơn", "Ốc", "Ong"]) == ["Ong", "Ốc", "Ơn"]
    assert sorted_names(["Ưng", "Uy", "Út"]) == ["Út", "Uy", "Ưng"]


def test_tones_order_after_the_letters():
    # no tone, huyền, hỏi, ngã, sắc, nặng; a tone never outweighs a letter
    assert sorted_names(["bạ", "bá", "bã", "bả", "bà", "ba"]) == ["ba", "bà", "bả", "bã", "bá", "bạ"]
    assert sorted_names(["Bá Xuyên", "Ba Xuyên", "Bà Xuyên"]) == ["Ba Xuyên", "Bà Xuyên", "Bá Xuyên"]
    assert sort_key("Tú Xuyên") < sort_key("Tuấn")  # "tu " < "tua": the space first


def test_the_same_name_in_any_unicode_form_sorts_the_same():
    composed, decomposed = "Hữu Lễ", "Hu\u031b\u0303u Le\u0302\u0303"
    assert sort_key(composed) == sort_key(decomposed)
