"""What every session shares, cached per server: the atlas (or the visitor's beside it), views, map payloads,
the gazetteer."""
from __future__ import annotations

import gc
from datetime import date

import streamlit as st

from mapdata.atlas.model import Atlas, load_atlas
from mapdata.paths import DATA_DIR
from mapdata.view.query import FilterState, View, select


@st.cache_resource(show_spinner="Loading the atlas…")
def get_atlas() -> Atlas:
    """The bundled atlas, loaded and validated once per server."""
    return _long_lived(load_atlas(DATA_DIR))


def _long_lived(value):
    """Keep what was just loaded out of Python's cyclic GC: with the gazetteer in memory (about a million
    objects), each full collection paused every session for about 0.8 s (bench/README.md)."""
    gc.collect()
    gc.freeze()
    return value


def active_atlas() -> Atlas:
    """The atlas every page shows: the bundled one, or the visitor's own records with or beside it.

    The upload page puts an Atlas in `st.session_state["user_atlas"]` and a mode in
    `st.session_state["user_mode"]` ("beside" or "alone"); merging is `upload.merge_atlases`.
    """
    bundled = get_atlas()
    user = st.session_state.get("user_atlas")
    if user is None:
        return bundled
    if st.session_state.get("user_mode") == "alone":
        return user
    from mapdata.atlas.merge import merge_atlases
    key = ("merged", id(user))
    if st.session_state.get("_merged_key") != key:
        st.session_state._merged = merge_atlases(bundled, user)
        st.session_state._merged_key = key
    return st.session_state._merged


def current_view(atlas: Atlas, filters: FilterState) -> View:
    """The query every page runs (cached per filter state for the bundled atlas).

    The date, the selected place and the colouring select nothing: they stay out of the cache key, so a click
    or a step of the date slider reuses the query (at 20,000 places it took 0.5 s and a cache entry each).
    """
    if atlas is not get_atlas():
        return select(atlas, filters)
    view = _cached_select(filters.with_(as_of=None, place=None, color_by=FilterState.color_by))
    return View(filters, view.places, view.facts)


@st.cache_data(max_entries=64, show_spinner=False)
def _cached_select(filters: FilterState) -> View:
    return select(get_atlas(), filters)


def atlas_map(view: View, atlas: Atlas, *, cluster: bool = True, tiles: bool = False):
    """The view's folium map. For the bundled atlas its payload is kept per filter state and colouring, so a
    date step or a click sends the map again without computing it."""
    from mapdata.render.mapview import build_map
    data = None
    if atlas is get_atlas():
        data = _cached_payload(view.state.with_(as_of=None, place=None), date.today())
    return build_map(view, atlas, cluster=cluster, tiles=tiles, data=data)


@st.cache_data(max_entries=32, show_spinner=False)
def _cached_payload(filters: FilterState, today: date) -> str:
    from mapdata.render.mapview import payload, payload_json
    return payload_json(payload(current_view(get_atlas(), filters), get_atlas()))


@st.cache_resource(show_spinner="Loading the gazetteer to place your towns (once per server, about 10 s)…")
def get_gazetteer():
    """The offline GeoNames gazetteer, loaded once per server (the upload page places towns with it)."""
    from mapdata.geo.gazetteer import gazetteer
    return _long_lived(gazetteer())
