"""Every downloadable format in one registry: what a view exports (CSV, GeoJSON, HTML map) and what its timeline
exports for slides (GIF, MP4, HTML page); each says whether this machine can make it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, NamedTuple

from mapdata.atlas.model import Atlas
from mapdata.export.formats import to_csv, to_geojson, to_html
from mapdata.export.frames import SIZES, gif, mp4, mp4_available
from mapdata.export.timeline import html_page
from mapdata.render.presenter import Playback
from mapdata.text import slug
from mapdata.view.query import FilterState, View


class Export(NamedTuple):
    """A file to download."""

    data: bytes
    mime: str
    filename: str


@dataclass(frozen=True)
class Format:
    """One format: how to render it, its MIME type, extension, label, help and frame sizes (none: it scales)."""

    render: Callable[..., bytes]
    mime: str
    ext: str
    label: str
    help: str = ""
    sizes: tuple[str, ...] = ()
    needs: Callable[[], bool] = lambda: True

    def available(self) -> bool:
        """True when this machine can make it (MP4 needs imageio-ffmpeg)."""
        return self.needs()


VIEW_FORMATS: dict[str, Format] = {
    "csv": Format(to_csv, "text/csv", "csv", "CSV", "One row per fact: place, fact, date, status, source, quote"),
    "geojson": Format(to_geojson, "application/geo+json", "geojson", "GeoJSON",
                      "One point per place with its facts, sources and quotes, for GIS tools"),
    "html": Format(to_html, "text/html", "html", "HTML map",
                   "The map as one file that opens in any browser, offline, with its timeline and sources"),
}
TIMELINE_FORMATS: dict[str, Format] = {
    "gif": Format(gif, "image/gif", "gif", "Animated GIF", sizes=("960 × 540", "1280 × 720")),
    "mp4": Format(mp4, "video/mp4", "mp4", "MP4 video", sizes=tuple(SIZES), needs=mp4_available),
    "html": Format(html_page, "text/html", "html", "HTML page (plays offline in a browser)"),
}


def available(formats: dict[str, Format]) -> dict[str, Format]:
    """The formats of a registry that this machine can make."""
    return {k: f for k, f in formats.items() if f.available()}


def filename(state: FilterState, ext: str, today: date | None = None) -> str:
    """'solidarity-cities-it-de-2026-11-26.csv': the countries filtered on and the view's date."""
    countries = slug("-".join(state.countries[:4]))
    day = state.as_of or today or date.today()
    return "-".join(x for x in ["solidarity-cities", countries, day.isoformat()] if x) + f".{ext}"


def timeline_filename(playback: Playback, ext: str) -> str:
    """'solidarity-cities-timeline-1985-2026.gif'."""
    return f"solidarity-cities-timeline-{playback.start_year}-{playback.end_year}.{ext}"


def export(fmt: str, view: View, atlas: Atlas, **options) -> Export:
    """Render a view in a registered format: (bytes, mime, filename). Options go to the format."""
    if fmt not in VIEW_FORMATS:
        raise ValueError(f"unknown export format '{fmt}': use one of {', '.join(VIEW_FORMATS)}")
    f = VIEW_FORMATS[fmt]
    return Export(f.render(view, atlas, **options), f.mime, filename(view.state, f.ext))
