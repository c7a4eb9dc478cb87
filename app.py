"""Solidarity Cities Map: navigation and page configuration."""
import streamlit as st

st.set_page_config(page_title="Solidarity Cities Map", page_icon="🗺️", layout="wide")

PAGES = [
    st.Page("pages/atlas.py", title="Atlas", icon="🗺️", url_path="atlas", default=True),
]
st.navigation(PAGES).run()
