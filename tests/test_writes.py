"""Every write checks its permission in ntm (ntm/writes.py) and is audited: an uploader of Văn Quan
cannot write outside it, and nothing is written when refused."""

import io
from dataclasses import replace
from datetime import date

import openpyxl
import pytest

from ntm import audit, plans, targets, writes
from ntm.access import AccessDenied
from ntm.ingest import template
from tests.access_helpers import ROOT, account, district, filled
from tests.helpers import commune


def state(con):
    return [
        con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
        for table in ("assessments", "assessment_history", "targets", "unit_goals", "recognitions", "audit")
    ] + [con.execute("SELECT upload_id, status FROM uploads ORDER BY 1").fetchall()]


def test_an_uploader_of_van_quan_loads_van_quan_and_is_audited(con):
    uploader = account(con, "vq", "uploader", district(con, "Văn Quan"))
    first = writes.import_upload(con, uploader, filled(con, "Văn Quan", "Chưa đạt"), "vq-lan-1.xlsx")
    assert (first.status, first.communes) == ("loaded", 14)
    second = writes.import_upload(con, uploader, filled(con, "Văn Quan", "Đạt"), "vq-lan-2.xlsx")
    assert second.status == "loaded"
    assert con.execute("SELECT uploaded_by FROM uploads WHERE upload_id = ?", [second.upload_id]).fetchall() == [
        ("vq",)
    ]
    log = audit.entries(con, commune(con, "Tú Xuyên"))
    assert [(e.actor, e.action, e.old_value, e.new_value, e.period) for e in log] == [
        ("vq", "upload", "0/19", "19/19", date(2020, 5, 1)),
        ("vq", "upload", None, "0/19", date(2020, 5, 1)),
    ]
    assert log[0].ref == f"#{second.upload_id} vq-lan-2.xlsx · ntm-2016 · self"


def test_an_uploader_of_van_quan_cannot_load_another_district(con):
    uploader = account(con, "vq", "uploader", district(con, "Văn Quan"))
    before = state(con)
    for dry_run in (True, False):
        result = writes.import_upload(con, uploader, filled(con, "Lộc Bình"), "loc-binh.xlsx", dry_run=dry_run)
        assert result.status == "rejected" and result.upload_id is None
        assert [p.key for p in result.errors] == ["access.denied_scope"]
        assert "Khuất Xá" in result.errors[0].message("vi")
    assert state(con) == before  # no row, no upload, no audit entry


def test_new_communes_outside_the_scope_are_refused_at_load(con):
    """--accept-new-units creates units inside the load's transaction: the check sees them and rolls back."""
    uploader = account(con, "vq", "uploader", district(con, "Văn Quan"))
    data = _with_new_commune(filled(con, "Lộc Bình"), "Xã Bình Minh Mới")
    units_before = con.execute("SELECT count(*) FROM units").fetchall()
    result = writes.import_upload(con, uploader, data, "x.xlsx", unit="Lạng Sơn/Lộc Bình", accept_new_units=True)
    assert result.status == "rejected" and [p.key for p in result.errors] == ["access.denied_scope"]
    assert con.execute("SELECT count(*) FROM units").fetchall() == units_before
    assert con.execute("SELECT count(*) FROM uploads").fetchall() == [(0,)]


