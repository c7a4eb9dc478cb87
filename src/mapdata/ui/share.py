"""Share and export: the link to this view, its citation and every download."""
from __future__ import annotations

import streamlit as st

from mapdata.atlas.model import Atlas
from mapdata.view import urlstate
from mapdata.view.query import View


def share_url(state: urlstate.UrlState | None = None) -> str:
    """The link that restores the view: this page's address plus the state's query string."""
    from urllib.parse import quote, urlencode
    query = urlencode(urlstate.to_params(state or st.session_state.url_state), safe=",", quote_via=quote)
    base = st.context.url or ""
    return f"{base}?{query}" if query else base


def _export_payload(fmt: str, view: View, atlas: Atlas, options: dict):
    from mapdata.export.registry import export
    return lambda: export(fmt, view, atlas, **options).data


def share_box(view: View, atlas: Atlas, *, cluster: bool = True, key: str = "share") -> None:
    """Copy link, download the view (CSV, GeoJSON, standalone HTML map) and cite it; files are built on click."""
    from mapdata.export.registry import VIEW_FORMATS, filename
    from mapdata.view.cite import cite_view
    link = share_url()
    st.markdown("**Link to this view**")
    st.code(link, language=None, wrap_lines=True)
    st.caption("Opens this page with the same filters, date, colouring and place (and the map where “Find a place” "
               "put it). Copy it with the icon.")
    st.markdown("**Download what this view shows**")
    for col, (fmt, exporter) in zip(st.columns(len(VIEW_FORMATS)), VIEW_FORMATS.items()):
        col.download_button(exporter.label, key=f"{key}_{fmt}", help=exporter.help,
                            data=_export_payload(fmt, view, atlas, {"cluster": cluster, "link": link}),
                            file_name=filename(view.state, exporter.ext), mime=exporter.mime, on_click="ignore",
                            icon=":material/download:", width="stretch")
    st.markdown("**Cite this view**")
    st.code(cite_view(view, atlas, link), language=None, wrap_lines=True, height=180)
