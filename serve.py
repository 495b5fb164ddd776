"""``python serve.py [streamlit options]``: ``streamlit run app.py`` with the server warmed while it starts.

Streamlit runs nothing of the app before the first session arrives, so that session used to pay for the imports
of pandas, plotly, DuckDB and the pages' modules, for opening the database, and for every first time in the
process (plotly's classes, Streamlit's element code, the page scripts compiled): 5 s of a 12 s first paint at
national scale on the loaded 2-core machine. Here a thread does that work while the server boots and waits for
its first browser:

1. it imports what ``app.py`` and the overview import (read from their ``import`` lines), draws a tiny figure of
   each trace type, opens the database through the same cached connection the sessions use (``ui.cursor``), then
   imports what the other pages import, compiles every page script into the server's script cache and
   freezes the heap so far (``freeze_heap``: the collection Streamlit runs after every script run then skips it);
2. once the server answers, it opens one session of its own (the same websocket protocol a browser speaks, with
   the ``WARM_HEADER`` header) and runs the default page, the overview for the default filters, as the first
   visitor of "/" would: its queries, figures and script are then cached for every session. It gives way to the
   first visitor: when another session opens, it closes its own (Streamlit stops that run at its next element),
   so a visitor asking for another view never shares the two cores with it (measured: run to its end beside a
   browser opening Thanh Hóa 2024, it doubled that first run's server CPU).

A missing database is left missing (the first session's setup page asks how to start; no session of its own is
opened then), and a database that cannot be opened is left to the first session, which says what to do.
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent
FIRST = [ROOT / "app.py", ROOT / "views" / "overview.py"]  # what "/" runs: imported first
SCRIPTS = [*FIRST, *sorted(p for p in (ROOT / "views").glob("*.py") if p not in FIRST)]
WARM_HEADER = "X-NTM-Warm-Up"  # the warm-up's own session: ``ui.timed_run`` logs its runs apart


def modules(scripts: list[Path] = SCRIPTS) -> list[str]:
    """The modules the app's scripts import, in the order first seen (``from ntm import charts`` → ntm.charts)."""
    names: list[str] = []
    for script in scripts:
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            else:
                continue
            names += [n for n in found if n not in names]
    return names


def _import(names: list[str]) -> None:
    for name in names:
        with contextlib.suppress(ImportError):  # ``from ntm import charts`` names a module, ``from x import f`` not
            importlib.import_module(name)


def _skip_repl_check() -> None:
    """Streamlit's first element in a process asks whether it runs in a REPL, to warn that ``streamlit run`` is
    needed; the question is ``inspect.stack()``, which resolves the source file of every frame against every
    loaded module (0,5-1 s of CPU in the first session's run with the app's modules loaded). Served by
    ``streamlit run``, the answer is always no and the warning is never printed: mark it as given."""
    from streamlit import delta_generator

    if hasattr(delta_generator, "_use_warning_has_been_displayed"):
        delta_generator._use_warning_has_been_displayed = True


def warm() -> None:
    """Import the modules the default page needs and open the database (when the file exists)."""
    _skip_repl_check()
    _import(modules(FIRST))
    import pandas as pd
    import plotly.graph_objects as go
    import plotly.io
    from streamlit import dataframe_util, string_util

    import ui
    from ntm import store

    # plotly loads each trace type's and layout part's classes and validators on first use, and reads pandas
    # columns through narwhals: a tiny figure of what the pages draw, from a frame
    frame = pd.DataFrame({"n": [1], "name": ["a"]})
    fig = go.Figure(
        [
            go.Scatter(x=frame["n"], y=frame["n"], text=frame["name"]),
            go.Bar(x=frame["n"], y=frame["name"], orientation="h", marker={"color": ["#000"]}),
            go.Heatmap(z=[[1]]),
        ]
    )
    fig.update_layout(
        title={"text": "warm", "font": {"size": 12}},
        legend={"orientation": "h"},
        margin={"t": 10},
        annotations=[{"text": "a", "x": 0, "y": 0}],
        shapes=[{"type": "line", "x0": 0, "x1": 1, "y0": 0, "y1": 1, "line": {"color": "#000"}}],
    )
    fig.update_xaxes(gridcolor="#eee", title={"text": "x"}).update_yaxes(title={"text": "y"})
    plotly.io.to_json(fig, validate=False)
    # the first run's other first times: the page icon's emoji check (a large regex compiled), the menu's material
    # icons, a table's arrow conversion (pyarrow's pandas layer), the tables' download module
    string_util.is_emoji("🌾")
    string_util.validate_material_icon(":material/dashboard:")
    dataframe_util.convert_pandas_df_to_arrow_bytes(frame)
    _import(["ntm.export"])

    if store.db_path().exists():
        with contextlib.suppress(Exception):  # busy, corrupt, full disk: the first session says what to do
            ui.cursor().execute("SELECT 1").fetchall()


