"""Solidarity Cities Map: navigation and page configuration."""
import streamlit as st

from mapdata.ui import app_style

st.set_page_config(page_title="Solidarity Cities Map", page_icon="static/favicon.png", layout="wide")

PAGES = {
    "Explore": [
        st.Page("app_pages/atlas.py", title="Atlas", icon=":material/map:", url_path="atlas", default=True),
        st.Page("app_pages/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
        st.Page("app_pages/countries.py", title="Countries", icon=":material/flag:", url_path="countries"),
        st.Page("app_pages/networks.py", title="Networks", icon=":material/hub:", url_path="networks"),
        st.Page("app_pages/places.py", title="Places", icon=":material/table_rows:", url_path="places"),
    ],
    "Present and add": [
        st.Page("app_pages/present.py", title="Present", icon=":material/slideshow:", url_path="present"),
        st.Page("app_pages/upload.py", title="Your data", icon=":material/upload_file:", url_path="your-data"),
        st.Page("app_pages/suggest.py", title="Suggest", icon=":material/edit_note:", url_path="suggest"),
        st.Page("app_pages/suggestions.py", title="Suggestion status", icon=":material/fact_check:",
                url_path="suggestions"),
    ],
    "About": [
        st.Page("app_pages/about.py", title="Data and sources", icon=":material/menu_book:", url_path="about"),
        st.Page("app_pages/review.py", title="Review (curators)", icon=":material/rule:", url_path="review"),
    ],
}
app_style()
st.navigation(PAGES).run()
