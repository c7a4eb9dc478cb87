"""Countries page (being built)."""
import streamlit as st

st.title("Countries")
st.info("This page is being built.")
