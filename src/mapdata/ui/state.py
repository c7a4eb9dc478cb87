"""The session's state: the URL state every page reads, its widget keys, and the link written back."""
from __future__ import annotations

import streamlit as st

from mapdata.atlas.model import Atlas
from mapdata.text import markdown_literal
from mapdata.view import urlstate
from mapdata.view.facet_list import FACETS

WIDGETS = {**{f.field: f.widget_key for f in FACETS}, "verified_only": "w_verified", "color_by": "w_color"}


def session_state(atlas: Atlas) -> urlstate.UrlState:
    """The view's state: read from the link on a session's first run, then kept across pages."""
    if "url_state" not in st.session_state:
        parsed = urlstate.parse(st.query_params.to_dict(), atlas)
        st.session_state.url_state = parsed
        for notice in parsed.notices[:5]:
            st.toast(markdown_literal(notice), icon="⚠️")
    return st.session_state.url_state


def update_state(**changes) -> None:
    """Change the filter state (and so the link); the sidebar widgets follow on the next run."""
    set_filters(**changes)


def set_filters(**changes) -> None:
    current: urlstate.UrlState = st.session_state.url_state
    current.filters = current.filters.with_(**changes)


def sync_url() -> None:
    """Write the state into the address bar, so the link restores this view."""
    params = urlstate.to_params(st.session_state.url_state)
    if params != st.query_params.to_dict():
        st.query_params.from_dict(params)
