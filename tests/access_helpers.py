"""Shared by the access tests: accounts scoped to Văn Quan, and filled upload templates for any district."""

from __future__ import annotations

import io

import openpyxl

from ntm import accounts, periods, units
from ntm.access import Principal, local_user
from ntm.ingest import template
from tests.helpers import MAY_2020

ROOT = local_user("root")


def district(con, name: str) -> units.Unit:
    return units.resolve(con, f"Lạng Sơn/{name}", start=MAY_2020)


def account(con, name: str, role: str, *scopes: units.Unit, password: str | None = "mật-khẩu-dài-1") -> Principal:
    accounts.add(con, ROOT, name, role, list(scopes), password)
    return accounts.principal_for(con, name, "password")


def filled(con, district_name: str, status: str = "Đạt", month: str = "2020-05") -> bytes:
    """The upload template of a Lạng Sơn district for a month, every criterion of every commune ``status``."""
    data = template.build(con, district(con, district_name), periods.parse(month), "ntm-2016")
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["Báo cáo"]
    for row in sheet.iter_rows(min_row=template.FIRST_DATA_ROW):
        if row[1].value or row[2].value:
            for cell in row[3:22]:
                cell.value = status
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
