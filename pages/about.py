"""Data and sources page (being built)."""
import streamlit as st

st.title("Data and sources")
st.info("This page is being built.")
