"""Timeline: how networks and declarations grew, year by year; a chart selection lists its places."""
import streamlit as st

from mapdata import ui
from mapdata.render import charts
from mapdata.render.tables import places_table
from mapdata.view import facets
from mapdata.words import counted

atlas = ui.active_atlas()
filters = ui.sidebar_filters(atlas, color=False)
view = ui.current_view(atlas, filters.with_(as_of=None, place=None))

st.title("Timeline")
st.caption("How the atlas grew: places joining networks and declaring themselves, year by year. Click a point or "
           "bar, or drag a box over a chart, to list its places below. Facts without a date are counted apart, "
           "never placed on a guessed year.")

growth = facets.network_growth(view, atlas)
undated_members = facets.undated_members(view, atlas)
declarations = facets.declaration_series(view, atlas)
undated = facets.undated_text(view.facts)
dated = int(view.facts["start_day"].notna().sum())
bases = view.date_bases()
with st.container(horizontal=True, horizontal_alignment="distribute"):
    st.metric("Places", f"{len(view.places):,}", width="content")
    st.metric("On exact dates", f"{bases['exact']:,}", width="content",
              help="Places with at least one fact dated by its source: they appear on the map from that date.")
    st.metric("Listed by a source's date", f"{bases['listed']:,}", width="content",
              help="No exact date, but a list, article or document held here names them, and its date bounds the "
                   "fact: they appear from then, pale. Never shown as the decision date.")
    st.metric("With no date", f"{bases['none']:,}", width="content",
              help="No source held here dates them: shown dashed on the map, never on a guessed year.")
    st.metric("Dated facts", f"{dated:,}", width="content")
    st.metric("Facts without a date", f"{len(view.facts) - dated:,}", width="content",
              help="Counted apart: never placed on a guessed year.")

if st.session_state.get("timeline_filters") != view.state:  # new filters, new charts: fresh, empty selections
    st.session_state.timeline_filters = view.state
    st.session_state.timeline_round = st.session_state.get("timeline_round", -1) + 1
round_ = st.session_state.timeline_round
config = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "autoScale2d"]}
points = []

st.subheader("Networks: places that joined")
if growth.empty:
    st.info("No membership in this view has a date yet, so there is no growth to draw."
            + (f" {sum(undated_members.values()):,} members (a place in a network) have no joining date."
               if undated_members else ""))
else:
    event = st.plotly_chart(charts.growth_chart(growth, undated_members), key=f"growth_{round_}", on_select="rerun",
                            selection_mode=("points", "box"), config=config)
    points += event["selection"]["points"]
    if undated_members:
        st.caption(f"Each place counts from its first dated membership of a network. "
                   f"{sum(undated_members.values()):,} members (a place in a network) have no joining date: they are "
                   "not on this chart. The count of facts below is higher: some memberships have several sources.")

st.subheader("Declarations per year, by country")
if declarations.empty:
    st.info("No declaration in this view has a date yet.")
else:
    event = st.plotly_chart(charts.declarations_chart(declarations), key=f"declarations_{round_}", on_select="rerun",
                            selection_mode=("points", "box"), config=config)
    points += event["selection"]["points"]
    undated_decl = facets.undated_text(view.facts[view.facts["fact"] == "declaration"])
    if undated_decl:
        st.caption(f"Not on the chart: {undated_decl}.")

ids = facets.places_in_selection([growth, declarations], points)
table = places_table(facets.all_time(view), atlas)
st.subheader("Places in your selection" if points else "Places")
if points:
    table = table.loc[[i for i in ids if i in table.index]]
    line, clear = st.columns([4, 1], vertical_alignment="center")
    line.markdown(f"**{counted(len(table), 'place')}** in your selection. Tick a row to read its facts "
                  "and sources.")
    if clear.button("Clear selection", key="timeline_clear", icon=":material/close:", width="stretch"):
        st.session_state.timeline_round += 1
        st.rerun()
else:
    st.caption(f"All {len(table):,} places of the view. Select points on a chart to narrow this list; "
               "tick a row to read its facts and sources.")
key = ui.sync_table_pick(table, prefix="timeline_table")
selected = st.session_state.url_state.filters.place
selected = selected if selected in table.index else None
table_col, panel_col = st.columns([3, 2] if selected else [1, 0.0001])
with table_col:
    if table.empty:
        st.info("No place behind this selection. Select other points, or clear the selection." if points else
                "No place matches these filters. Remove a filter in the sidebar to see more.")
    else:
        ui.places_grid(table, key)
if selected:
    with panel_col:
        ui.show_panel(atlas, selected, close_key="timeline_close")

if undated:
    with st.expander(f"Date unknown: {undated}"):
        st.caption("These facts are on the map and in the lists, but no source we hold gives their date.")
        st.dataframe(facets.undated_facts(view, atlas), hide_index=True, height=320)
ui.sync_url()
ui.credits(atlas)
