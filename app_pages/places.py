"""Places: every place of the current view in a searchable, sortable table; a picked row opens its panel."""
from datetime import date

import streamlit as st

from mapdata import ui
from mapdata.render.tables import places_table

atlas = ui.active_atlas()
filters = ui.sidebar_filters(atlas, color=False)
view = ui.current_view(atlas, filters)

st.title("Places")
st.caption("Every place the filters select, one row each. Click a column to sort, tick a row to read its facts "
           "and sources.")
search_col, share_col = st.columns([4, 1], vertical_alignment="bottom")
search = search_col.text_input("Search places", key="places_search", placeholder="Name, region or country, "
                               "e.g. Zurich, Cologne, California, Germany", label_visibility="collapsed")
day = filters.as_of or date.today()
table = places_table(view, atlas, search)
key = ui.sync_table_pick(table)
with share_col.popover("Share and export", icon=":material/ios_share:", width="stretch"):
    ui.share_box(view, atlas, key="places_share")

line = ui.summary_line(view, day)
st.markdown(line if not search else f"{line} · **{len(table):,}** matching “{search}”")
ui.suggest_link()
if filters.as_of and st.button("Show the atlas as of today", icon=":material/today:"):
    ui.update_state(as_of=None)
    st.rerun()

selected = st.session_state.url_state.filters.place
table_col, panel_col = st.columns([3, 2] if selected else [1, 0.0001])
with table_col:
    if table.empty:
        st.info("No place matches. Clear the search or remove a filter in the sidebar.")
    else:
        ui.places_grid(table, key)
if selected:
    with panel_col:
        ui.show_panel(atlas, selected, close_key="places_close")
ui.sync_url()
ui.credits(atlas)
