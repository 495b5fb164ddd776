"""``serve.py``: the server warmed while it starts (the app's imports, its database opened)."""

import sys

import serve


def test_the_modules_warmed_are_those_the_app_and_its_pages_import():
    names = serve.modules()
    assert {"ui", "ui_filters", "navigation", "ntm.charts", "ntm.history", "ntm.reports", "pandas"} <= set(names)
    assert names.index("ui") < names.index("ntm.charts")  # app.py's own imports first, then the pages'
    assert len(names) == len(set(names))


def test_warming_never_creates_a_missing_database(tmp_path, monkeypatch):
    """The first session's setup page asks how to start: demo data, or an empty database for a province."""
    db = tmp_path / "none" / "ntm.duckdb"
    monkeypatch.setenv("NTM_DB", str(db))
    serve.warm()
    assert not db.exists() and not db.parent.exists()
    assert "ntm.charts" in sys.modules and "plotly.graph_objs._heatmap" in sys.modules
    # the first run's other first times: layout parts, plotly reading pandas columns, a table's arrow conversion,
    # the page icon's emoji check, the tables' downloads
    for name in ("plotly.graph_objs.layout._annotation", "narwhals._pandas_like.series", "pyarrow.pandas_compat"):
        assert name in sys.modules
    assert {"streamlit.emojis", "ntm.export"} <= set(sys.modules)


def test_warming_opens_an_existing_database_through_the_sessions_connection(tmp_path, monkeypatch):
    import ui
    from ntm import reference

    db = tmp_path / "ntm.duckdb"
    reference.connect(db).close()
    monkeypatch.setenv("NTM_DB", str(db))
    ui._database.clear()
    serve.warm()
    assert ui._database(str(db)) is ui._database(str(db))  # the cached connection the sessions' cursors come from
    assert ui.cursor().execute("SELECT count(*) FROM units").fetchall()[0][0] > 0
    ui._database.clear()


def test_every_script_is_compiled_into_the_servers_script_cache(monkeypatch):
    from types import SimpleNamespace

    from streamlit.runtime import Runtime
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache

    assert serve.compile_scripts(timeout=0.1) == 0  # no server in this process: nothing to fill
    cache = ScriptCache()
    monkeypatch.setattr(Runtime, "exists", staticmethod(lambda: True))
    monkeypatch.setattr(Runtime, "instance", staticmethod(lambda: SimpleNamespace(_script_cache=cache)))
    assert serve.compile_scripts() == len(serve.SCRIPTS) > 10  # app.py and every page
    assert {str(p) for p in serve.SCRIPTS} == set(cache._cache)


def test_the_heap_at_start_is_frozen_out_of_the_collections_after_each_run():
    import gc

    try:
        assert serve.freeze_heap() > 10_000  # the modules' objects: pandas, plotly, streamlit, ntm
        assert gc.get_freeze_count() > 10_000
        garbage = [[]]
        garbage[0].append(garbage)  # a cycle made afterwards is still collected
        del garbage
        assert gc.collect() >= 1
    finally:
        gc.unfreeze()
