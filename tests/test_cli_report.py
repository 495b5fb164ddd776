"""``python -m ntm report`` writes the file the Reports page downloads."""

import io

import openpyxl
from docx import Document

from ntm import periods, reports, store
from ntm.cli import main
from tests.helpers import commune, report, van_quan


def _load(db_path):
    con = store.connect(db_path)
    report(con, commune(con, "Tú Xuyên"), "2020-05", list(range(1, 20)))
    report(con, commune(con, "An Sơn"), "2020-05", list(range(1, 13)))
    expected = reports.draft(con, van_quan(con), periods.parse("2020-05"), "ntm-2016")
    con.close()
    return expected


def _body(data: bytes) -> list[str]:
    doc = Document(io.BytesIO(data))
    return [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]


def test_docx_and_xlsx_match_the_page_download(db_path, tmp_path, capsys):
    expected = _load(db_path)
    out = tmp_path / "bao-cao.docx"
    code = main(["report", "--unit", "Văn Quan", "--period", "2020-05", "--db", str(db_path), "--out", str(out)])
    assert code == 0 and "bao-cao.docx" in capsys.readouterr().out
    assert _body(out.read_bytes()) == _body(reports.to_docx(expected))
    xlsx = tmp_path / "bao-cao.xlsx"
    assert (
        main(
            [
                "report",
                "--unit",
                "184",
                "--period",
                "2020-05",
                "--set",
                "ntm-2016",
                "--db",
                str(db_path),
                "--out",
                str(xlsx),
            ]
        )
        == 0
    )
    assert openpyxl.load_workbook(xlsx).sheetnames == ["Báo cáo", "Bảng 1", "Bảng 2"]


def test_bad_output_name_and_layer_are_usage_errors(db_path, tmp_path, capsys):
    args = ["report", "--unit", "Văn Quan", "--period", "2020-05", "--db", str(db_path)]
    assert main([*args, "--out", str(tmp_path / "x.pdf")]) == 2
    assert ".docx" in capsys.readouterr().err
    assert main([*args, "--out", str(tmp_path / "x.docx"), "--layer", "guess"]) == 2
    assert "guess" in capsys.readouterr().err and not (tmp_path / "x.docx").exists()
