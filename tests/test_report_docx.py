"""The report opens in Word as an administrative document: A4, Decree 30/2020 margins and fonts, the motto
block, numbered headings in heading styles, captioned tables whose header row repeats, the signature block."""

import dataclasses
import io
from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from ntm import periods, reports
from tests.helpers import commune, report, van_quan

ALL = list(range(1, 20))


@pytest.fixture
def three_communes(con):
    """Văn Quan, 5/2020: Tú Xuyên meets all 19, Hữu Lễ 16, An Sơn 12 — no commune in 5-9."""
    report(con, commune(con, "Tú Xuyên"), "2020-05", ALL)
    report(con, commune(con, "Hữu Lễ"), "2020-05", ALL[:16])
    report(con, commune(con, "An Sơn"), "2020-05", ALL[:12])
    return con


def _draft(con, lang="vi"):
    return reports.draft(con, van_quan(con), periods.parse("2020-05"), "ntm-2016", lang)


def _open(draft) -> Document:
    return Document(io.BytesIO(reports.to_docx(draft)))


def _text(doc) -> str:
    cells = [p.text for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_a4_with_the_decree_margins_and_times_new_roman(three_communes):
    doc = _open(_draft(three_communes))
    page = doc.sections[0]
    assert abs(page.page_width - Mm(210)) < Mm(0.5) and abs(page.page_height - Mm(297)) < Mm(0.5)
    assert Mm(20) <= page.top_margin <= Mm(25) and Mm(20) <= page.bottom_margin <= Mm(25)
    assert Mm(30) <= page.left_margin <= Mm(35) and Mm(15) <= page.right_margin <= Mm(20)
    normal = doc.styles["Normal"].font
    assert normal.name == "Times New Roman" and 13 <= normal.size.pt <= 14
    fonts = doc.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == fonts.get(qn("w:cs")) == "Times New Roman"


def test_the_two_column_header_with_the_motto_and_its_rules(three_communes):
    doc = _open(_draft(three_communes))
    left, right = doc.tables[0].rows[0].cells
    texts = [p.text for p in left.paragraphs]
    assert texts[:2] == ["UBND TỈNH LẠNG SƠN", "ỦY BAN NHÂN DÂN\nHUYỆN VĂN QUAN"]
    assert left.paragraphs[1].runs[0].bold and not left.paragraphs[0].runs[0].bold
    assert "Số: …/BC-UBND" in texts
    motto = [p.text for p in right.paragraphs]
    assert motto[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert all(run.bold for p in right.paragraphs[:2] for run in p.runs)
    # a rule (a paragraph with a top border) right under the issuing body and under the motto
    for cell, after in ((left, 1), (right, 1)):
        rule = cell.paragraphs[after + 1]._p
        assert rule.find(qn("w:pPr")).find(qn("w:pBdr")).find(qn("w:top")).get(qn("w:val")) == "single"
    place = next(p for p in right.paragraphs if p.text.startswith("Văn Quan, ngày"))
    assert place.text == "Văn Quan, ngày … tháng … năm 2020" and place.runs[0].italic


def test_title_subject_and_sections_in_heading_styles(three_communes):
    doc = _open(_draft(three_communes))
    body = [p.text for p in doc.paragraphs]
    assert "BÁO CÁO" in body
    assert (
        "Kết quả thực hiện Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2016-2020 "
        "trên địa bàn huyện Văn Quan, tháng 5/2020" in body
    )
    level1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    level2 = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert level1[:2] == ["I. KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ", "II. TIẾN ĐỘ CÁC XÃ PHẤN ĐẤU VÀ BIẾN ĐỘNG SO VỚI CÙNG KỲ"]
    assert level2[:3] == [
        "1. Kết quả chung",
        "2. Phân loại xã theo số tiêu chí đạt",
        "3. Các xã chưa đạt chuẩn và tiêu chí chưa đạt",
    ]
    assert level2[3].startswith("1. ")
    text = _text(doc)
    assert "Số xã đạt 19 tiêu chí: 01 xã (Tú Xuyên)." in text
    assert "Số xã đạt từ 5-9 tiêu chí: không có xã nào." in text
    assert "00 xã" not in text and "ntm-2016" not in text


def test_tables_have_captions_numbers_and_a_repeating_header_row(three_communes):
    doc = _open(_draft(three_communes))
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert captions == [
        "Bảng 1. Phân loại xã theo số tiêu chí đạt",
        "Bảng 2. Các tiêu chí chưa đạt, số xã chưa đạt và sở, ngành phụ trách",
    ]
    bins, unmet = doc.tables[1], doc.tables[2]
    for table in (bins, unmet):
        header = table.rows[0]._tr.trPr
        assert header.find(qn("w:tblHeader")).get(qn("w:val")) == "true"
        assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])
    assert [c.text for c in bins.rows[0].cells] == ["TT", "Số tiêu chí đạt", "Số xã", "Tỷ lệ"]
    assert [c.text for c in bins.rows[1].cells] == ["1", "19", "1", "33,3 %"]
    assert [c.text for c in bins.rows[4].cells] == ["4", "5-9", "0", "0,0 %"]
    # criterion 17 is unmet by Hữu Lễ (meets 1-16) and An Sơn (meets 1-12): 2 communes
    row = next(r for r in unmet.rows if r.cells[1].text.startswith("(17)"))
    assert row.cells[3].text == "2" and row.cells[4].text == "Hữu Lễ, An Sơn"


