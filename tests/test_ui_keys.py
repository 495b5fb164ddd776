"""Cache keys for frames, lists and dicts (``ui_keys``): never shared by arguments that differ."""

import pickle

import pandas as pd
import plotly.graph_objects as go
import pytest

import ui_figures
import ui_keys

pytestmark = pytest.mark.usefixtures("fresh_caches")


def _scores() -> pd.DataFrame:
    return pd.DataFrame(
        {"name": ["Tú Xuyên", "An Sơn"], "met": [10, 19], "unmet": [[2, 4], []]}, index=pd.Index([7, 9], name="id")
    )


def test_equal_frames_share_a_key_and_any_difference_gives_another():
    frame = _scores()
    assert ui_keys.digest(frame) == ui_keys.digest(frame.copy())
    assert ui_keys.digest(frame) == ui_keys.digest(pickle.loads(pickle.dumps(frame)))  # as a cached query returns it
    changed = [
        frame.assign(unmet=[[2, 5], []]),  # one value inside a list
        frame.assign(met=[10.0, 19.0]),  # the same numbers, another type
        frame.rename(columns={"met": "đạt"}),
        frame.set_axis(pd.Index([7, 8], name="id")),
        frame.iloc[::-1],  # the same rows, another order
        frame.head(1),
    ]
    keys = {ui_keys.digest(frame), *(ui_keys.digest(other) for other in changed)}
    assert len(keys) == len(changed) + 1
    assert ui_keys.digest(["a", "b"]) != ui_keys.digest(["b", "a"])
    assert ui_keys.digest({"Tú Xuyên": "06283"}) != ui_keys.digest({"Tú Xuyên": "06280"})


def test_a_value_that_cannot_be_pickled_is_never_a_hit():
    assert ui_keys.digest([lambda: 1]) != ui_keys.digest([lambda: 1])


def test_figures_of_frames_with_list_columns_are_kept_without_the_pickling_warning(monkeypatch):
    from streamlit.runtime.caching import hashing

    warned = []
    monkeypatch.setattr(hashing._LOGGER, "warning", lambda *args, **kwargs: warned.append(args))
    calls = []

    def bar(frame: pd.DataFrame, order: list, title: str) -> go.Figure:
        calls.append(title)
        return go.Figure(go.Bar(x=frame["name"], y=frame["met"]), layout={"title": {"text": title}})

    bar.__qualname__ = "test_keys_bar"
    frame = _scores()
    first = ui_figures.kept(bar, frame, ["Tú Xuyên", "An Sơn"], "Một")
    assert ui_figures.kept(bar, frame.copy(), ["Tú Xuyên", "An Sơn"], "Một") is first
    assert ui_figures.kept(bar, frame.assign(unmet=[[2], []]), ["Tú Xuyên", "An Sơn"], "Một") is not first
    assert ui_figures.kept(bar, frame, ["An Sơn", "Tú Xuyên"], "Một") is not first
    assert calls == ["Một"] * 3
    assert warned == []  # Streamlit's own hashing of such a frame warns that it falls back to pickling
