"""Places page (being built)."""
import streamlit as st

st.title("Places")
st.info("This page is being built.")
