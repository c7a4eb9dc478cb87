"""Plotly figures and small HTML cards drawn from the records of `facets` (ordinary charts only: no geo
subplot, which needs a CDN).

Colours are Okabe-Ito (colour-blind safe), grey for "other"; hovering names the places behind a point.
Every point carries `customdata = [key, hover text]`, so a chart selection maps back to its places
(`facets.places_in_selection`).
"""
from __future__ import annotations

from html import escape

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from mapdata.render.html import render
from mapdata.render.palette import CATEGORICAL as PALETTE
from mapdata.render.palette import GRID, OTHER
from mapdata.view.facets import OTHER_COUNTRIES, FacetValue, Milestone, NetworkCard
from mapdata.words import counted, name_list

_FONT = dict(family="sans-serif", size=13)
_LEGEND = dict(orientation="h", yref="container", yanchor="top", y=1, xanchor="left", x=0, title_text="")


def _layout(fig: go.Figure, height: int) -> go.Figure:
    fig.update_layout(height=height, margin=dict(l=8, r=8, t=36, b=8), font=_FONT, hoverlabel=dict(align="left"),
                      legend=_LEGEND, plot_bgcolor="white")
    fig.update_xaxes(showgrid=False, linecolor="#999", ticks="outside")
    fig.update_yaxes(gridcolor=GRID, zeroline=False, rangemode="tozero")
    return fig


def _years_axis(fig: go.Figure, years: pd.Series) -> None:
    low, high = (int(years.min()), int(years.max())) if len(years) else (0, 0)
    fig.update_xaxes(tickformat="d", dtick=1 if high - low <= 12 else None, range=[low - 0.7, high + 0.7],
                     title_text=None)


def colours(values: list[str], n: int = len(PALETTE)) -> dict[str, str]:
    """The first `n` values in palette order, every other value grey."""
    return {v: PALETTE[i] if i < n else OTHER for i, v in enumerate(values)}


def growth_chart(series: pd.DataFrame, undated: dict[str, int] | None = None, *, height: int = 420) -> go.Figure:
    """Cumulative places per network by year (`facets.network_growth`), one line per network.

    The networks with most places get their own colour; the others are grey and share one legend entry.
    `undated` (`facets.undated_members`) adds "N more members with date unknown" to the hover text. A single
    network also gets its joins per year as bars.
    """
    undated = undated or {}
    fig = go.Figure()
    order = list(dict.fromkeys(series["network"]))
    colour = colours(order, len(PALETTE) - 1)
    others_shown = False
    for net in order:
        part = series[series["network"] == net]
        grey = colour[net] == OTHER
        hover = [_growth_hover(r, undated.get(net, 0)) for r in part.itertuples()]
        name = part["network_label"].iloc[0] if len(order) > 1 else "members (cumulative)"
        fig.add_trace(go.Scatter(
            x=part["year"], y=part["members"], mode="lines+markers", name="Other networks" if grey else name,
            line=dict(color=colour[net], width=1.5 if grey else 2.5, shape="hv"),
            marker=dict(size=[(5 if grey else 8) if n else 0 for n in part["joined"]]),
            customdata=list(zip(part["key"], hover)), hovertemplate="%{customdata[1]}<extra></extra>",
            legendgroup="other" if grey else net, showlegend=not grey or not others_shown))
        others_shown = others_shown or grey
    if len(order) == 1:  # one network: its joins per year as bars under the line
        fig.add_trace(go.Bar(x=part["year"], y=part["joined"], name="joined that year", marker_color=PALETTE[5],
                             opacity=0.6, width=0.6, customdata=list(zip(part["key"], hover)),
                             hovertemplate="%{customdata[1]}<extra></extra>"))
    fig.update_yaxes(title_text="places", dtick=1 if series["members"].max() <= 5 else None)
    _years_axis(fig, series["year"])
    return _layout(fig, height)


