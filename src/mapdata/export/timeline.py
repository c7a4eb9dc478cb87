"""The timeline as one HTML page that plays from file:// with no server and no network."""
from __future__ import annotations

from dataclasses import replace

from mapdata.atlas.model import Atlas
from mapdata.export.standalone import standalone_page
from mapdata.render.html import render
from mapdata.render.presenter import Playback, credit, export_title, presenter_map
from mapdata.view.query import View


def standalone_html(view: View, atlas: Atlas, playback: Playback, *, title: str = "") -> str:
    """One HTML file that plays the timeline (assets inlined), titled with the view and the data's credit."""
    m = presenter_map(view, atlas, playback, inline_basemap=True, page_keys=False)
    title = title or export_title(view, atlas)
    return standalone_page(m, title, render("standalone_title.html.j2", title=title, credit=credit()), "sc_title")


def html_page(view: View, atlas: Atlas, playback: Playback, *, title: str = "", **_) -> bytes:
    """The standalone HTML page, as bytes (plays by itself, loops)."""
    return standalone_html(view, atlas, replace(playback, autoplay=True, loop=True), title=title).encode("utf-8")
