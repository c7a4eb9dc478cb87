"""The one Streamlit module: cached loading, the shared sidebar, URL state, the place panel and credits.

Pages call these; everything else in `mapdata` is Streamlit-free.
"""
from __future__ import annotations

import gc
from datetime import date
from html import escape

import pandas as pd
import streamlit as st

from mapdata.view import urlstate
from mapdata.atlas.model import Atlas, load_atlas
from mapdata.geo.countries import country_name
from mapdata.render.panel import FactLine, PlaceDetail, place_detail
from mapdata.view.query import COLOR_MODES, FilterState, View, search_places, select
from mapdata.atlas.schema import descriptor
from mapdata.text import markdown_literal
from mapdata.paths import DATA_DIR

COLOR_LABELS = {"network": "Network", "year": "Declaration date", "policy": "Policy type"}
_WIDGETS = {"countries": "w_countries", "networks": "w_networks", "labels": "w_labels",
            "policy_types": "w_policy_types", "verified_only": "w_verified", "color_by": "w_color"}


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
    _set_filters(**changes)


def _set_filters(**changes) -> None:
    current: urlstate.UrlState = st.session_state.url_state
    current.filters = current.filters.with_(**changes)


def sync_url() -> None:
    """Write the state into the address bar, so the link restores this view."""
    params = urlstate.to_params(st.session_state.url_state)
    if params != st.query_params.to_dict():
        st.query_params.from_dict(params)


def sidebar_filters(atlas: Atlas, *, color: bool = True) -> FilterState:
    """The shared filters (country, network, label, policy type, verified only, colouring)."""
    state = session_state(atlas).filters
    for attr, key in _WIDGETS.items():  # the state is the truth; widgets write back through _widget_changed
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
    _set_filters(countries=tuple(countries), networks=tuple(networks), labels=tuple(labels),
                 policy_types=tuple(types), verified_only=verified, color_by=color_by)
    return st.session_state.url_state.filters


def _bound(attr: str) -> dict:
    """Widget arguments that tie a sidebar widget to one field of the filter state."""
    return {"key": _WIDGETS[attr], "on_change": _widget_changed, "args": (attr,)}


def _widget_changed(attr: str) -> None:
    value = st.session_state[_WIDGETS[attr]]
    _set_filters(**{attr: tuple(value) if isinstance(value, list) else value})


def current_view(atlas: Atlas, filters: FilterState) -> View:
    """The query every page runs (cached per filter state for the bundled atlas).

    The date, the selected place and the colouring select nothing: they stay out of the cache key, so a click
    or a step of the date slider reuses the query (at 20,000 places it took 0.5 s and a cache entry each).
    """
    if atlas is not get_atlas():
        return select(atlas, filters)
    view = _cached_select(filters.with_(as_of=None, place=None, color_by=FilterState.color_by))
    return View(filters, view.places, view.facts, view.notes)


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
    _set_filters(place=city_id)
    if zoom:
        state = st.session_state.url_state
        state.center = (float(atlas.places.at[city_id, "lat"]), float(atlas.places.at[city_id, "lon"]))
        state.zoom = zoom


def follow_map_click(view: View, map_key: str) -> None:
    """Select the place whose marker was clicked (read before the map is drawn, so the panel opens at once)."""
    city_id = _clicked_place(view, st.session_state.get(map_key), map_key)
    if city_id:
        _set_filters(place=city_id)


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


def _status_badge(status: str) -> str:
    if status == "verified":
        return '<span class="sc-badge sc-verified" title="A document or list held by this project states it">verified</span>'
    return ('<span class="sc-badge sc-unverified" title="From a public list we hold no copy of: check the source">'
            "unverified</span>")


def _outcome_badge(outcome: str) -> str:
    if outcome in ("", "adopted"):
        return ""
    text = {"absent": "documented gap", "proposed": "proposed", "rejected": "rejected", "revoked": "revoked"}[outcome]
    return f'<span class="sc-badge sc-outcome">{escape(text)}</span>'


