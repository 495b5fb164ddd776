"""The parse of an upload started ahead (``reader.parse_ahead``) and handed to ``import_file``: the same result as
parsing it there, the same refusals, and the same child (limits and checks) doing the work."""

import gc
import threading
import zipfile

import pytest

from ntm.ingest import gc_pause, reader
from ntm.ingest.importer import import_file
from tests.helpers import real_world_sheet, snapshot, xlsx


def test_an_upload_parsed_ahead_loads_exactly_as_one_parsed_in_place(con):
    data = xlsx(real_world_sheet)
    ahead = reader.parse_ahead(data, "van-quan.xlsx")
    assert ahead.sheets()[0].rows == reader.read_workbook(data, "van-quan.xlsx")[0].rows
    result = import_file(con, data, "van-quan.xlsx", parsed=ahead)
    assert result.status == "loaded" and result.communes == 14 and result.rows == 14 * 19
    loaded = con.execute("SELECT unit_id, criterion_no, status FROM assessments ORDER BY ALL").fetchall()
    con.execute("DELETE FROM assessments")
    again = import_file(con, data, "van-quan.xlsx")
    assert con.execute("SELECT unit_id, criterion_no, status FROM assessments ORDER BY ALL").fetchall() == loaded
    assert (again.rows, again.communes, again.layout.as_json()) == (
        result.rows,
        result.communes,
        result.layout.as_json(),
    )


def test_the_parse_of_another_file_is_refused(con):
    ahead = reader.parse_ahead(xlsx(real_world_sheet), "a.xlsx")
    with pytest.raises(ValueError, match="another file"):
        import_file(con, xlsx(lambda s: s.append(["other"])), "a.xlsx", parsed=ahead)
    with pytest.raises(ValueError, match="another file"):
        import_file(con, ahead.data, "b.xlsx", parsed=ahead)


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"", "file.empty"),
        (b"PK\x03\x04 not really a zip", "file.corrupt"),
        (b"%PDF-1.4 a report", "file.not_workbook"),
    ],
)
def test_a_bad_file_parsed_ahead_is_refused_with_the_same_message_and_nothing_written(con, data, key):
    with pytest.raises(reader.Rejected) as in_place:
        reader.read_workbook(data, "x.xlsx")
    assert [p.key for p in in_place.value.errors] == [key]
    before = snapshot(con)
    result = import_file(con, data, "x.xlsx", parsed=reader.parse_ahead(data, "x.xlsx"))
    assert result.status == "rejected" and [p.key for p in result.errors] == [key]
    assert snapshot(con) == before


def test_a_zip_bomb_parsed_ahead_is_stopped_by_the_same_checks(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", "<Types/>")
        book.writestr("xl/workbook.xml", "<workbook/>")
        book.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * 10_000_000)
    data = path.read_bytes()
    with pytest.raises(reader.Rejected) as in_place:
        reader.read_workbook(data, "bomb.xlsx")
    with pytest.raises(reader.Rejected) as ahead:
        reader.parse_ahead(data, "bomb.xlsx").sheets()
    assert [p.key for p in ahead.value.errors] == [p.key for p in in_place.value.errors] == ["file.zip_bomb"]


def test_the_collector_is_paused_while_any_upload_runs_and_restored_after():
    assert gc.isenabled()
    inside, release = threading.Event(), threading.Event()

    def other():
        with gc_pause.paused():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=other)
    thread.start()
    inside.wait(5)
    with gc_pause.paused():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other thread's upload still runs
    release.set()
    thread.join()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_pause.paused():
            pass
        assert not gc.isenabled()  # a collector switched off by someone else stays off
    finally:
        gc.enable()
