"""The naive peer of the benchmark: one `folium.Marker` with an HTML popup per place and a default `st_folium` call.

Same data, same query and the same "As of" slider as the atlas page; what differs is the map: every place is a
folium object built, serialised and sent on every run. Assets are served locally (offline), tiles are off.
Run it from the project root: `streamlit run bench/peer_app.py` (bench/static links to the app's static files).
"""
from datetime import date
from html import escape

import folium
import streamlit as st
from streamlit_folium import st_folium

from mapdata import load_atlas
from mapdata.paths import DATA_DIR
from mapdata.render.offline import use_local_assets
from mapdata.view.query import FilterState, select


@st.cache_resource
def all_places():
    """Every place of the package (loaded once per server, like the app)."""
    atlas = load_atlas(DATA_DIR)
    return select(atlas, FilterState())


def popup(place) -> str:
    """The place's summary as the popup's HTML."""
    networks = ", ".join(place.networks) or "none"
    labels = ", ".join(place.labels) or "none"
    return (f"<h4>{escape(place.name)}</h4><p>{escape(place.country)} · {escape(place.admin1)}</p>"
            f"<p><b>Networks:</b> {escape(networks)}<br><b>Declarations:</b> {escape(labels)}<br>"
            f"<b>First date:</b> {escape(place.first_date or 'date unknown')} · {place.n_facts} facts</p>")


def naive_map(places) -> folium.Map:
    """One folium.Marker with an HTML popup per place: the design the benchmark compares against."""
    m = folium.Map(location=[48, 10], zoom_start=4, tiles=None)
    for place in places.itertuples():
        folium.Marker([place.lat, place.lon], popup=folium.Popup(popup(place), max_width=300)).add_to(m)
    return use_local_assets(m)


def page() -> None:
    view = all_places()
    first = view.places["first_day"].dropna().min()
    start, today = date(first.year, 1, 1), date.today()
    try:
        initial = date.fromisoformat(st.query_params.get("date", ""))
    except ValueError:
        initial = today
    st.title("Naive peer")
    day = st.slider("As of", min_value=start, max_value=today, value=min(max(initial, start), today),
                    format="YYYY-MM-DD")
    shown = view.visible_on(day)
    st.markdown(f"**{len(shown):,}** places · as of {day.isoformat()}")
    st_folium(naive_map(shown), height=620, use_container_width=True)


if __name__ == "__main__":  # streamlit run
    st.set_page_config(page_title="Naive peer", layout="wide")
    page()
