"""Timeline page (being built)."""
import streamlit as st

st.title("Timeline")
st.info("This page is being built.")