def test_recipients_signature_and_page_numbers_from_page_two(three_communes):
    draft = _draft(three_communes)
    head = dataclasses.replace(
        draft.letterhead,
        number="125",
        issued=date(2020, 6, 5),
        signer_name="Nguyễn Văn An",
        signer_title="Phó Chủ tịch",
    )
    doc = _open(dataclasses.replace(draft, letterhead=head))
    left, right = doc.tables[-1].rows[0].cells
    assert (
        left.paragraphs[0].text == "Nơi nhận:" and left.paragraphs[0].runs[0].bold and left.paragraphs[0].runs[0].italic
    )
    assert [p.text for p in left.paragraphs[1:]] == [
        "- UBND tỉnh Lạng Sơn (b/c);",
        "- Văn phòng Điều phối nông thôn mới;",
        "- Lưu: VT.",
    ]
    signer = [p.text for p in right.paragraphs if p.text]
    assert signer == ["TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]
    assert right.paragraphs[-1].runs[0].bold
    assert len([p for p in right.paragraphs if not p.text]) >= 3  # room for the signature and the seal
    text = _text(doc)
    assert "Số: 125/BC-UBND" in text and "Văn Quan, ngày 05 tháng 06 năm 2020" in text
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    assert not section.first_page_header.paragraphs[0].text
    instructions = [e.text for e in section.header._element.iter(qn("w:instrText"))]
    assert instructions == [" PAGE "] and section.header.paragraphs[0].alignment == 1  # centred


def test_counts_are_written_as_reports_write_them():
    assert [reports.count_words(n) for n in (0, 1, 3, 12)] == ["không có xã nào", "01 xã", "03 xã", "12 xã"]
    assert [reports.count_words(n, "en") for n in (0, 1, 3)] == ["none", "1 commune", "3 communes"]


def test_the_set_is_named_in_words(con):
    assert reports.set_name(con, "ntm-2021") == "Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025"
    assert reports.set_name(con, "ntm-2021", "en") == "the national new rural commune criteria 2021-2025"
    assert reports.set_name(con, "nang-cao-2021", "en") == "the national advanced new rural commune criteria 2021-2025"


def test_english_report_has_the_english_motto(three_communes):
    text = _text(_open(_draft(three_communes, "en")))
    assert "SOCIALIST REPUBLIC OF VIET NAM" in text and "Independence - Freedom - Happiness" in text
    assert "Communes meeting 5-9 criteria: none." in text
