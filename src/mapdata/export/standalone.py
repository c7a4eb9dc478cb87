"""One standalone HTML file from a map: only Leaflet's own assets, every script, style and the basemap inlined,
so it opens from file:// with no server and no network."""
from __future__ import annotations

from html import escape

import folium

from mapdata.render.mapview import jinja_literal
from mapdata.render.offline import inline_assets

LEAN_JS, LEAN_CSS = ("leaflet", "jquery"), ("leaflet_css",)  # our layer needs no Bootstrap or icon fonts


def standalone_page(m: folium.Map, title: str, overlay_html: str, overlay_name: str) -> str:
    """The map as one HTML page titled `title`, with `overlay_html` (already escaped) drawn over it."""
    m.default_js = [(n, u) for n, u in m.default_js if n in LEAN_JS]
    m.default_css = [(n, u) for n, u in m.default_css if n in LEAN_CSS]
    root = m.get_root()
    root.title = escape(title)
    root.html.add_child(folium.Element(jinja_literal(overlay_html)), name=overlay_name)
    return inline_assets(root.render())
