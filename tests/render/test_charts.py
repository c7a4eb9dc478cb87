"""Charts and cards: colours, hover texts naming the places, selection keys, escaping; on the small atlas of
test_facets and on the bundled one."""
from __future__ import annotations

import dataclasses
import json

import pytest

from mapdata.render import charts
from mapdata.view import facets
from mapdata.view.facets import FacetValue, Milestone, NetworkCard
from mapdata.view.query import FilterState, select


def _keys(fig) -> set[str]:
    return {c[0] for trace in fig.data for c in (trace.customdata if trace.customdata is not None else [])}


def test_growth_chart_one_line_per_network_with_keys_and_names(small):
    view = select(small, FilterState())
    series = facets.network_growth(view, small)
    fig = charts.growth_chart(series, facets.undated_members(view, small))
    assert [t.name for t in fig.data] == ["Seebrücke", "IASH", "ECCAR"]  # most dated members first
    assert [t.line.color for t in fig.data] == charts.PALETTE[:3]
    assert _keys(fig) == set(series["key"])
    iash = fig.data[1]
    assert "Joined: Potsdam, Palermo" in iash.customdata[0][1]
    assert "1 more member with date unknown" in iash.customdata[0][1]
    json.loads(fig.to_json())  # serialisable for st.plotly_chart


def test_growth_chart_greys_and_groups_networks_beyond_the_palette(atlas):
    series = facets.network_growth(select(atlas, FilterState()), atlas)
    networks = list(dict.fromkeys(series["network"]))
    fig = charts.growth_chart(series)
    assert len(fig.data) == len(networks)
    coloured = [t for t in fig.data if t.line.color != charts.OTHER]
    assert [t.line.color for t in coloured] == charts.PALETTE[:len(coloured)]
    assert len(coloured) == min(len(networks), len(charts.PALETTE) - 1)
    legend = [t.name for t in fig.data if t.showlegend is not False]
    assert legend.count("Other networks") == (1 if len(networks) > len(coloured) else 0)


def test_a_single_network_adds_its_joins_per_year(small):
    view = select(small, FilterState(networks=("seebruecke",)))
    series = facets.network_growth(view, small, ["seebruecke"])
    fig = charts.growth_chart(series)
    assert [t.type for t in fig.data] == ["scatter", "bar"]
    assert list(fig.data[1].y) == list(series["joined"])
    assert _keys(fig) == set(series["key"])


def test_declarations_chart_panels_per_label_stacked_by_country(small):
    series = facets.declaration_series(select(small, FilterState()), small, top=1)
    fig = charts.declarations_chart(series)
    titles = [a.text for a in fig.layout.annotations]
    assert titles == sorted(series["label"].unique())
    assert fig.layout.barmode == "stack"
    colour = {t.name: t.marker.color for t in fig.data}
    assert colour == {"Germany": charts.PALETTE[0], facets.OTHER_COUNTRIES: charts.OTHER}
    in_legend = sorted((t.legendrank, t.name) for t in fig.data if t.showlegend is not False)
    assert in_legend == [(0, "Germany"), (1, facets.OTHER_COUNTRIES)]  # once each, other countries last
    assert _keys(fig) == set(series["key"])


def test_hover_texts_escape_names(small):
    series = facets.declaration_series(select(small, FilterState()), small)
    fig = charts.declarations_chart(series)
    hovers = [c[1] for t in fig.data for c in t.customdata]
    oakland = next(h for h in hovers if "Sanctuary City" in h)
    assert "Oakland &amp; Piedmont" in oakland and "1 declaration:" in oakland


def test_bundled_declarations_chart_colours_are_okabe_ito(atlas):
    series = facets.declaration_series(select(atlas, FilterState()), atlas)
    if series.empty:
        pytest.skip("no dated declaration in the bundled data")
    fig = charts.declarations_chart(series)
    colours = {t.name: t.marker.color for t in fig.data}
    assert set(colours.values()) <= set(charts.PALETTE) | {charts.OTHER}
    assert colours.get(facets.OTHER_COUNTRIES, charts.OTHER) == charts.OTHER
    assert len(fig.layout.annotations) == series["label"].nunique()
    assert sum(sum(t.y) for t in fig.data) == series["count"].sum()


def test_facet_chart_shows_the_top_values_and_sums_the_rest():
    values = [FacetValue(f"v{i}", f"Value {i}", 20 - i, False) for i in range(15)]
    fig = charts.facet_chart(values, top=12)
    bar = fig.data[0]
    assert list(bar.y) == [f"Value {i}" for i in range(12)] + ["3 others"]
    assert list(bar.x) == [20 - i for i in range(12)] + [8 + 7 + 6]
    assert list(bar.marker.color) == [charts.PALETTE[0]] * 12 + [charts.OTHER]
    assert len(charts.facet_chart(values[:3]).data[0].y) == 3


def test_cards_escape_data_and_only_link_web_addresses():
    m = Milestone("x-a", "A <b>", "Safe Harbour", "2019", "T & T", "javascript:alert(1)")
    html = charts.milestone_html("First declaration", m, "none")
    assert "A &lt;b&gt;" in html and "T &amp; T" in html and "<a " not in html
    assert "No dated" in charts.milestone_html("First declaration", None, "No dated declaration.")
    card = NetworkCard("n", "Name", "N", "Network", "National", "date unknown", "<script>x</script>",
                       "https://example.org/?a=1&b=2", "Src", "https://example.org/s", ("Palermo", "Potsdam"))
    html = charts.network_html(card)
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert 'href="https://example.org/?a=1&amp;b=2"' in html and "Founding members: <b>Palermo, Potsdam</b>" in html
    bare = charts.network_html(dataclasses.replace(card, founders=(), url="javascript:x"))
    assert "No founding member recorded." in bare and 'href="javascript' not in bare
