"""Networks: a network's record and source, its members over time, on a map and in a list, and its overlaps."""
import streamlit as st

from mapdata import ui
from mapdata.render import charts
from mapdata.render.tables import places_table
from mapdata.text import markdown_literal
from mapdata.view import facets
from mapdata.words import counted

atlas = ui.active_atlas()
filters = ui.sidebar_filters(atlas)
view = ui.current_view(atlas, filters.with_(as_of=None, place=None))

st.title("Networks")
counts = {v.value: v.count for v in facets.facet_values(view, atlas, "network")}
choices = list(filters.networks) or list(atlas.networks.index)
choices = sorted(choices, key=lambda n: (-counts.get(n, 0), facets.term_label(atlas, "network", n).casefold()))
if not choices:
    st.info("The atlas describes no network yet.")
    ui.sync_url()
    ui.credits(atlas)
    st.stop()
if st.session_state.get("network_pick") not in choices:
    st.session_state.network_pick = choices[0]
network = st.selectbox(
    "Network or list", choices, key="network_pick",
    format_func=lambda n: f"{facets.term_label(atlas, 'network', n)} · {counted(counts.get(n, 0), 'place')}",
    help="Networks, labels, campaigns and lists, most places first (counted among the places the sidebar filters "
         "select).")
card = facets.network_card(atlas, network)
nview = facets.all_time(ui.current_view(atlas, filters.with_(networks=(network,), as_of=None, place=None)))

st.header(markdown_literal(card.name))
st.html(charts.network_html(card))
joins = facets.network_growth(nview, atlas, [network])
undated = facets.undated_members(nview, atlas, [network]).get(network, 0)
with st.container(horizontal=True, horizontal_alignment="distribute"):
    st.metric("Members", f"{len(nview.places):,}", width="content",
              help="Places of this network that match the sidebar filters.")
    st.metric("Countries", f"{nview.places['country_code'].nunique():,}", width="content")
    st.metric("Joining date known", f"{len(nview.places) - undated:,}", width="content")
    st.metric("Date unknown", f"{undated:,}", width="content",
              help="Members whose joining date no source we hold gives: counted here, never placed on a guessed "
                   "year.")

st.subheader("Members over time")
if joins.empty:
    st.info(f"No member has a recorded joining date{f': all {undated:,} are counted apart' if undated else ''}.")
else:
    st.plotly_chart(charts.growth_chart(joins, {network: undated}, height=320), key="network_growth",
                    config={"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d"]})
    if undated:
        st.caption(f"Each place counts from its first dated membership. Not on the chart: "
                   f"{counted(undated, 'member')} with date unknown.")

table = places_table(nview, atlas)
table_key = ui.sync_table_pick(table, prefix="network_table")  # a picked row opens the panel beside the map
st.subheader("Members")
if nview.places.empty:
    st.info("No member of this network matches the sidebar filters.")
else:
    map_col = ui.map_with_panel(atlas, nview, key="network_map", height=460)
    with map_col:
        st.caption(f"{counted(len(table), 'member')}. Tick a row to read its facts and sources.")
        ui.places_grid(table, table_key)
        st.subheader("Overlap with other networks")
        shared = facets.overlap(nview, atlas, network)
        if not shared:
            st.caption("No member of this network belongs to another network in the atlas.")
        halves = st.columns(2)
        for i, o in enumerate(shared):
            share = o.count / len(nview.places)
            with halves[i % 2].expander(f"**{markdown_literal(o.label)}** · {counted(o.count, 'shared place')} "
                                        f"({share:.0%} of members)"):
                st.text(", ".join(o.names))
ui.sync_url()
ui.credits(atlas)
