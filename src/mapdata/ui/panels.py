"""The place panel: find a place, follow a map click, the panel itself, and the map or table beside it."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from mapdata.atlas.model import Atlas
from mapdata.render.css import style
from mapdata.render.panel import panel_html, place_detail
from mapdata.text import markdown_literal
from mapdata.ui.data import atlas_map
from mapdata.ui.state import set_filters, update_state
from mapdata.ui.suggest import suggest_link
from mapdata.view.query import View, search_places


def place_search(atlas: Atlas, key: str = "place_search") -> None:
    """Find a place by name or another name, diacritics-insensitive ('Zurich' finds Zürich, 'Cologne' Köln): zooms
    to it and opens its panel."""
    text = st.text_input("Find a place", key=key, placeholder="e.g. Zurich, Palermo, Gdańsk, Cologne")
    if not text:
        return
    hits = search_places(atlas, text)
    if hits.empty:
        st.caption(markdown_literal(f"No place matches “{text}”."))
        return
    chosen = hits.index[0]
    if len(hits) == 1 and hits["matched"].iloc[0]:
        st.caption(markdown_literal(f"Found by another name: {search_label(hits.iloc[0])}"))
    if len(hits) > 1:
        labels = {cid: search_label(r) for cid, r in hits.iterrows()}
        chosen = st.selectbox(f"{len(hits)} places match", list(labels), format_func=labels.get, key=f"{key}_pick")
    if st.session_state.get(f"{key}_done") != (text, chosen):
        st.session_state[f"{key}_done"] = (text, chosen)
        select_place(atlas, chosen, zoom=9)


def search_label(hit: pd.Series) -> str:
    """A search result as the list shows it (plain text): 'Munich (München) · Germany (Bayern)' when found by
    another name, so that the match is understood."""
    matched = f" ({hit['matched']})" if hit.get("matched") else ""
    return f"{hit['name']}{matched} · {hit['country']}" + (f" ({hit['admin1']})" if hit["admin1"] else "")


def select_place(atlas: Atlas, city_id: str, zoom: int | None = None) -> None:
    """Open a place's panel (and, with a zoom, centre the map on it)."""
    set_filters(place=city_id)
    if zoom:
        state = st.session_state.url_state
        state.center = (float(atlas.places.at[city_id, "lat"]), float(atlas.places.at[city_id, "lon"]))
        state.zoom = zoom


def follow_map_click(view: View, map_key: str) -> None:
    """Select the place whose marker was clicked (read before the map is drawn, so the panel opens at once)."""
    city_id = _clicked_place(view, st.session_state.get(map_key), map_key)
    if city_id:
        set_filters(place=city_id)


def _clicked_place(view: View, value: dict | None, map_key: str) -> str | None:
    """The place of a new click on the map, None when there is none.

    The map's value stays after a rerun: a click is new when its text or its time `at` (sent by our layer, so
    that a place clicked again after its panel was closed opens again) differs from the last one seen.
    """
    value = value or {}
    clicked = value.get("last_object_clicked_tooltip")
    seen = (clicked, value.get("at"))
    if not clicked or seen == st.session_state.get(f"{map_key}_last_click"):
        return None
    st.session_state[f"{map_key}_last_click"] = seen
    from mapdata.render.mapview import tooltips
    return {text: cid for cid, text in tooltips(view.places).items()}.get(clicked)


def place_panel_or_overview(atlas: Atlas, view: View) -> None:
    """The selected place's panel, or what the view holds and how to use the map."""
    place = st.session_state.url_state.filters.place
    if place and place in atlas.places.index:
        show_panel(atlas, place)
        return
    st.subheader("About this view")
    st.caption("Click a place on the map, or find it by name in the sidebar, to see every declaration, "
               "membership and policy with its source.")
    counts = view.places["networks"].explode().dropna().value_counts().head(8)
    if len(counts):
        names = atlas.networks["short_name"].reindex(counts.index).fillna(pd.Series(counts.index, index=counts.index))
        st.dataframe(pd.DataFrame({"Network or list": names.values, "Places": counts.values}), hide_index=True,
                     use_container_width=True)
    unverified = int((~view.places["verified"]).sum())
    if unverified:
        st.caption(f"{unverified} places rest only on unverified facts (public lists we hold no copy of).")
    suggest_link()


