"""Networks page (being built)."""
import streamlit as st

st.title("Networks")
st.info("This page is being built.")