def _growth_hover(row, undated: int) -> str:
    text = (f"<b>{escape(row.network_label)}</b> · {row.year}<br>"
            f"{counted(row.members, 'place')} by then")
    if row.joined:
        text += f" (+{row.joined} this year)<br>Joined: {escape(name_list(row.names))}"
    if undated:
        text += f"<br><i>{counted(undated, 'more member', 'more members')} with date unknown (not on the chart)</i>"
    return text


def declarations_chart(series: pd.DataFrame, *, row_height: int = 130) -> go.Figure:
    """Dated declarations per year (`facets.declaration_series`): one panel per label, bars stacked by country
    (countries with most declarations first; 'Other countries' grey and last)."""
    labels = sorted(series["label"].unique())
    totals = series.groupby("country")["count"].sum().sort_values(ascending=False, kind="stable")
    groups = [g for g in totals.index if g != OTHER_COUNTRIES] + [g for g in totals.index if g == OTHER_COUNTRIES]
    colour = colours([g for g in groups if g != OTHER_COUNTRIES])
    colour[OTHER_COUNTRIES] = OTHER
    fig = make_subplots(rows=max(len(labels), 1), cols=1, shared_xaxes=True,
                        vertical_spacing=0.06 if len(labels) > 1 else 0, subplot_titles=[escape(x) for x in labels])
    in_legend: set[str] = set()
    for row, label in enumerate(labels, start=1):
        part = series[series["label"] == label]
        if part.groupby("year")["count"].sum().max() <= 5:
            fig.update_yaxes(dtick=1, row=row, col=1)
        for group in groups:
            bars = part[part["country"] == group]
            if bars.empty:
                continue
            hover = [f"<b>{escape(label)}</b> · {r.year} · {escape(group)}<br>"
                     f"{counted(r.count, 'declaration')}: {escape(name_list(r.names))}"
                     for r in bars.itertuples()]
            fig.add_trace(go.Bar(x=bars["year"], y=bars["count"], name=group, marker_color=colour[group],
                                 customdata=list(zip(bars["key"], hover)),
                                 hovertemplate="%{customdata[1]}<extra></extra>",
                                 legendgroup=group, legendrank=groups.index(group),
                                 showlegend=group not in in_legend), row=row, col=1)
            in_legend.add(group)
    fig.update_layout(barmode="stack", bargap=0.15)
    fig.update_annotations(font=dict(size=13), xanchor="left", x=0, xshift=6, yanchor="top", yshift=2,
                           bgcolor="rgba(255,255,255,0.85)")  # inside each panel, clear of the legend
    _years_axis(fig, series["year"])
    fig.update_xaxes(showticklabels=True)
    return _layout(fig, 120 + row_height * max(len(labels), 1))


def facet_chart(values: list[FacetValue], *, top: int = 12, height_per_bar: int = 26) -> go.Figure:
    """A facet as horizontal bars, most first (the `top` values; the rest summed in one grey bar)."""
    shown = values[:top]
    rest = values[top:]
    labels = [v.label for v in shown] + ([f"{len(rest)} others"] if rest else [])
    counts = [v.count for v in shown] + ([sum(v.count for v in rest)] if rest else [])
    bar_colours = [PALETTE[0]] * len(shown) + [OTHER] * bool(rest)
    fig = go.Figure(go.Bar(x=counts, y=labels, orientation="h", marker_color=bar_colours, text=counts,
                           textposition="outside", cliponaxis=False,
                           hovertemplate="%{y}: %{x}<extra></extra>"))
    fig.update_yaxes(autorange="reversed", title_text=None, showgrid=False)
    fig.update_xaxes(visible=False)
    fig = _layout(fig, 40 + height_per_bar * max(len(labels), 1))
    fig.update_layout(margin=dict(l=8, r=32, t=8, b=8), dragmode=False, showlegend=False)
    return fig


def milestone_html(heading: str, m: Milestone | None, empty: str) -> str:
    """A card for a country's first or latest declaration: place, label, date and source (escaped)."""
    return render("milestone.html.j2", heading=heading, m=m, empty=empty)


def network_html(card: NetworkCard) -> str:
    """A network's own record: kind, scope, founding date, description, website, source and founders (escaped)."""
    return render("network_card.html.j2", card=card)