def show_panel(atlas: Atlas, city_id: str, *, close_key: str = "close_panel") -> None:
    """The detail panel of a place with a close button."""
    detail = place_detail(atlas, city_id)
    if detail is None:
        return
    st.button("✕ Close", key=close_key, help="Close the place panel", on_click=_close_panel)
    st.html(panel_html(detail))
    suggest_link(city_id)


def _close_panel(search_key: str = "place_search") -> None:
    """No place selected, and "Find a place" emptied: the same name typed again opens the place again."""
    update_state(place=None)
    if search_key in st.session_state:
        st.session_state[search_key] = ""
    st.session_state.pop(f"{search_key}_done", None)


def sync_table_pick(table, prefix: str = "places_table") -> str:
    """Keep a places table's picked row and the selected place in step; returns the table's widget key.

    A row the user picks (or unpicks) selects that place (`update_state(place=...)`); a place selected elsewhere
    (map, link, panel close) becomes the picked row. Call it before laying out the page, then `places_grid`.
    """
    import hashlib
    ids = list(table.index)
    key = f"{prefix}_{hashlib.sha1('|'.join(ids).encode()).hexdigest()[:10]}"  # new rows, new widget: no stale row
    seen_key = f"_{prefix}_seen"  # what this table showed last run: (widget key, picked rows)
    seen = st.session_state.get(seen_key)
    current = st.session_state[key]["selection"]["rows"] if key in st.session_state else None
    if current is not None and seen and seen[0] == key and list(current) != seen[1]:
        update_state(place=ids[current[0]] if current and current[0] < len(ids) else None)
    place = st.session_state.url_state.filters.place
    wanted = [ids.index(place)] if place in ids else []
    if current is None or list(current) != wanted:
        st.session_state[key] = {"selection": {"rows": wanted, "columns": [], "cells": []}}
    st.session_state[seen_key] = (key, wanted)
    return key


def places_grid(table, key: str) -> None:
    """The places table (from `export.places_table`) with single-row selection under `key`."""
    lists = {c: st.column_config.ListColumn(c, width="medium") for c in ("Networks", "Declarations", "Policy types")}
    small = {c: st.column_config.TextColumn(c, width="small") for c in ("Country", "Region", "Kind")}
    st.dataframe(table, key=key, on_select="rerun", selection_mode="single-row", hide_index=True,
                 height=min(560, 38 + 35 * len(table)),
                 column_config={
                     **small, **lists,
                     "First date": st.column_config.TextColumn(
                         "First date", help="Earliest dated fact, at the precision the source gives (year, month or "
                                            "day); 'date unknown' when no fact is dated"),
                     "Facts": st.column_config.NumberColumn("Facts", help="Facts matching the filters", width="small"),
                     "Status": st.column_config.TextColumn(
                         "Status", help="✓ verified: at least one fact stated by a document or list this project "
                                        "holds; unverified: only from public lists we hold no copy of")})


_STICKY_PANEL = style("sticky-panel") + '<span class="sc-sticky-panel"></span>'


def map_with_panel(atlas: Atlas, view: View, *, key: str, height: int = 520):
    """The view's map, zoomed to its places, with the place panel beside it: a click on a place opens its panel,
    as on the atlas page. Returns the map's column, for content under the map (a table whose picked row
    opens the same panel); on wide screens the panel stays in sight while that content scrolls."""
    from streamlit_folium import st_folium

    from mapdata.render.mapview import state_layer
    selected = st.session_state.url_state.filters.place
    selected = selected if selected in view.places.index else None
    map_col, panel_col = st.columns([3, 2] if selected else [1, 0.0001])
    with map_col:
        out = st_folium(atlas_map(view, atlas), key=key, height=height, use_container_width=True,
                        returned_objects=["last_object_clicked_tooltip"],
                        feature_group_to_add=state_layer(view, view.state.as_of, selected))
    city_id = _clicked_place(view, out, key)
    if city_id and city_id != selected:
        update_state(place=city_id)
        st.rerun()
    if selected:
        with panel_col:
            st.html(_STICKY_PANEL)
            show_panel(atlas, selected, close_key=f"{key}_close")
    return map_col
