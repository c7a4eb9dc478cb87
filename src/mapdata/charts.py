"""Plotly figures drawn from the records of `facets` (ordinary charts only: no geo subplot needs a CDN).

Colours are Okabe-Ito (colour-blind safe), grey for "other"; hovering names the places behind a point.
Every point carries `customdata = [key, hover text]`, so a chart selection maps back to its places
(`facets.places_in_selection`).
"""
from __future__ import annotations

from html import escape

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .facets import FacetValue, name_list

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000"]
OTHER = "#8c8c8c"
_FONT = dict(family="sans-serif", size=13)


def _layout(fig: go.Figure, height: int) -> go.Figure:
    fig.update_layout(height=height, margin=dict(l=8, r=8, t=36, b=8), font=_FONT, hoverlabel=dict(align="left"),
                      legend=dict(orientation="h", yanchor="top", y=-0.12, xanchor="left", x=0, title_text=""),
                      dragmode="select", clickmode="event+select", plot_bgcolor="white")
    fig.update_xaxes(showgrid=False, linecolor="#999", ticks="outside")
    fig.update_yaxes(gridcolor="#e6e6e6", zeroline=False, rangemode="tozero")
    return fig


def _years_axis(fig: go.Figure, years: pd.Series) -> None:
    span = int(years.max() - years.min()) if len(years) else 0
    fig.update_xaxes(tickformat="d", dtick=1 if span <= 12 else None, title_text=None)


def colours(values: list[str], n: int = len(PALETTE)) -> dict[str, str]:
    """The first `n` values in palette order, every other value grey."""
    return {v: PALETTE[i] if i < n else OTHER for i, v in enumerate(values)}


def growth_chart(series: pd.DataFrame, *, height: int = 420) -> go.Figure:
    """Cumulative places per network by year (`facets.network_growth`), one line per network.

    The networks with most places get their own colour; the others are grey and share one legend entry.
    """
    fig = go.Figure()
    order = list(dict.fromkeys(series["network"]))
    colour = colours(order, len(PALETTE) - 1)
    others_shown = False
    for net in order:
        part = series[series["network"] == net]
        grey = colour[net] == OTHER
        hover = [_growth_hover(r) for r in part.itertuples()]
        fig.add_trace(go.Scatter(
            x=part["year"], y=part["members"], mode="lines+markers", name="Other networks" if grey else part["network_label"].iloc[0],
            line=dict(color=colour[net], width=1.5 if grey else 2.5, shape="hv"), marker=dict(size=7 if not grey else 5),
            customdata=list(zip(part["key"], hover)), hovertemplate="%{customdata[1]}<extra></extra>",
            legendgroup="other" if grey else net, showlegend=not grey or not others_shown))
        others_shown = others_shown or grey
    fig.update_yaxes(title_text="places (cumulative)")
    _years_axis(fig, series["year"])
    return _layout(fig, height)


def _growth_hover(row) -> str:
    text = f"<b>{escape(row.network_label)}</b> · {row.year}<br>{row.members} place{'s' if row.members != 1 else ''} by then"
    if row.joined:
        text += f" (+{row.joined} this year)<br>Joined: {escape(name_list(row.names))}"
    return text


def declarations_chart(series: pd.DataFrame, *, row_height: int = 170) -> go.Figure:
    """Dated declarations per year (`facets.declaration_series`): one panel per label, bars stacked by country."""
    labels = sorted(series["label"].unique())
    groups = list(dict.fromkeys(series.sort_values("country_code", key=lambda s: s == "")["country"]))
    colour = colours([g for g in groups if g != "Other countries"])
    colour["Other countries"] = OTHER
    fig = make_subplots(rows=max(len(labels), 1), cols=1, shared_xaxes=True, vertical_spacing=0.08 if len(labels) > 1 else 0,
                        subplot_titles=[escape(label) for label in labels])
    for row, label in enumerate(labels, start=1):
        part = series[series["label"] == label]
        for group in groups:
            bars = part[part["country"] == group]
            if bars.empty:
                continue
            hover = [f"<b>{escape(label)}</b> · {r.year} · {escape(group)}<br>{r.count} declaration{'s' if r.count != 1 else ''}: "
                     f"{escape(name_list(r.names))}" for r in bars.itertuples()]
            fig.add_trace(go.Bar(x=bars["year"], y=bars["count"], name=group, marker_color=colour[group],
                                 customdata=list(zip(bars["key"], hover)), hovertemplate="%{customdata[1]}<extra></extra>",
                                 legendgroup=group, showlegend=row == 1 or group not in set(series.loc[series["label"] == labels[0], "country"])),
                          row=row, col=1)
    fig.update_layout(barmode="stack", bargap=0.15)
    fig.update_yaxes(dtick=1 if series["count"].max() <= 5 else None, title_text=None)
    fig.update_annotations(font=dict(size=13), xanchor="left", x=0)
    _years_axis(fig, series["year"])
    fig.update_xaxes(showticklabels=True)
    return _layout(fig, 90 + row_height * max(len(labels), 1))


def facet_chart(values: list[FacetValue], *, top: int = 12, height_per_bar: int = 26) -> go.Figure:
    """A facet as horizontal bars, most first (the `top` values; the rest summed as 'Other')."""
    shown = values[:top]
    rest = values[top:]
    labels = [v.label for v in shown] + ([f"{len(rest)} others"] if rest else [])
    counts = [v.count for v in shown] + ([sum(v.count for v in rest)] if rest else [])
    bar_colours = [PALETTE[0]] * len(shown) + [OTHER] * bool(rest)
    fig = go.Figure(go.Bar(x=counts, y=labels, orientation="h", marker_color=bar_colours, text=counts,
                           textposition="outside", cliponaxis=False,
                           hovertemplate="%{y}: %{x} places<extra></extra>"))
    fig.update_yaxes(autorange="reversed", title_text=None)
    fig.update_xaxes(visible=False)
    fig = _layout(fig, 40 + height_per_bar * max(len(labels), 1))
    fig.update_layout(margin=dict(l=8, r=32, t=8, b=8), dragmode=False, showlegend=False)
    return fig