def _fact_html(fact: FactLine) -> str:
    source = escape(fact.source_title)
    if fact.source_url.startswith(("http://", "https://")):
        source = f'<a href="{escape(fact.source_url, quote=True)}" target="_blank" rel="noopener noreferrer">{source}</a>'
    parts = [f'<div class="sc-fact"><div><b>{escape(fact.heading)}</b> · {escape(fact.date)} '
             f"{_status_badge(fact.status)} {_outcome_badge(fact.outcome)}</div>"]
    if fact.detail:
        parts.append(f'<div class="sc-detail">{escape(fact.detail)}</div>')
    if fact.quote:
        parts.append(f'<blockquote class="sc-quote">“{escape(fact.quote)}”</blockquote>')
    parts.append(f'<div class="sc-source">Source: {source}</div>')
    if fact.note:
        parts.append(f'<div class="sc-note">{escape(fact.note)}</div>')
    return "".join(parts) + "</div>"


PANEL_CSS = """
<style>
.sc-panel h3 { margin: 0 0 2px; }
.sc-panel h4 { margin: 14px 0 4px; font-size: 1rem; }
.sc-meta { color: #555; margin-bottom: 6px; }
.sc-aka { font-size: 0.8rem; color: #555; margin-bottom: 4px; }
.sc-aka summary { cursor: pointer; }
.sc-fact { border-left: 3px solid #0072B2; padding: 4px 0 4px 10px; margin: 6px 0; }
.sc-detail { margin-top: 2px; }
.sc-quote { margin: 4px 0; padding: 2px 8px; border-left: 2px solid #bbb; color: #333; font-style: italic; }
.sc-source, .sc-note { font-size: 0.85rem; color: #444; }
.sc-badge { font-size: 0.72rem; padding: 1px 6px; border-radius: 8px; border: 1px solid; white-space: nowrap; }
.sc-verified { color: #00603f; border-color: #009E73; background: #e6f6f0; }
.sc-unverified { color: #8a4b00; border-color: #E69F00; background: #fff4e0; }
.sc-outcome { color: #7a1f00; border-color: #D55E00; background: #fdece4; }
</style>
"""


def panel_html(detail: PlaceDetail) -> str:
    """The place panel as escaped HTML."""
    meta = " · ".join(escape(x) for x in [detail.country, detail.admin1,
                                          detail.kind if detail.kind != "municipality" else "",
                                          f"population {detail.population}" if detail.population else ""] if x)
    html = [PANEL_CSS, f'<div class="sc-panel" data-place="{escape(detail.city_id, quote=True)}">',
            f"<h3>{escape(detail.name)}</h3>"]
    if detail.other_names:
        html.append(f'<details class="sc-aka"><summary>Other names ({len(detail.other_names)}, from GeoNames)</summary>'
                    f'{escape(", ".join(detail.other_names))}</details>')
    html.append(f'<div class="sc-meta">{meta}</div>')
    for title, facts in [("Declarations", detail.declarations), ("Networks and lists", detail.memberships)]:
        if facts:
            html.append(f"<h4>{title} ({len(facts)})</h4>" + "".join(map(_fact_html, facts)))
    if detail.policies:
        html.append(f"<h4>Policies ({sum(map(len, detail.policies.values()))})</h4>")
        for group, facts in detail.policies.items():
            html.append(f"<div><i>{escape(group)}</i></div>" + "".join(map(_fact_html, facts)))
    return "".join(html) + "</div>"


def show_panel(atlas: Atlas, city_id: str, *, close_key: str = "close_panel") -> None:
    """The detail panel of a place with a close button."""
    detail = place_detail(atlas, city_id)
    if detail is None:
        return
    st.button("✕ Close", key=close_key, help="Close the place panel", on_click=_close_panel)
    st.html(panel_html(detail))


def _close_panel(search_key: str = "place_search") -> None:
    """No place selected, and "Find a place" emptied: the same name typed again opens the place again."""
    update_state(place=None)
    if search_key in st.session_state:
        st.session_state[search_key] = ""
    st.session_state.pop(f"{search_key}_done", None)


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
    _set_filters(as_of=None if chosen == date.today() else chosen)


