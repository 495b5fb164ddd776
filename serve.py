"""``python serve.py [streamlit options]``: ``streamlit run app.py`` with the server warmed while it starts.

Streamlit runs nothing of the app before the first session arrives, so that session used to pay for the imports
of pandas, plotly, DuckDB and the pages' modules, and for opening the database (5 s of a 12 s first paint at
national scale on the loaded 2-core machine). Here a thread does that work while the server boots and waits for
its first browser: it imports what ``app.py`` and every page script import (read from their ``import`` lines)
and opens the database through the same cached connection the sessions use (``ui.cursor``). A missing database
is left missing (the first session's setup page asks how to start), and a database that cannot be opened is left
to the first session, which says what to do.
"""

from __future__ import annotations

import ast
import contextlib
import importlib
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SCRIPTS = [ROOT / "app.py", *sorted((ROOT / "views").glob("*.py"))]


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


def warm() -> None:
    """Import the app's modules and open its database (when the file exists)."""
    for name in modules():
        with contextlib.suppress(ImportError):  # ``from ntm import charts`` names a module, ``from x import f`` not
            importlib.import_module(name)
    import plotly.graph_objects as go
    import plotly.io

    import ui
    from ntm import store

    # plotly loads each trace type's classes and validators on first use: a tiny figure of the types the pages draw
    fig = go.Figure(
        [go.Scatter(x=[1], y=[1], text=["1"]), go.Bar(x=[1], y=["a"], orientation="h"), go.Heatmap(z=[[1]])]
    )
    fig.update_layout(title={"text": "warm"}, legend={"orientation": "h"}).update_xaxes(gridcolor="#eee")
    plotly.io.to_json(fig, validate=False)

    if store.db_path().exists():
        with contextlib.suppress(Exception):  # busy, corrupt, full disk: the first session says what to do
            ui.cursor().execute("SELECT 1").fetchall()


def main(argv: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    threading.Thread(target=warm, name="ntm-warm", daemon=True).start()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *argv]
    cli.main(prog_name="streamlit")


if __name__ == "__main__":
    main(sys.argv[1:])
