"""The shared sidebar: filters, colouring, and the "As of" date slider."""
from __future__ import annotations

from datetime import date

import streamlit as st

from mapdata.atlas.model import Atlas
from mapdata.geo.countries import country_name
from mapdata.ui.state import WIDGETS, session_state, set_filters
from mapdata.view.query import COLOR_MODES, FilterState

COLOR_LABELS = {"network": "Network", "year": "Declaration date", "policy": "Policy type"}
def sidebar_filters(atlas: Atlas, *, color: bool = True) -> FilterState:
    """The shared filters (country, network, label, policy type, verified only, colouring)."""
    state = session_state(atlas).filters
    for attr, key in WIDGETS.items():  # the state is the truth; widgets write back through _widget_changed
        value = getattr(state, attr)
        st.session_state[key] = list(value) if isinstance(value, tuple) else value
    nets = atlas.networks
    with st.sidebar:
        st.header("Filters")
        countries = st.multiselect("Country", sorted(atlas.places["country_code"].unique(), key=country_name),
                                   format_func=country_name, placeholder="All countries", **_bound("countries"))
        networks = st.multiselect("Network or list", list(nets.sort_values("short_name").index),
                                  format_func=lambda n: nets.at[n, "short_name"], placeholder="All networks",
                                  **_bound("networks"))
        labels = st.multiselect("Declaration", sorted(atlas.declarations["label"].unique()),
                                placeholder="All declarations", **_bound("labels"))
        types = st.multiselect("Policy type", sorted(atlas.policies["policy_type"].unique(),
                                                     key=lambda t: atlas.label("policy_type", t)),
                               format_func=lambda t: atlas.label("policy_type", t), placeholder="All policy types",
                               **_bound("policy_types"))
        verified = st.toggle("Verified facts only", **_bound("verified_only"),
                             help="Leave out facts taken from public lists we hold no copy of (marked unverified).")
        color_by = state.color_by
        if color:
            color_by = st.radio("Colour by", COLOR_MODES, format_func=COLOR_LABELS.get, horizontal=True,
                                **_bound("color_by"))
    set_filters(countries=tuple(countries), networks=tuple(networks), labels=tuple(labels),
                 policy_types=tuple(types), verified_only=verified, color_by=color_by)
    return st.session_state.url_state.filters


def _bound(attr: str) -> dict:
    """Widget arguments that tie a sidebar widget to one field of the filter state."""
    return {"key": WIDGETS[attr], "on_change": _widget_changed, "args": (attr,)}


def _widget_changed(attr: str) -> None:
    value = st.session_state[WIDGETS[attr]]
    set_filters(**{attr: tuple(value) if isinstance(value, list) else value})


def date_slider(atlas: Atlas) -> date:
    """The 'as of' date of the view (today by default)."""
    first = atlas.facts["start_day"].dropna().min()
    state = st.session_state.url_state.filters
    start = date(first.year, 1, 1) if isinstance(first, date) else date(1980, 1, 1)  # NaN when nothing is dated
    today = date.today()
    value = min(max(state.as_of or today, start), today)
    chosen = st.slider("As of", min_value=start, max_value=today, value=value, format="YYYY-MM-DD", key="w_as_of",
                       on_change=_date_changed,
                       help="The map shows the atlas as it stood on this date. ▶ in the map plays the years.")
    _date_changed()  # also a date from the link, clamped to the slider's range
    return chosen


def _date_changed() -> None:
    """The slider's date in the state (none for today); as its callback, before the page runs, so that the view,
    the citation and the downloads, made before the slider is drawn, are of that date."""
    chosen = st.session_state["w_as_of"]
    set_filters(as_of=None if chosen == date.today() else chosen)
