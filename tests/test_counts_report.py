"""The report draft's sections beyond the commune criteria, from hand-built inputs."""

from ntm import counts_report, periods, reports
from tests.counts_helpers import N_VILLAGE, QUAN_SON_Q1, assess, make_villages
from tests.counts_helpers import load_resources as load
from tests.helpers import commune, report, van_quan


def test_sections_in_the_reports_words(con):
    ids = make_villages(con, {"Tú Xuyên": 10, "Hữu Lễ": 9, "Tri Lễ": 7})
    assess(con, ids["Tú Xuyên"][:6] + ids["Hữu Lễ"][:4] + ids["Tri Lễ"][:3], met=N_VILLAGE, month="2023-03")
    for name, met in (("Tràng Phái", 19), ("Tân Đoàn", 19)):
        report(con, commune(con, name), "2023-03", met=list(range(1, met + 1)), set_id="ntm-2021")
    report(con, commune(con, "Tràng Phái"), "2023-03", met=[1, 2, 3], set_id="nang-cao-2021")
    report(con, commune(con, "Tân Đoàn"), "2023-03", met=[1, 2], set_id="nang-cao-2021")
    load(con, QUAN_SON_Q1)
    found = {
        s.heading: s.paragraphs
        for s in counts_report.sections(con, van_quan(con), periods.parse("2023-03"), "ntm-2021")
    }
    headings = list(found)
    assert headings[0].startswith("NTM nâng cao") and headings[1].startswith("Xây dựng thôn")
    levels_text = "\n".join(found[headings[0]])
    assert "Bình quân huyện Văn Quan đạt 2,50 tiêu chí NTM nâng cao/xã (tính trên 2 xã" in levels_text
    assert "Xã Tân Đoàn đạt 2/19 tiêu chí NTM nâng cao, chưa đạt: (3) Thủy lợi" in levels_text
    villages_text = "\n".join(found[headings[1]])
    assert "13/26 thôn, bản đạt chuẩn NTM (đạt 50,0 %)" in villages_text
    assert "Xã Tú Xuyên: 6/10 thôn đạt chuẩn (60 %)" in villages_text
    resources_text = "\n".join(found[headings[-1]])
    assert "huy động được trên 47 tỷ đồng" in resources_text and "71,43 km đường giao thông nông thôn" in resources_text
    draft = reports.draft(con, van_quan(con), periods.parse("2023-03"), "ntm-2021")
    assert [s.heading for s in draft.sections][-len(headings) :] == headings  # a part of their own, last
    assert reports.to_docx(draft)[:2] == b"PK"