def credits(atlas: Atlas) -> None:
    """Where the data comes from: sources, licence, last updated and the disclaimer (every page)."""
    pkg = descriptor(DATA_DIR)
    licence = pkg["licenses"][0]
    with st.expander("Sources, licence and how to read this map"):
        st.markdown(f"**{pkg['title']}** · version {pkg['version']} · last updated {pkg['created'][:10]} · "
                    f"licence: {licence['title']}")
        st.markdown(pkg["disclaimer"])
        st.caption(f"{len(atlas.sources)} sources; every fact cites one. Verified: a document or list held by this "
                   "project states it. Unverified: taken from a named public list we hold no copy of.")
        st.dataframe(atlas.sources[["title", "publisher", "date", "url", "kind", "licence"]], hide_index=True,
                     column_config={"url": st.column_config.LinkColumn("url")}, height=220)


def summary_line(view: View, day: date) -> str:
    """'N places in M countries · as of DATE'."""
    shown = view.visible_on(day)
    n, m = len(shown), shown["country_code"].nunique()
    undated = int(shown["first_day"].isna().sum())
    tail = f" ({undated} with date unknown)" if undated else ""
    return (f"**{n:,}** place{'s' if n != 1 else ''} in **{m}** countr{'ies' if m != 1 else 'y'}"
            f"{tail} · as of {day.isoformat()}")


APP_CSS = """<style>
.block-container { padding-top: 2.2rem; }
h1 { padding-top: 0.2rem; }
</style>"""


def app_style() -> None:
    """Page-wide style shared by every page (app.py calls it once per run)."""
    st.html(APP_CSS)


# --- Share and export ---


def share_url(state: urlstate.UrlState | None = None) -> str:
    """The link that restores the view: this page's address plus the state's query string."""
    from urllib.parse import quote, urlencode
    query = urlencode(urlstate.to_params(state or st.session_state.url_state), safe=",", quote_via=quote)
    base = st.context.url or ""
    return f"{base}?{query}" if query else base


def _export_payload(fmt: str, view: View, atlas: Atlas, options: dict):
    from mapdata.export.formats import export
    return lambda: export(fmt, view, atlas, **options).data


def share_box(view: View, atlas: Atlas, *, cluster: bool = True, key: str = "share") -> None:
    """Copy link, download the view (CSV, GeoJSON, standalone HTML map) and cite it; files are built on click."""
    from mapdata.view.cite import cite_view
    from mapdata.export.formats import EXPORTERS, filename
    link = share_url()
    st.markdown("**Link to this view**")
    st.code(link, language=None, wrap_lines=True)
    st.caption("Opens this page with the same filters, date, colouring and place (and the map where “Find a place” "
               "put it). Copy it with the icon.")
    st.markdown("**Download what this view shows**")
    for col, (fmt, exporter) in zip(st.columns(len(EXPORTERS)), EXPORTERS.items()):
        col.download_button(exporter.label, key=f"{key}_{fmt}", help=exporter.help,
                            data=_export_payload(fmt, view, atlas, {"cluster": cluster, "link": link}),
                            file_name=filename(view.state, exporter.ext), mime=exporter.mime, on_click="ignore",
                            icon=":material/download:", width="stretch")
    st.markdown("**Cite this view**")
    st.code(cite_view(view, atlas, link), language=None, wrap_lines=True, height=180)


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


_STICKY_PANEL = """<style>
div[data-testid="stColumn"]:has(.sc-sticky-panel) { position: sticky; top: 3.2rem; align-self: flex-start;
  max-height: calc(100vh - 4rem); overflow-y: auto; }
</style><span class="sc-sticky-panel"></span>"""


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


@st.cache_resource(show_spinner="Loading the gazetteer to place your towns (once per server, about 10 s)…")
def get_gazetteer():
    """The offline GeoNames gazetteer, loaded once per server (the upload page places towns with it)."""
    from mapdata.geo.gazetteer import gazetteer
    return _long_lived(gazetteer())


def literal(text: str) -> str:
    """Text from a file shown literally where Streamlit reads markdown (labels, captions, messages)."""
    import re
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$:])", r"\\\1", str(text))
