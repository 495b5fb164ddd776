"""The guided upload page through AppTest: the mapping step (another header row, a column's meaning, the saved
profile, next month's file with no questions), the change list (new, replaces, unchanged, copied-not-edited),
several files with one confirmation, and a revert that asks first."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from ntm import store
from ntm.ingest import profiles
from tests.helpers import VQ14, commune, june_template, preamble_book, real_world_sheet, report, xlsx

pytestmark = pytest.mark.usefixtures("fresh_caches")  # every AppTest starts on empty Streamlit caches


def upload_page(monkeypatch, db_path) -> AppTest:
    monkeypatch.setenv("NTM_DB", str(db_path))
    at = AppTest.from_file("../../app.py", default_timeout=120)
    at.query_params["district"] = "184"
    at.query_params["period"] = "2020-06"
    at.query_params["mode"] = "month"
    at.run()
    at.switch_page("views/upload.py").run()
    assert not at.exception, at.exception
    return at


def labelled(widgets, label: str):
    return next(w for w in widgets if w.label == label)


def table(at, column: str):
    """The last dataframe on the page with ``column``: the change list ("Thay đổi"), the history ("Trạng thái")."""
    return next(d.value for d in reversed(at.dataframe) if column in getattr(d.value, "columns", ()))


def texts(at) -> str:
    return " ".join(str(e.value) for kind in (at.success, at.error, at.warning, at.info, at.caption) for e in kind)


def test_the_user_picks_the_header_row_saves_the_profile_and_next_month_loads_unasked(monkeypatch, db_path):
    at = upload_page(monkeypatch, db_path)
    at.file_uploader(key="upload_files").upload("vq-5-2020.xlsx", preamble_book(5)).run()
    assert not at.exception, at.exception
    assert "chưa ghi gì" in at.error[0].value  # no table found where detection looks
    assert any("chưa chắc cách đọc" in i.value for i in at.info)  # the mapping step is open
    labelled(at.selectbox, "Dòng tiêu đề (ghi tiêu chí)").set_value(37).run()  # sheet row 38: TC1 … TC19
    labelled(at.button, "Kiểm tra lại").click().run()
    assert not at.exception, at.exception
    assert any("Tệp hợp lệ: 266 dòng của 14 xã" in s.value for s in at.success), texts(at)
    changes = table(at, "Thay đổi")
    assert len(changes) == 14 and set(changes["Thay đổi"]) == {"Báo cáo mới"}
    # a column's meaning: the "Số tiêu chí đạt" column (V) read as criterion 19 does not read as results
    labelled(at.selectbox, "Cột cần đổi nghĩa").set_value(21).run()
    labelled(at.selectbox, "Nghĩa của cột").set_value("criterion").run()
    labelled(at.number_input, "Tiêu chí số").set_value(19).run()
    labelled(at.button, "Kiểm tra lại").click().run()
    assert "chưa ghi gì" in at.error[0].value
    labelled(at.selectbox, "Cột cần đổi nghĩa").set_value(20).run()  # U back to criterion 19 (V loses it)
    labelled(at.selectbox, "Nghĩa của cột").set_value("criterion").run()
    labelled(at.number_input, "Tiêu chí số").set_value(19).run()
    labelled(at.button, "Kiểm tra lại").click().run()
    assert any("266 dòng" in s.value for s in at.success), texts(at)
    labelled(at.text_input, "Tên bố cục").set_value("Văn Quan có lời dẫn").run()
    labelled(at.button, "Lưu cách đọc này cho các tháng sau").click().run()
    assert any("Đã lưu bố cục “Văn Quan có lời dẫn”" in s.value for s in at.success)
    labelled(at.button, "Xác nhận nạp").click().run()
    assert any("Đã nạp 266 dòng của 14 xã" in s.value for s in at.success)

    st.cache_resource.clear()
    con = store.connect(db_path)
    assert [p.name for p in profiles.all_profiles(con)] == ["Văn Quan có lời dẫn"]
    con.close()
    at = upload_page(monkeypatch, db_path)  # a new session, next month's file: no questions
    at.file_uploader(key="upload_files").upload("vq-6-2020.xlsx", preamble_book(6)).run()
    assert not at.exception, at.exception
    assert any("bố cục đã lưu “Văn Quan có lời dẫn”" in i.value for i in at.info), texts(at)
    assert any("Tệp hợp lệ: 266 dòng của 14 xã" in s.value for s in at.success)
    assert not any("chưa chắc cách đọc" in i.value for i in at.info)


def test_the_change_list_and_a_copy_the_user_includes(monkeypatch, db_path):
    con = store.connect(db_path)
    report(con, commune(con, "Tú Xuyên"), "2020-05", met=[1, 2])
    report(con, commune(con, "Tân Đoàn"), "2020-06", met=[1])
    report(con, commune(con, "Hòa Bình"), "2020-06", met=[1, 2])
    data = june_template(con, {"Hòa Bình": "Đạt", "Trấn Ninh": "Đạt"})
    con.close()
    at = upload_page(monkeypatch, db_path)
    at.file_uploader(key="upload_files").upload("van-quan-6-2020.xlsx", data).run()
    assert not at.exception, at.exception
    changes = table(at, "Thay đổi")
    by_name = dict(zip(changes["Xã"], zip(changes["Thay đổi"], changes["Số tiêu chí đạt (cũ → mới)"])))
    assert by_name == {
        "Trấn Ninh": ("Báo cáo mới", "– → 19"),
        "Hòa Bình": ("Thay báo cáo đã có", "2 → 19"),
        "Tân Đoàn": ("Không đổi", "1 → 1"),
        "Tú Xuyên": ("Sao chép tháng trước, chưa sửa", "– → 2"),
    }
    assert any("1 xã có dòng giống hệt tháng trước" in w.value for w in at.warning)
    assert any("Tệp hợp lệ: 57 dòng của 3 xã" in s.value for s in at.success)  # Tú Xuyên left out
    assert any("không có dòng nào trong tệp (6/2020)" in c.value and "Liên Hội" in c.value for c in at.caption)
    labelled(at.multiselect, "Vẫn nạp các xã này").select(commune_id(db_path, "Tú Xuyên")).run()
    assert any("Tệp hợp lệ: 76 dòng của 4 xã" in s.value for s in at.success), texts(at)


def commune_id(db_path, name: str) -> int:
    con = store.connect(db_path)
    try:
        return commune(con, name).unit_id
    finally:
        con.close()


def test_several_files_one_confirmation_then_a_revert_that_asks(monkeypatch, db_path):
    con = store.connect(db_path)
    may = june_template(con, dict.fromkeys(VQ14[:7], "Đạt"))
    june = june_template(con, dict.fromkeys(VQ14[7:], "Chưa đạt"))
    con.close()
    at = upload_page(monkeypatch, db_path)
    uploader = at.file_uploader(key="upload_files")
    uploader.upload("a.xlsx", may).upload("b.xlsx", june).run()
    assert not at.exception, at.exception
    labelled(at.button, "Xác nhận nạp 2 tệp").click().run()
    assert sum("Đã nạp" in s.value for s in at.success) == 2
    assert at.selectbox(key="revert_id").value is None and at.button(key="revert").disabled
    log = table(at, "Trạng thái")
    assert list(log["Trạng thái"]) == ["đã nạp", "đã nạp"] and set(log["Kỳ báo cáo"]) == {"6/2020"}
    assert all(len(v) == 16 and v[2] == "/" and v[5] == "/" for v in log.iloc[:, 3])  # dd/mm/yyyy HH:MM
    at.selectbox(key="revert_id").set_value(at.selectbox(key="revert_id").options[0]).run()
    assert any("sẽ xóa 133 dòng của 7 xã, kỳ 6/2020" in w.value for w in at.warning), texts(at)
    at.button(key="revert").click().run()
    assert not at.exception, at.exception
    assert not any("Đã nạp" in s.value for s in at.success)  # the cards are gone with the data
    assert "đã hoàn tác" in list(table(at, "Trạng thái")["Trạng thái"])


def test_a_commune_the_catalogue_lacks_is_a_choice_on_the_page(monkeypatch, db_path):
    names = [*VQ14[:13], "Tân Lập Mới"]
    data = xlsx(lambda sheet: real_world_sheet(sheet, names=names))
    at = upload_page(monkeypatch, db_path)
    at.file_uploader(key="upload_files").upload("moi.xlsx", data).run()
    assert not at.exception, at.exception
    errors = table(at, "Nội dung")["Nội dung"]
    assert any("Tân Lập Mới" in e and "Thêm xã mới vào danh mục" in e for e in errors)
    assert not any("--accept-new-units" in e for e in errors)  # no command-line flags on the page
    labelled(at.checkbox, "Thêm xã mới vào danh mục (đơn vị lịch sử)").check().run()
    assert any("Tệp hợp lệ: 266 dòng của 14 xã" in s.value for s in at.success), texts(at)
