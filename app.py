"""Solidarity Cities Map: navigation and page configuration."""
import streamlit as st

st.set_page_config(page_title="Solidarity Cities Map", page_icon="🗺️", layout="wide")

PAGES = {
    "Explore": [
        st.Page("pages/atlas.py", title="Atlas", icon="🗺️", url_path="atlas", default=True),
        st.Page("pages/timeline.py", title="Timeline", icon="📈", url_path="timeline"),
        st.Page("pages/countries.py", title="Countries", icon="🏳️", url_path="countries"),
        st.Page("pages/networks.py", title="Networks", icon="🕸️", url_path="networks"),
        st.Page("pages/places.py", title="Places", icon="📋", url_path="places"),
    ],
    "Present and add": [
        st.Page("pages/present.py", title="Present", icon="🎬", url_path="present"),
        st.Page("pages/upload.py", title="Your data", icon="⬆️", url_path="your-data"),
    ],
    "About": [
        st.Page("pages/about.py", title="Data and sources", icon="📚", url_path="about"),
    ],
}
st.navigation(PAGES).run()
