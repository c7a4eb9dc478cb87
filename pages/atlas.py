"""The atlas: map with layers, timeline and the place panel."""
import streamlit as st
from streamlit_folium import st_folium

from mapdata import ui
from mapdata.mapview import build_map, state_layer, tooltips

atlas = ui.active_atlas()
filters = ui.sidebar_filters(atlas)
with st.sidebar:
    tiles = st.toggle("Web map tiles", value=False, help="Loads OpenStreetMap/CARTO tiles from the internet. "
                      "Off, the map uses the bundled country basemap and makes no outside request.")
    cluster = st.toggle("Group nearby places", value=True)
    chosen = ui.place_search(atlas)
if chosen and chosen != filters.place:
    ui.update_state(place=chosen)
    st.session_state.url_state.center = (float(atlas.places.at[chosen, "lat"]), float(atlas.places.at[chosen, "lon"]))
    st.session_state.url_state.zoom = 9

st.title("Solidarity Cities Map")
view = ui.current_view(atlas, filters)
day = ui.date_slider(atlas)
st.markdown(ui.summary_line(view, day))

state = st.session_state.url_state
selected = state.filters.place
map_col, panel_col = st.columns([3, 2] if selected else [1, 0.0001])
with map_col:
    if view.places.empty:
        st.info("No place matches these filters. Remove a filter in the sidebar to see more.")
    m = build_map(view, atlas, cluster=cluster, tiles=tiles)
    out = st_folium(m, key="atlas_map", height=620, use_container_width=True,
                    returned_objects=["last_object_clicked_tooltip"],
                    feature_group_to_add=state_layer(view, filters.as_of, selected),
                    center=state.center, zoom=state.zoom)
clicked = (out or {}).get("last_object_clicked_tooltip")
if clicked and clicked != st.session_state.get("last_click"):
    st.session_state.last_click = clicked
    by_text = {text: cid for cid, text in tooltips(view.places).items()}
    if by_text.get(clicked) and by_text[clicked] != selected:
        ui.update_state(place=by_text[clicked])
        st.rerun()
if selected:
    with panel_col:
        ui.show_panel(atlas, selected)
ui.sync_url()
ui.credits(atlas)
