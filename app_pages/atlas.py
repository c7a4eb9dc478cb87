"""The atlas: map with layers, timeline and the place panel."""
import streamlit as st
from streamlit_folium import st_folium

from mapdata import ui
from mapdata.render.mapview import state_layer

atlas = ui.active_atlas()
filters = ui.sidebar_filters(atlas)
with st.sidebar:
    tiles = st.toggle("Web map tiles", value=False, help="Loads OpenStreetMap/CARTO tiles from the internet. "
                      "Off, the map uses the bundled country basemap and makes no outside request.")
    cluster = st.toggle("Group nearby places", value=True)
    ui.place_search(atlas)

st.title("Solidarity Cities Map")
st.caption("Cities and towns that stand with migrants: their declarations, networks and policies over time, "
           "every fact with its source. Click a place for its facts; ▶ in the map plays the years there (the "
           "summary, the link and the downloads follow the “As of” slider).")
view = ui.current_view(atlas, filters)
ui.follow_map_click(view, "atlas_map")
day = ui.date_slider(atlas)
summary, share = st.columns([4, 1], vertical_alignment="center")
summary.markdown(ui.summary_line(view, day))
with share.popover("Share and export", icon=":material/ios_share:", use_container_width=True):
    ui.share_box(view, atlas, cluster=cluster)

state = st.session_state.url_state
map_col, panel_col = st.columns([3, 2])
with map_col:
    if view.places.empty:
        st.info("No place matches these filters. Remove a filter in the sidebar to see more.")
    st_folium(ui.atlas_map(view, atlas, cluster=cluster, tiles=tiles), key="atlas_map", height=620,
              use_container_width=True, returned_objects=["last_object_clicked_tooltip"],
              feature_group_to_add=state_layer(view, state.filters.as_of, state.filters.place),
              center=state.center, zoom=state.zoom)
with panel_col:
    ui.place_panel_or_overview(atlas, view)
ui.sync_url()
ui.credits(atlas)
