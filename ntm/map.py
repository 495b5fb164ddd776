"""A map of communes coloured by criteria met, drawn at the unit catalogue's coordinates on plain axes: it needs
no tile server, so it works with no internet access (a district office's intranet). Longitude is stretched by
1/cos(latitude) so that the shape of the province is true."""

from __future__ import annotations

import math

import duckdb
import pandas as pd
import plotly.graph_objects as go

from ntm.i18n import t


def points(con: duckdb.DuckDBPyConnection, scores: pd.DataFrame) -> pd.DataFrame:
    """``scores`` (metrics.commune_scores) with each commune's lat and lon; communes without coordinates dropped."""
    if scores.empty:
        return scores.assign(lat=[], lon=[])
    ids = [int(u) for u in scores["unit_id"]]
    coords = con.execute("SELECT unit_id, lat, lon FROM units WHERE unit_id IN (SELECT unnest(?))", [ids]).df()
    merged = scores.merge(coords, on="unit_id", how="left")
    return merged.dropna(subset=["lat", "lon"]).reset_index(drop=True)


def figure(data: pd.DataFrame, n: int, title: str, lang: str) -> go.Figure:
    """One marker per commune, coloured from red (few criteria met) to green (all ``n``); the code as customdata."""
    district = data["district"].fillna("") if "district" in data else pd.Series([""] * len(data))
    hover = [
        t("map.hover", lang, name=name, district=d, met=int(met), n=n) if d else f"{name}: {int(met)}/{n}"
        for name, d, met in zip(data["name"], district, data["met"])
    ]
    fig = go.Figure(
        go.Scatter(
            x=data["lon"],
            y=data["lat"],
            mode="markers+text" if len(data) <= 40 else "markers",
            text=data["name"] if len(data) <= 40 else None,
            textposition="top center",
            textfont={"size": 10},
            customdata=data["code"].astype(str),
            hovertext=hover,
            hoverinfo="text",
            marker={
                "size": 14 if len(data) <= 40 else 9,
                "color": data["met"],
                "cmin": 0,
                "cmax": n,
                "colorscale": [[0, "#D55E00"], [0.5, "#E69F00"], [0.8, "#F0E442"], [1, "#009E73"]],
                "line": {"width": 1, "color": "#333"},
                "colorbar": {
                    "title": {"text": t("col.met", lang), "side": "right"},
                    "thickness": 12,
                    "x": 1.02,
                    "tickvals": list(range(0, n + 1, 5 if n > 10 else 1)),
                },
            },
        )
    )
    mid = float(data["lat"].mean()) if len(data) else 21.0
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1 / math.cos(math.radians(mid)))
    fig.update_layout(
        title={"text": title, "x": 0, "font": {"size": 15}},
        height=620,
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        plot_bgcolor="#f4f6f2",
        paper_bgcolor="rgba(0,0,0,0)",
        clickmode="event+select",
        dragmode="pan",
        showlegend=False,
        font={"family": "Source Sans Pro, Arial, sans-serif"},
    )
    return fig
