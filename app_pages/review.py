"""Review (curators): closed until the curator's secret is given; then the queue of readers' suggestions."""
import streamlit as st

from mapdata import ui
from mapdata.ui.review import review_page

st.title("Review suggestions")
review_page(ui.get_atlas())
ui.credits(ui.get_atlas())
