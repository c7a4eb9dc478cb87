"""The floor of the benchmark: a page with nothing but our map of three places (what any map page here costs).

Run it from the project root: `streamlit run bench/floor_app.py` (bench/static links to the app's static files).
"""
import streamlit as st
from streamlit_folium import st_folium

from mapdata import load_atlas
from mapdata.paths import DATA_DIR
from mapdata.render.mapview import build_map
from mapdata.view.query import FilterState, View, select


@st.cache_resource
def three_places():
    """The atlas and a view of its first three places."""
    atlas = load_atlas(DATA_DIR)
    view = select(atlas, FilterState())
    return atlas, View(view.state, view.places.head(3), view.facts)


if __name__ == "__main__":  # streamlit run
    st.set_page_config(page_title="Floor", layout="wide")
    atlas, view = three_places()
    st_folium(build_map(view, atlas), height=620, use_container_width=True, returned_objects=[])
