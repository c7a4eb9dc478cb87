"""Suggest: a reader sends a sourced fact or a correction (prefilled from a place panel's link)."""
import streamlit as st

from mapdata import ui
from mapdata.ui.suggest import suggestion_form

atlas = ui.get_atlas()
st.title("Suggest a correction or a new fact")
st.caption("Every fact in the atlas cites its source. Tell us what a source says (a council decision, a network's "
           "member list, a press article) and a curator will check it before it is added. Fields follow the "
           "data package's own terms.")
suggestion_form(atlas)
ui.credits(ui.get_atlas())