def _base_url() -> str:
    from streamlit import config

    address = config.get_option("server.address") or "127.0.0.1"
    if address in ("0.0.0.0", "::", "[::]"):
        address = "127.0.0.1"
    return f"{address}:{config.get_option('server.port')}"


def _wait_until_serving(timeout: float) -> str | None:
    """The server's host:port once it answers its health check, or None after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):  # not listening yet, or the options not read yet
            base = _base_url()
            if urllib.request.urlopen(f"http://{base}/_stcore/health", timeout=2).read() == b"ok":
                return base
        time.sleep(0.05)
    return None


def _run_page(base: str, page: str = "", query: str = "", timeout: float = 300) -> None:
    """One script run of ``page`` in a session of its own, over the websocket a browser opens; returns when the
    run has ended (a switch to another page, as "/" makes to the overview, is followed to its end)."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.sync.client import connect

    deadline = time.monotonic() + timeout
    with connect(
        f"ws://{base}/_stcore/stream",
        subprotocols=["streamlit"],  # type: ignore[list-item]
        additional_headers={WARM_HEADER: "1"},
        max_size=2**30,
        open_timeout=timeout,
    ) as socket:
        msg = BackMsg()
        msg.rerun_script.query_string = query
        msg.rerun_script.page_name = page
        socket.send(msg.SerializeToString())
        while time.monotonic() < deadline:
            if _others_connected() > 0:
                return  # a visitor came: closing the session stops its run, the visitor's run gets the server
            forward = ForwardMsg()
            try:
                forward.ParseFromString(socket.recv(timeout=0.1))
            except TimeoutError:
                continue
            finished = forward.WhichOneof("type") == "script_finished"
            if finished and forward.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                return


def _others_connected(own: int = 1) -> int:
    """Sessions open on this server besides the warm-up's own (``own``: 1 once it is open, 0 before; 0 when
    Streamlit does not say)."""
    from streamlit.runtime import Runtime

    manager = getattr(Runtime.instance(), "_session_mgr", None) if Runtime.exists() else None
    count = getattr(manager, "num_active_sessions", None)
    return max(0, count() - own) if callable(count) else 0


def warm_default_page(timeout: float = 120) -> None:
    """Once the server answers, run the default page ("/": the overview, default filters) in a session of its own."""
    from ntm import store

    if not store.db_path().exists():
        return  # the setup page asks how to start; nothing to warm
    base = _wait_until_serving(timeout)
    if base is not None and _others_connected(own=0) == 0:
        with contextlib.suppress(Exception):  # a warm-up that fails leaves the first session to do the work
            _run_page(base)


def compile_scripts(timeout: float = 60) -> int:
    """Compile the app's scripts (``app.py``, every page) into the server's own script cache, as the first run
    of each would (Streamlit's "magic" rewrites each script's syntax tree first: 2-45 ms a script, 0,24 s for all
    of them, paid by the first visit of each page otherwise). Waits for the runtime; returns the scripts compiled.
    Streamlit empties that cache whenever the last session closes (the warm-up's own, for one): called again
    after the warm-up."""
    from streamlit.runtime import Runtime

    deadline = time.monotonic() + timeout
    while not Runtime.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    cache = getattr(Runtime.instance(), "_script_cache", None) if Runtime.exists() else None
    if cache is None or not callable(getattr(cache, "get_bytecode", None)):
        return 0
    done = 0
    for script in SCRIPTS:
        with contextlib.suppress(Exception):  # a script that does not compile: its run shows the error
            cache.get_bytecode(str(script))
            done += 1
    return done


def freeze_heap() -> int:
    """Collect, then move every object alive (the modules, classes and functions of the ~1,500 modules imported)
    out of the garbage collector's sight (``gc.freeze``); returns how many. Streamlit collects all generations after
    every script run unless ``runner.postScriptGC`` is off (it is, in ``.streamlit/config.toml``), holding the GIL:
    with the app's modules loaded that full collection walked ~150,000 objects, 0,15 s of CPU per run, during which
    the server sends nothing; with them frozen it walks what the sessions made since, 0,01-0,02 s. Python's own
    collections of the oldest generation walk the same heap, so the freeze serves them too. What is frozen lives for
    the process's life anyway; an object of it that becomes garbage is still freed by its reference count (only a
    cycle among them would stay)."""
    import gc

    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


def _warm_all() -> None:
    warm()
    _import(modules())  # the other pages' modules too, while the server boots (never beside a visitor's run)
    compile_scripts()
    freeze_heap()
    warm_default_page()
    compile_scripts()  # again if the warm-up session's end emptied the cache (a no-op otherwise)


def main(argv: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    threading.Thread(target=_warm_all, name="ntm-warm", daemon=True).start()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *argv]
    cli.main(prog_name="streamlit")


if __name__ == "__main__":
    main(sys.argv[1:])
