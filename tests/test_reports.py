"""The report draft reads like the district's own report, and renders to real .docx/.xlsx files."""

import io

import openpyxl

from ntm import periods, reports
from tests.helpers import van_quan


def test_the_may_2020_draft_says_what_the_district_report_said(sample_con):
    draft = reports.draft(sample_con, van_quan(sample_con), periods.parse("2020-05"), "ntm-2016")
    text = "\n".join(line for s in draft.sections for line in s.paragraphs)
    assert "Bình quân toàn huyện Văn Quan đạt 10,9 tiêu chí/xã." in text
    assert "Tổng số tiêu chí đạt chuẩn của huyện Văn Quan là 174 tiêu chí." in text
    assert "Số xã đạt 19 tiêu chí: 03 xã (Tân Đoàn, Tràng Phái, Yên Phúc)." in text
    assert "Không còn xã dưới 5 tiêu chí." in text
    assert ("Xã Tú Xuyên đạt 10/19 tiêu chí, chưa đạt các tiêu chí: (2) Giao thông, (4) Điện, (5) Trường học") in text
    unmet = draft.sections[2].table
    assert unmet.set_index("Tiêu chí").loc["(2) Giao thông", "Sở, ngành phụ trách"] == "Sở Giao thông vận tải"


def test_targets_and_change_sections_in_november_2024(sample_con):
    draft = reports.draft(sample_con, van_quan(sample_con), periods.parse("2024-11"), "ntm-2021")
    targets_text = " ".join(draft.sections[3].paragraphs)
    assert "Xã Trấn Ninh phấn đấu đạt chuẩn NTM hạn 11/2024: đã tự đánh giá đạt đủ tiêu chí" in targets_text
    assert any(line.startswith("Xã Trấn Ninh: 13 → 19 tiêu chí") for line in draft.sections[4].paragraphs)


def test_docx_and_xlsx_are_real_files_and_keep_formula_text_as_text(sample_con):
    from docx import Document

    draft = reports.draft(sample_con, van_quan(sample_con), periods.parse("2020-05"), "ntm-2016", lang="en")
    draft.sections[2].table.iloc[0, 3] = '=HYPERLINK("http://x","y")'  # a commune name typed by a user
    doc = Document(io.BytesIO(reports.to_docx(draft)))
    assert doc.paragraphs[0].text.startswith("Report on the new rural commune criteria")
    assert any("10.9 criteria per commune" in p.text for p in doc.paragraphs)
    sheet = openpyxl.load_workbook(io.BytesIO(reports.to_xlsx(draft)))["Báo cáo"]
    cells = [c for row in sheet.iter_rows() for c in row if c.value]
    assert '=HYPERLINK("http://x","y")' in [c.value for c in cells] and all(c.data_type != "f" for c in cells)
