"""The timeline played for a room: playback settings, the presenter map and its counts.

Counting follows the map layer (static/js/atlas-layer.js): a place shows from its first dated fact until its last
fact ended; places whose date is unknown are never put on a guessed year: hidden, or shown apart as such.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import folium
import numpy as np
from branca.element import MacroElement
from folium.map import FitBounds
from folium.template import Template

from mapdata.atlas.model import Atlas
from mapdata.atlas.schema import descriptor
from mapdata.paths import DATA_DIR
from mapdata.render.mapview import build_map, day_number, state_layer
from mapdata.view.cite import describe_filters
from mapdata.view.query import View

SPEEDS = (0.5, 1.0, 2.0, 4.0)  # years per second, as the map's own speed menu
@dataclass(frozen=True)
class Playback:
    """What the timeline plays: from the start of one year to the end of another, at a speed in years a second."""

    start_year: int
    end_year: int
    speed: float = 1.0
    autoplay: bool = True
    loop: bool = False
    show_undated: bool = False

    @property
    def start_day(self) -> date:
        return date(self.start_year, 1, 1)

    @property
    def end_day(self) -> date:
        return min(date(self.end_year, 12, 31), date.today())


def year_span(atlas: Atlas) -> tuple[int, int]:
    """The first year with a dated fact, and this year."""
    first = atlas.facts["start_day"].dropna()
    return (first.min().year if len(first) else 1980), date.today().year


@dataclass(frozen=True)
class Counts:
    """What the map's counter says on a day."""

    places: int
    networks: int
    countries: int
    undated: int  # places whose date is unknown (shown dashed, or left out)

    def text(self) -> str:
        def n(k: int, one: str, many: str) -> str:
            return f"{k:,} {one if k == 1 else many}"
        return " · ".join([n(self.places, "place", "places"), n(self.networks, "network", "networks"),
                           n(self.countries, "country", "countries")])

    def undated_note(self, shown: bool) -> str:
        """'829 with date unknown: not shown' (empty when every place is dated)."""
        return (f"{self.undated:,} with date unknown: {'dashed outline' if shown else 'not shown'}"
                if self.undated else "")


_UNKNOWN = np.iinfo(np.int64).min


def _ordinals(days) -> np.ndarray:
    return np.array([d.toordinal() if isinstance(d, date) else _UNKNOWN for d in days], dtype=np.int64)


def _running(start: np.ndarray, end: np.ndarray, day: date, show_undated: bool) -> np.ndarray:
    """Which rows run on a day: started by then (or undated, when shown) and not ended before."""
    n = day.toordinal()
    started = np.where(start == _UNKNOWN, show_undated, start <= n)
    return started & ~((end != _UNKNOWN) & (end < n))


class _Clock:
    """A view's places and memberships as day arrays, to count them on many days."""

    def __init__(self, view: View):
        p, members = view.places, view.facts[view.facts["fact"] == "membership"]
        self.first, self.last = _ordinals(p["first_day"]), _ordinals(p["last_day"])
        self.start, self.end = _ordinals(members["start_day"]), _ordinals(members["end_day"])
        self.country, self.network = p["country_code"].to_numpy(), members["what"].to_numpy()

    def shown(self, day: date, show_undated: bool) -> np.ndarray:
        return _running(self.first, self.last, day, show_undated)

    def counts(self, day: date, show_undated: bool) -> Counts:
        shown = self.shown(day, show_undated)
        running = _running(self.start, self.end, day, show_undated)
        return Counts(int(shown.sum()), len(set(self.network[running])), len(set(self.country[shown])),
                      int((self.first == _UNKNOWN).sum()))


def counts_at(view: View, day: date, show_undated: bool = False) -> Counts:
    """Places, networks and countries on the map on a day (the browser counter's numbers)."""
    return _Clock(view).counts(day, show_undated)


def network_spans(view: View) -> list[list[list[int]]]:
    """Per network, the [start, end] day numbers of its memberships in the view (-1: unknown or open)."""
    members = view.facts[view.facts["fact"] == "membership"]
    return [[[day_number(s), day_number(e)] for s, e in zip(g["start_day"], g["end_day"])]
            for _, g in members.groupby("what")]


class PresenterSettings(MacroElement):
    """Configures the drawn map layer: play range, speed, loop, undated places, networks counter, autoplay."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        if (window.solidarityAtlas) { window.solidarityAtlas.configure({{ this.options }}); }
        {% endmacro %}
    """)

    def __init__(self, options: dict):
        super().__init__()
        self._name = "PresenterSettings"
        self.options = json.dumps(options, separators=(",", ":"))


def _playback_options(playback: Playback) -> dict:
    return {"start_day": day_number(playback.start_day), "end_day": day_number(playback.end_day),
            "speed": playback.speed, "loop": playback.loop, "autoplay": playback.autoplay,
            "show_undated": playback.show_undated}


def presenter_map(view: View, atlas: Atlas, playback: Playback | None = None, *, cluster: bool = False,
                  inline_basemap: bool = False, page_keys: bool = True, legend_closed: bool = False,
                  center: tuple[float, float] | None = None, zoom: int | None = None) -> folium.Map:
    """The map in presenter style with the networks counter; with a playback it plays that range by itself.
    With a centre and zoom it opens there instead of fitting its places."""
    m = build_map(view, atlas, cluster=cluster, presenter=True, inline_basemap=inline_basemap)
    if center and zoom:
        for name in [n for n, child in m._children.items() if isinstance(child, FitBounds)]:
            del m._children[name]
        m.location, m.options["zoom"] = list(center), zoom
    options = {"network_spans": network_spans(view), "page_keys": page_keys, "legend_closed": legend_closed}
    PresenterSettings({**options, **(_playback_options(playback) if playback else {})}).add_to(m)
    return m


def step_layer(view: View, day: date, place: str | None, *, precision: str = "day",
               show_undated: bool = False) -> folium.FeatureGroup:
    """The date, selection and label of a story step, pushed into a drawn map (`st_folium(feature_group_to_add=)`)."""
    group = state_layer(view, day, place)
    PresenterSettings({"label": precision, "show_undated": show_undated, "day": day_number(day)}).add_to(group)
    return group


def credit() -> str:
    """One line of credit for exports: data title, version date, licence."""
    pkg = descriptor(DATA_DIR)
    return (f"{pkg['title']} · data of {pkg['created'][:10]} · {pkg['licenses'][0]['name']} · "
            "every fact cites its source")


def export_title(view: View, atlas: Atlas) -> str:
    """'Solidarity Cities Map · Italy · network: Safe Harbours'."""
    return f"Solidarity Cities Map · {describe_filters(view.state.with_(as_of=None), atlas)}"