def _with_new_commune(data: bytes, name: str) -> bytes:
    """The template with its last commune row renamed to a commune the catalogue lacks (and its code cleared)."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["Báo cáo"]
    last = max(r for r in range(template.FIRST_DATA_ROW, sheet.max_row + 1) if sheet.cell(r, 3).value)
    sheet.cell(last, 2).value, sheet.cell(last, 3).value = None, name
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_viewers_upload_nothing(con):
    viewer = account(con, "xem", "viewer", district(con, "Văn Quan"))
    result = writes.import_upload(con, viewer, filled(con, "Văn Quan"), "vq.xlsx")
    assert result.status == "rejected" and result.errors[0].key == "access.denied_role"


def test_revert_is_checked_and_audited(con):
    vq_uploader = account(con, "vq", "uploader", district(con, "Văn Quan"))
    lb_uploader = account(con, "lb", "uploader", district(con, "Lộc Bình"))
    first = writes.import_upload(con, vq_uploader, filled(con, "Văn Quan", "Chưa đạt"), "1.xlsx").upload_id
    second = writes.import_upload(con, vq_uploader, filled(con, "Văn Quan", "Đạt"), "2.xlsx").upload_id
    before = state(con)
    with pytest.raises(AccessDenied) as refused:
        writes.revert_upload(con, lb_uploader, second)
    assert refused.value.key == "access.denied_scope" and state(con) == before
    with pytest.raises(writes.RevertRefused) as missing:
        writes.revert_upload(con, vq_uploader, 999)
    assert missing.value.key == "uploads.not_found"
    assert writes.revert_upload(con, vq_uploader, second) == 14 * 19
    log = audit.entries(con, commune(con, "Tú Xuyên"))
    assert (log[0].actor, log[0].action, log[0].old_value, log[0].new_value) == ("vq", "revert", "19/19", "0/19")
    assert con.execute("SELECT DISTINCT upload_id FROM assessments").fetchall() == [(first,)]


def test_targets_plans_and_recognitions_outside_the_scope_are_refused(con):
    vq = district(con, "Văn Quan")
    uploader = account(con, "vq", "uploader", vq)
    inside, outside = commune(con, "Tú Xuyên"), commune(con, "Khuất Xá", "Lộc Bình")
    row = targets.TargetRow(unit_id=0, level="ntm", target_month=date(2025, 11, 1), plan="KH 12/KH-UBND", note=None)
    before = state(con)
    with pytest.raises(AccessDenied):
        writes.save_targets(con, uploader, [replace(row, unit_id=outside.unit_id)], source="app")
    with pytest.raises(AccessDenied):
        writes.save_targets(con, uploader, [], source="app", replace_scope=district(con, "Lộc Bình"))
    with pytest.raises(AccessDenied):
        writes.add_recognition(con, uploader, outside, "ntm", "9/QĐ-UBND", date(2024, 12, 27))
    assert state(con) == before
    counts = writes.save_targets(con, uploader, [replace(row, unit_id=inside.unit_id)], source="app", replace_scope=vq)
    assert counts["added"] == 1
    moved = replace(row, unit_id=inside.unit_id, target_month=date(2026, 6, 1))
    writes.save_targets(con, uploader, [moved], source="app", replace_scope=vq)
    writes.add_recognition(con, uploader, inside, "ntm", "9/QĐ-UBND", date(2024, 12, 27))
    log = [(e.action, e.old_value, e.new_value) for e in audit.entries(con, inside)]
    assert log == [
        ("recognition", None, "9/QĐ-UBND · 27/12/2024"),
        ("target", "11/2025", "06/2026 · KH 12/KH-UBND"),
        ("target", None, "11/2025 · KH 12/KH-UBND"),
    ]


def test_a_plan_naming_a_commune_outside_the_scope_loads_nothing(con):
    import io

    import openpyxl

    uploader = account(con, "vq", "uploader", district(con, "Văn Quan"))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Tên xã", "Huyện", "Mức", "Thời hạn", "Kế hoạch"])
    sheet.append(["Tú Xuyên", "Văn Quan", "NTM", "11/2025", "KH 1"])
    sheet.append(["Khuất Xá", "Lộc Bình", "NTM", "11/2025", "KH 1"])
    buffer = io.BytesIO()
    book.save(buffer)
    checked, counts = plans.import_plan(con, buffer.getvalue(), "kh.xlsx", dry_run=True)
    assert not checked.errors and len(checked.targets) == 2  # a valid plan …
    before = state(con)
    checked, counts = writes.import_plan(con, uploader, buffer.getvalue(), "kh.xlsx")
    assert [p.key for p in checked.errors] == ["access.denied_scope"] and counts == {}
    assert state(con) == before  # … that this account may not load


def test_the_catalogue_needs_an_administrator_of_everywhere(con):
    admin_vq = account(con, "qt", "admin", district(con, "Văn Quan"))
    with pytest.raises(AccessDenied) as refused:
        writes.import_catalogue(con, admin_vq, b"", "bo-tieu-chi.xlsx")
    assert refused.value.key == "access.denied_role"
    assert ROOT.everywhere


def test_village_lists_and_resources_are_written_only_inside_the_scope(con):
    from tests.counts_helpers import DAY, QUAN_SON_Q1
    from tests.counts_helpers import resources_workbook as quantities_workbook
    from tests.counts_helpers import village_list_workbook as village_workbook

    lb_uploader = account(con, "lb", "uploader", district(con, "Lộc Bình"))
    van_quan = district(con, "Văn Quan")
    counted = "SELECT (SELECT count(*) FROM units), (SELECT count(*) FROM quantity_values)"
    before, before_counts = state(con), con.execute(counted).fetchall()
    villages = village_workbook([[1, "Thôn Nà Cái", "Tú Xuyên", "T01", None]])
    with pytest.raises(AccessDenied):
        writes.import_villages(con, lb_uploader, villages, "ds.xlsx", van_quan, DAY)
    with pytest.raises(AccessDenied):
        writes.add_village(con, lb_uploader, "Bản Mới", commune(con, "Tú Xuyên"))
    for dry_run in (True, False):
        parsed, upload_id = writes.import_quantities(
            con, lb_uploader, quantities_workbook(QUAN_SON_Q1), "nguon-luc.xlsx", unit="184", dry_run=dry_run
        )
        assert upload_id is None and [p.key for p in parsed.errors] == ["access.denied_scope"]
    assert state(con) == before and con.execute(counted).fetchall() == before_counts

    vq_uploader = account(con, "vq", "uploader", van_quan)
    assert writes.import_villages(con, vq_uploader, villages, "ds.xlsx", van_quan, DAY)["added"] == 1
    parsed, upload_id = writes.import_quantities(
        con, vq_uploader, quantities_workbook(QUAN_SON_Q1), "nguon-luc.xlsx", unit="184"
    )
    assert upload_id is not None and not parsed.errors
    refs = [e.ref for e in audit.entries(con, limit=10)]
    assert "ds.xlsx · villages" in refs and f"#{upload_id} nguon-luc.xlsx · resources" in refs
