"""Hostile and broken files are refused on their bytes, before any parser sees them, and nothing is written."""

import io
import zipfile

import pytest

from ntm.ingest.importer import import_file
from tests.helpers import real_world_sheet, snapshot, xlsx, zip_with


def hostile_cases():
    far = xlsx(lambda s: s.__setitem__("XFD1048576", 1))
    good = xlsx(real_world_sheet)
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    bomb = dict(parts)
    bomb["xl/media/pad.bin"] = b"\0" * 50_000_000
    entity = dict(parts)
    entity["xl/workbook.xml"] = b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + parts["xl/workbook.xml"].split(b"?>")[-1]
    missing = {k: v for k, v in parts.items() if k != "xl/workbook.xml"}
    return {
        "far_cell": (far, "file.dimension"),
        "csv_named_xlsx": ("Tên xã,TC1\nTú Xuyên,Đạt\n".encode(), "file.not_workbook"),
        "xls_password": (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "EncryptedPackage".encode("utf-16-le"),
            "file.password",
        ),
        "zip_bomb": (zip_with(bomb), "file.zip_bomb"),
        "doctype": (zip_with(entity), "file.dtd"),
        "missing_part": (zip_with(missing), "file.missing_part"),
        "truncated": (good[: len(good) // 2], "file.corrupt"),
        "empty": (b"", "file.empty"),
    }


HOSTILE = ["far_cell", "csv_named_xlsx", "xls_password", "zip_bomb", "doctype", "missing_part", "truncated", "empty"]


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_and_broken_files_are_refused_cleanly(con, case):
    data, key = hostile_cases()[case]
    before = snapshot(con)
    result = import_file(con, data, f"{case}.xlsx")
    assert result.status == "rejected" and [p.key for p in result.errors] == [key]
    assert snapshot(con) == before


def test_defusedxml_is_active():
    import openpyxl as px

    assert px.DEFUSEDXML
