"""Suggestion status: what became of a suggestion, by the reference its receipt gave (`/suggestions?ref=...`)."""
import streamlit as st

from mapdata import ui
from mapdata.ui.suggest import show_status, suggest_link

st.title("Your suggestion")
ref = st.query_params.get("ref", "")
typed = st.text_input("Reference", value=ref[:32], max_chars=32, key="status_ref",
                      help="The reference on your receipt.")
if typed:
    show_status(typed.strip(), ui.get_atlas())
else:
    st.info("Type the reference your receipt gave, or open the link it showed.")
suggest_link()
ui.credits(ui.get_atlas())
